/// The referendum domain and its rules: definition, schedule and lifecycle, registers, stations,
/// casting, counting, publishing. Pure logic over protocols; no SQL, no HTTP.
public enum ReferendumModule {}
