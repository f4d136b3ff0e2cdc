/// The ballots an audit samples from: named batches (a station's ballot box, a bundle) and how
/// many ballots each holds, numbered 1…count inside the batch.
public struct BallotManifest: Sendable, Codable, Hashable {
    /// One batch of the manifest.
    public struct Batch: Sendable, Codable, Hashable {
        /// The batch's name, unique in the manifest; part of every ballot's hashed id text.
        public let name: String
        /// How many ballots it holds.
        public let ballots: Int

        /// A batch; checked when the manifest is built.
        public init(name: String, ballots: Int) {
            self.name = name
            self.ballots = ballots
        }
    }

    /// The batches, in the order given (the order does not change the sample).
    public let batches: [Batch]

    /// Checks that names are non-empty, unique and printable without quotes or backslashes (so
    /// the id text below is exactly Python's), counts are between 0 and 10^12, and there are at
    /// most a million batches.
    /// - Throws: `AuditError.invalidInput` naming `batches[i].name` or `batches[i].ballots`.
    public init(batches: [Batch]) throws {
        guard batches.count <= 1_000_000 else {
            throw AuditError.invalidInput(field: "batches", reason: "more than 1000000 batches")
        }
        var seen = Set<String>()
        for (i, batch) in batches.enumerated() {
            try BallotManifest.checkName(batch.name, field: "batches[\(i)].name")
            guard seen.insert(batch.name).inserted else {
                throw AuditError.invalidInput(field: "batches[\(i)].name", reason: "\"\(batch.name)\" appears twice")
            }
            try Contest.checkCount(batch.ballots, field: "batches[\(i)].ballots")
        }
        self.batches = batches
    }

    /// All ballots in the manifest.
    public var totalBallots: Int { batches.reduce(0) { $0 + $1.ballots } }

    /// A name may become part of a Python string literal as is: no quote, no backslash, nothing
    /// Python's `str.isprintable` rejects.
    static func checkName(_ name: String, field: String) throws {
        guard !name.isEmpty else { throw AuditError.invalidInput(field: field, reason: "is empty") }
        guard name.utf8.count <= 1_000 else {
            throw AuditError.invalidInput(field: field, reason: "is longer than 1000 bytes")
        }
        for scalar in name.unicodeScalars {
            if scalar == "'" || scalar == "\\" {
                throw AuditError.invalidInput(field: field, reason: "contains a quote or a backslash")
            }
            switch scalar.properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
                throw AuditError.invalidInput(field: field, reason: "contains an unprintable character")
            case .spaceSeparator where scalar != " ":
                throw AuditError.invalidInput(field: field, reason: "contains a space other than U+0020")
            default: continue
            }
        }
    }

    private enum CodingKeys: String, CodingKey { case batches }

    /// Decodes a manifest and checks it as `init(batches:)` does.
    public init(from decoder: any Decoder) throws {
        try self.init(batches: try decoder.container(keyedBy: CodingKeys.self).decode([Batch].self, forKey: .batches))
    }
}

/// One ballot's place: its batch and its position (1-based) inside it.
public struct BallotPosition: Sendable, Codable, Hashable {
    /// The batch's name.
    public let batch: String
    /// The position inside the batch, from 1.
    public let position: Int

    /// A ballot position (not checked against any manifest).
    public init(batch: String, position: Int) {
        self.batch = batch
        self.position = position
    }

    /// The text hashed for this ballot: Python's `str((batch, position))`, `('pct 2', 3)`.
    public var idText: String { "('\(batch)', \(position))" }
}
