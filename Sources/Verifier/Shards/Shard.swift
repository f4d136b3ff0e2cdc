/// One of `count` disjoint parts of a record's ballots, numbered 1...count, for verifying a record on
/// several machines (`Verifier.verifyShard`, then `Verifier.combine`).
///
/// The split is stable: a ballot file belongs to shard 1 + (FNV-1a-64 of its path relative to the
/// record, as UTF-8) mod count. Every process computes it alone from the path, so the shards are
/// disjoint and together cover every ballot file, whatever machine, order or listing they run in.
public struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
    /// This shard's number, 1...count.
    public let number: Int
    /// How many shards the ballots are split into.
    public let count: Int

    /// Shard `number` of `count`, nil unless 1 ≤ number ≤ count.
    public init?(number: Int, count: Int) {
        guard count >= 1, (1...count).contains(number) else { return nil }
        self.number = number
        self.count = count
    }

    /// The shard written "i/n" ("2/4"), nil for any other text or an i outside 1...n.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let number = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(number: number, count: count)
    }

    /// "2/4".
    public var description: String { "\(number)/\(count)" }

    /// True when the ballot file at `path` (relative to the record's root) is this shard's.
    public func contains(_ path: String) -> Bool { Self.number(of: path, count: count) == number }

    /// The shard (1...count) of the ballot file at `path`.
    public static func number(of path: String, count: Int) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Int(hash % UInt64(max(1, count))) + 1
    }
}

extension Shard {
    private enum CodingKeys: String, CodingKey { case number, count }

    /// Decodes {"number": i, "count": n}, refusing an i outside 1...n.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let number = try container.decode(Int.self, forKey: .number), count = try container.decode(Int.self, forKey: .count)
        guard let shard = Shard(number: number, count: count) else {
            throw DecodingError.dataCorruptedError(forKey: .number, in: container, debugDescription: "shard \(number)/\(count) is not in 1...\(count)")
        }
        self = shard
    }
}
