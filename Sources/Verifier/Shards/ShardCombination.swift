/// Whether a set of parts makes one whole record: one split, every shard of it exactly once, all of
/// the record being combined.
enum ShardCombination {
    /// - Throws: `partsDoNotMatch`, naming the files concerned.
    static func check(_ parts: [ShardPart], against identity: ShardPart.RecordIdentity, record: String) throws(VerifierError) {
        guard let first = parts.first else { throw .partsDoNotMatch("no parts to combine") }
        let count = first.shard.count
        if let other = parts.first(where: { $0.shard.count != count }) {
            throw .partsDoNotMatch("parts of different splits: \(first.source) is shard \(first.shard), \(other.source) is shard \(other.shard)")
        }
        let byNumber = Dictionary(grouping: parts, by: \.shard.number)
        if let (number, twice) = byNumber.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count > 1 }) {
            throw .partsDoNotMatch("shard \(number)/\(count) given twice: \(twice.map(\.source).joined(separator: ", "))")
        }
        // At most ten named, without walking 1...count (a part may claim any count).
        var missing = [Int](), number = 1
        while number <= count && missing.count < 10 {
            if byNumber[number] == nil { missing.append(number) }
            number += 1
        }
        guard missing.isEmpty else {
            let more = count - parts.count > missing.count ? " and more" : ""
            throw .partsDoNotMatch("shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(count)" }.joined(separator: ", "))\(more) "
                                   + "missing: combining needs all \(count) parts")
        }
        for part in parts where part.record != identity {
            if part.record.extendedBaseHash != identity.extendedBaseHash {
                throw .partsDoNotMatch("\(part.source): record.extendedBaseHash: a part of another election than \(record) "
                                       + "(H_E \(Self.short(part.record.extendedBaseHash)), the record's \(Self.short(identity.extendedBaseHash)))")
            }
            if part.record.inputsDigest != identity.inputsDigest {
                throw .partsDoNotMatch("\(part.source): record.inputsDigest: made with another manifest, configuration, key or "
                                       + "referendum/ballots.csv than \(record) has now; verify the shards again")
            }
            throw .partsDoNotMatch("\(part.source): record.listingDigest: made from other ballot files than \(record) has now "
                                   + "(\(part.record.ballotFiles) then, \(identity.ballotFiles) now); verify the shards again")
        }
    }

    private static func short(_ hash: String?) -> String { hash.map { String($0.prefix(16)) + "…" } ?? "unreadable" }
}
