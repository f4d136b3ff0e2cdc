/// The extra data ElectionGuard 2.0 encrypts with each contest (spec 3.3.3): whether the contest was
/// voted normally, left blank, under- or over-voted, which selections an overvote named, and
/// write-ins. Serialized as egk does, a protocol-buffers message padded with '*' to (L+1)·32 bytes
/// (docs/electionguard-2.0-encodings.md §5.4).
public struct ContestData: Sendable, Hashable {
    public enum Status: Int, Sendable, Hashable, CaseIterable {
        case normal = 0, nullVote = 1, overVote = 2, underVote = 3

        /// egk's JSON name.
        public var name: String {
            switch self {
            case .normal: "normal"
            case .nullVote: "null_vote"
            case .overVote: "over_vote"
            case .underVote: "under_vote"
            }
        }
    }

    public let status: Status
    /// Sequence orders of the selections voted, when the contest was over-voted.
    public let overVotes: [Int]
    public let writeIns: [String]

    public init(status: Status, overVotes: [Int] = [], writeIns: [String] = []) {
        self.status = status
        self.overVotes = overVotes
        self.writeIns = writeIns
    }

    /// The status for `votes` selections voted plus write-ins, against the limit.
    public static func status(votes: Int, limit: Int) -> Status {
        if votes == 0 { return .nullVote }
        if votes < limit { return .underVote }
        if votes > limit { return .overVote }
        return .normal
    }

    /// The padded message for a contest with selection limit `votesAllowed`.
    public func encoded(votesAllowed: Int) -> [UInt8] {
        let size = (votesAllowed + 1) * 32
        let bare = message(filler: nil)
        guard bare.count < size else { return bare }
        return message(filler: max(0, size - bare.count - 2))
    }

    /// Parses a decrypted message.
    /// - Throws: `invalidBallot` when the bytes are not such a message.
    public init(decoding bytes: [UInt8]) throws {
        var reader = ProtobufReader(bytes: bytes)
        var status = Status.normal, overVotes = [Int](), writeIns = [String]()
        while let (field, wireType) = try reader.nextTag() {
            switch (field, wireType) {
            case (1, 0):
                guard let value = Status(rawValue: Int(try reader.varint())) else { throw reader.error("unknown status") }
                status = value
            case (2, 2):
                var packed = ProtobufReader(bytes: try reader.lengthDelimited())
                while !packed.isAtEnd { overVotes.append(Int(try packed.varint())) }
            case (2, 0): overVotes.append(Int(try reader.varint()))
            case (3, 2): writeIns.append(String(decoding: try reader.lengthDelimited(), as: UTF8.self))
            case (4, 2): _ = try reader.lengthDelimited()
            default: throw reader.error("unexpected field \(field) of wire type \(wireType)")
            }
        }
        self.init(status: status, overVotes: overVotes, writeIns: writeIns)
    }

    private func message(filler: Int?) -> [UInt8] {
        var out = [UInt8]()
        if status != .normal { out += [0x08] + Self.varint(UInt64(status.rawValue)) }
        if !overVotes.isEmpty {
            let packed = overVotes.flatMap { Self.varint(UInt64($0)) }
            out += [0x12] + Self.varint(UInt64(packed.count)) + packed
        }
        for writeIn in writeIns {
            let bytes = Array(writeIn.utf8)
            out += [0x1A] + Self.varint(UInt64(bytes.count)) + bytes
        }
        if let filler {
            out += [0x22] + Self.varint(UInt64(filler)) + [UInt8](repeating: UInt8(ascii: "*"), count: filler)
        }
        return out
    }

    static func varint(_ value: UInt64) -> [UInt8] {
        var value = value, out = [UInt8]()
        repeat {
            var byte = UInt8(value & 0x7F)
            value >>= 7
            if value != 0 { byte |= 0x80 }
            out.append(byte)
        } while value != 0
        return out
    }
}

/// Reads the few protocol-buffers constructs contest data uses.
struct ProtobufReader {
    let bytes: [UInt8]
    var position = 0

    var isAtEnd: Bool { position >= bytes.count }

    func error(_ reason: String) -> ElectionGuardError {
        .invalidBallot("contest data: \(reason) at byte \(position)")
    }

    mutating func nextTag() throws -> (Int, Int)? {
        guard !isAtEnd else { return nil }
        let tag = try varint()
        return (Int(tag >> 3), Int(tag & 7))
    }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw error("truncated varint") }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func lengthDelimited() throws -> [UInt8] {
        let length = Int(try varint())
        guard length >= 0, position + length <= bytes.count else { throw error("length past the end") }
        defer { position += length }
        return Array(bytes[position..<position + length])
    }
}
