/// The public record of an election: its JSON types (egk-compatible, ElectionGuard 2.0), the directory
/// layout, reading and writing. Knows nothing of storage or servers.
public enum ElectionRecordModule {}
