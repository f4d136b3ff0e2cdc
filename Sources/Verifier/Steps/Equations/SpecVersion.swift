import ElectionGuard

/// The byte encodings of the records the verifier reads, stated here rather than taken from the
/// producer's `ProtocolDialect`, so that a wrong setting there cannot pass on both sides: spec 2.0.0
/// as egk writes records (docs/electionguard-2.0-encodings.md §10, spec 2.0.0 §5.1 and §5.5).
enum SpecVersion: Sendable, Hashable {
    /// ElectionGuard 2.0.0: version "v2.0.0", indices and counts in 4 bytes, ballots name contests and
    /// selections by their sequence orders.
    case v2_0_0

    /// The version string of `config_version` (1.A).
    var version: String {
        switch self {
        case .v2_0_0: "v2.0.0"
        }
    }

    /// ver: the version's UTF-8 bytes padded with zeros to 32 bytes, the key of H_P (spec 2.0.0 1.F).
    var versionKey: [UInt8] {
        let bytes = Array(version.utf8)
        return bytes + [UInt8](repeating: 0, count: 32 - bytes.count)
    }

    /// b(x, 4): an index (i, j, n, k, a sequence order) or a length, 4 bytes big-endian (spec 2.0.0 §5.1.4).
    static func b4(_ value: Int) -> FixedWidthInteger { FixedWidthInteger(value, width: 4) }
}
