/// The public election record of ElectionGuard 2.0, byte-compatible with what egk
/// (votingworks/electionguard-kotlin-multiplatform, spec 2.0.0) writes and reads
/// (docs/record-format.md). Knows nothing of storage or servers.
///
/// A map of the module:
///
/// - `ElectionRecordDirectory` reads a record on disk file by file, ballots lazily;
///   `ElectionRecordWriter` builds one in a staging directory and renames it into place.
/// - Record-level values: `ElectionConstants`, `ElectionManifest` (with its exact bytes, for H_M),
///   `ElectionConfig` (n, k, H_P, H_M, H_B, chaining, B_aux,0), `ElectionInitialized` (K, H_E,
///   guardians), `RecordedBallot` (an `EncryptedBallot` plus record-only fields), `BallotChainRecord`,
///   `EncryptedTally`, `DecryptedTallyOrBallot`, and the private `DecryptingTrustee`.
/// - JSON types (`ElectionConfigJSON`, `EncryptedBallotJSON`, ...) mirror egk's classes field for
///   field; each converts to its domain value with `...(at: RecordField)`, which checks every number,
///   and back with an `init(_:)`.
/// - `RecordJSON` decodes strictly and encodes in egk's exact text form; `ElectionRecordError` names
///   the file and the field of every failure.
public enum ElectionRecordModule {
    /// The protocol version this module reads and writes.
    public static let protocolVersion = "v2.0.0"
}
