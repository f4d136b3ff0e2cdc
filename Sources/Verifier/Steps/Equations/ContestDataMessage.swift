/// The plaintext of a contest's data as egk writes it (docs/electionguard-2.0-encodings.md §5.4), read
/// and written by the verifier itself for 12.C: a protocol-buffers message of the contest's status
/// (field 1), the sequence orders an over-vote named (field 2, packed), write-ins (field 3) and a filler
/// of '*' (field 4) that pads it to (L + 1) · 32 bytes.
struct ContestDataMessage: Equatable {
    /// egk's status values: 0 normal, 1 null vote, 2 over-vote, 3 under-vote.
    enum Status: UInt64 {
        case normal = 0, nullVote = 1, overVote = 2, underVote = 3

        /// The status of a contest with `votes` marks (selections and write-ins) and limit L.
        init(votes: Int, limit: Int) {
            self = votes == 0 ? .nullVote : votes < limit ? .underVote : votes > limit ? .overVote : .normal
        }
    }

    var status = Status.normal
    var overVotes = [Int]()
    var writeIns = [String]()

    init(status: Status, overVotes: [Int] = [], writeIns: [String] = []) {
        self.status = status
        self.overVotes = overVotes
        self.writeIns = writeIns
    }

    /// Reads `bytes`; nil when they are not such a message.
    init?(decoding bytes: [UInt8]) {
        var position = 0
        func varint() -> UInt64? {
            var value: UInt64 = 0, shift: UInt64 = 0
            while position < bytes.count, shift < 64 {
                let byte = bytes[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        func field() -> ArraySlice<UInt8>? {
            guard let length = varint(), length <= UInt64(bytes.count - position) else { return nil }
            defer { position += Int(length) }
            return bytes[position..<position + Int(length)]
        }
        while position < bytes.count {
            guard let tag = varint() else { return nil }
            switch tag {
            case 0x08:
                guard let value = varint(), let status = Status(rawValue: value) else { return nil }
                self.status = status
            case 0x12:
                guard let packed = field() else { return nil }
                guard let orders = Self.varints(Array(packed)) else { return nil }
                overVotes += orders
            case 0x1A:
                guard let text = field() else { return nil }
                writeIns.append(String(decoding: text, as: UTF8.self))
            case 0x22:
                guard field() != nil else { return nil }
            default:
                return nil
            }
        }
    }

    /// The message padded for a contest with limit L: without a filler if it already fills
    /// (L + 1) · 32 bytes, else with a filler of as many '*' as make it that long.
    func encoded(votesAllowed: Int) -> [UInt8] {
        let size = (votesAllowed + 1) * 32
        let bare = fields()
        guard bare.count < size else { return bare }
        let filler = max(0, size - bare.count - 2)
        return bare + [0x22] + Self.varint(UInt64(filler)) + [UInt8](repeating: UInt8(ascii: "*"), count: filler)
    }

    private func fields() -> [UInt8] {
        var out = [UInt8]()
        if status != .normal { out += [0x08] + Self.varint(status.rawValue) }
        if !overVotes.isEmpty {
            let packed = overVotes.flatMap { Self.varint(UInt64($0)) }
            out += [0x12] + Self.varint(UInt64(packed.count)) + packed
        }
        for writeIn in writeIns {
            let text = Array(writeIn.utf8)
            out += [0x1A] + Self.varint(UInt64(text.count)) + text
        }
        return out
    }

    static func varint(_ value: UInt64) -> [UInt8] {
        var rest = value, out = [UInt8]()
        while rest >= 0x80 {
            out.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
        return out
    }

    private static func varints(_ bytes: [UInt8]) -> [Int]? {
        var values = [Int](), value: UInt64 = 0, shift: UInt64 = 0
        for byte in bytes {
            guard shift < 63 else { return nil }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                guard value <= UInt64(Int.max) else { return nil }
                values.append(Int(value))
                value = 0
                shift = 0
            } else {
                shift += 7
            }
        }
        return shift == 0 ? values : nil
    }

    /// Why this message cannot be the data of a contest whose selections (by sequence order, ascending)
    /// open to `votes`, with limit L, or nil: its status follows from the marks (selections voted plus
    /// write-ins); an over-voted contest encrypts only zeros and names, in sequence order, the selections
    /// marked; any other names none.
    func problem(votes: [Int], sequenceOrders: [Int], limit: Int) -> String? {
        if status == .overVote {
            guard votes.allSatisfy({ $0 == 0 }) else { return "an over-voted contest must encrypt only zeros" }
            let named = Set(overVotes)
            guard overVotes == sequenceOrders.filter(named.contains) else {
                return "the over-vote names \(overVotes), not distinct selections of the contest in sequence order"
            }
        } else if !overVotes.isEmpty {
            return "the contest is not over-voted but its data names over-votes"
        }
        let marks = (status == .overVote ? overVotes.count : votes.reduce(0, +)) + writeIns.count
        let expected = Status(votes: marks, limit: limit)
        return expected == status ? nil : "its status is \(status), \(marks) marks with limit \(limit) make it \(expected)"
    }
}
