import ElectionRecord
import Foundation

/// A protocol as the commission types it (YAML or JSON; docs/paper.md shows one), before the engine
/// checks it against the referendum and stamps it.
public struct ProtocolEntry: Sendable, Codable, Hashable {
    public var station: String
    public var region: String
    public var mode: StationProtocol.Mode?
    public var received: Int
    public var issued: Int
    public var spoiled: Int
    public var unused: Int
    public var stationary: Int
    public var mobile: Int
    public var found: Int
    /// Envelopes set aside unopened as superseded (absent: 0).
    public var setAside: Int?
    public var votes: [String: Int]
    public var invalid: Int
    public var signedBy: [String]

    enum CodingKeys: String, CodingKey {
        case station, region, mode, received, issued, spoiled, unused, stationary, mobile, found, votes, invalid
        case setAside = "set_aside", signedBy = "signed_by"
    }

    public init(station: String, region: String, mode: StationProtocol.Mode? = nil, received: Int, issued: Int, spoiled: Int,
                unused: Int, stationary: Int, mobile: Int, found: Int, setAside: Int? = nil, votes: [String: Int], invalid: Int, signedBy: [String]) {
        self.setAside = setAside
        self.station = station; self.region = region; self.mode = mode
        self.received = received; self.issued = issued; self.spoiled = spoiled; self.unused = unused
        self.stationary = stationary; self.mobile = mobile; self.found = found
        self.votes = votes; self.invalid = invalid; self.signedBy = signedBy
    }

    /// The largest protocol file read.
    public static let maximumFileBytes = 1 << 20
    /// Protocols in one file, at most.
    public static let maximumPerFile = 10_000

    /// Reads one protocol (a mapping) or several (a sequence of mappings) from YAML or JSON text.
    /// - Throws: `ReferendumError.definition` naming the file, the line and the field.
    public static func read(_ text: String, file: String) throws -> [ProtocolEntry] {
        guard text.utf8.count <= maximumFileBytes else {
            throw ReferendumError.definition(file: file, line: nil, field: "(file)", reason: "larger than \(maximumFileBytes) bytes")
        }
        let document = try YAMLDocument(text: text, file: file)
        let entries: [ProtocolEntry] = document.root.sequence != nil
            ? try document.decodeWithLiteralKeys([ProtocolEntry].self) : [try document.decodeWithLiteralKeys(ProtocolEntry.self)]
        guard !entries.isEmpty, entries.count <= maximumPerFile else {
            throw ReferendumError.definition(file: file, line: 1, field: "(document)", reason: "holds \(entries.count) protocols; 1 to \(maximumPerFile) expected")
        }
        for (index, entry) in entries.enumerated() {
            let prefix = document.root.sequence != nil ? ["\(index)"] : []
            if let (field, reason) = entry.shapeProblem {
                throw document.error(prefix + field.split(separator: ".").map(String.init), reason)
            }
        }
        return entries
    }

    /// The first field out of shape, whatever the referendum (counts, names), with why.
    public var shapeProblem: (field: String, reason: String)? {
        let counts: [(String, Int)] = [("received", received), ("issued", issued), ("spoiled", spoiled), ("unused", unused),
                                      ("stationary", stationary), ("mobile", mobile), ("found", found), ("invalid", invalid),
                                      ("set_aside", setAside ?? 0)]
            + votes.sorted { $0.key < $1.key }.map { ("votes.\($0.key)", $0.value) }
        for (field, value) in counts where !(0...StationProtocol.maximumCount).contains(value) {
            return (field, "\(value) is not a count from 0 to \(StationProtocol.maximumCount)")
        }
        if votes.count > 64 { return ("votes", "names \(votes.count) options") }
        guard (1...StationProtocol.maximumSignatories).contains(signedBy.count) else {
            return ("signed_by", "needs 1 to \(StationProtocol.maximumSignatories) commission members")
        }
        for (index, name) in signedBy.enumerated() {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.count > 200 || trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return ("signed_by.\(index)", "a name of 1 to 200 printable characters")
            }
        }
        for (field, value) in [("station", station), ("region", region)] where value.isEmpty || value.count > 128 {
            return (field, "1 to 128 characters")
        }
        return nil
    }
}
