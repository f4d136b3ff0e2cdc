/// Independent checks of a published record, step by step as the ElectionGuard 2.0 spec numbers them,
/// plus the referendum's own rules. Reads only ElectionRecord and ElectionGuard.
public enum VerifierModule {}
