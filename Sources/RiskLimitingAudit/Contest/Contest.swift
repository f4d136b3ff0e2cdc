/// One contest as reported: its options with their votes, the ballots cast, one winner, and
/// optionally a qualified majority an option must reach.
///
/// Every ballot carries at most one vote in this contest, so the votes never exceed the ballots;
/// the difference is blank and invalid ballots. A contest with a `qualifiedMajority` is decided by
/// that threshold alone (the option passes or fails); without one, by plurality.
public struct Contest: Sendable, Codable, Hashable {
    /// The contest's name, for messages and the record.
    public let name: String
    /// The options, in the order given.
    public let options: [String]
    /// The reported votes, `votes[i]` for `options[i]`.
    public let votes: [Int]
    /// Ballots cast in the contest (including blank and invalid ones).
    public let ballotsCast: Int
    /// The threshold an option must reach, if the contest has one.
    public let qualifiedMajority: QualifiedMajority?

    /// The largest count accepted anywhere (votes, ballots): 10^12, far inside `Int` after weighting.
    public static let maximumCount = 1_000_000_000_000

    /// Checks the contest and keeps it.
    /// - Throws: `AuditError.invalidInput` naming the field: fewer than two `options`, an empty or
    ///   repeated option, `votes` of another length, a negative or huge `votes[option]`,
    ///   `ballotsCast` below one or below the votes, no votes at all, or a `qualifiedMajority.option`
    ///   that is not an option.
    public init(
        name: String, options: [String], votes: [Int], ballotsCast: Int,
        qualifiedMajority: QualifiedMajority? = nil
    ) throws {
        guard options.count >= 2 else {
            throw AuditError.invalidInput(field: "options", reason: "a contest needs at least two options, got \(options.count)")
        }
        guard options.count <= 10_000 else {
            throw AuditError.invalidInput(field: "options", reason: "more than 10000 options")
        }
        guard votes.count == options.count else {
            throw AuditError.invalidInput(
                field: "votes", reason: "\(votes.count) counts for \(options.count) options")
        }
        var seen = Set<String>()
        for option in options {
            guard !option.isEmpty else { throw AuditError.invalidInput(field: "options", reason: "an option has an empty name") }
            guard seen.insert(option).inserted else {
                throw AuditError.invalidInput(field: "options", reason: "\"\(option)\" appears twice")
            }
        }
        for (option, count) in zip(options, votes) {
            try Contest.checkCount(count, field: "votes[\(option)]")
        }
        try Contest.checkCount(ballotsCast, field: "ballotsCast")
        let total = votes.reduce(0, +)
        guard total > 0 else { throw AuditError.invalidInput(field: "votes", reason: "the contest has no votes") }
        guard total <= ballotsCast else {
            throw AuditError.invalidInput(
                field: "ballotsCast", reason: "\(ballotsCast) ballots cannot carry \(total) votes")
        }
        if let qualifiedMajority, !options.contains(qualifiedMajority.option) {
            throw AuditError.invalidInput(
                field: "qualifiedMajority.option", reason: "\"\(qualifiedMajority.option)\" is not an option")
        }
        self.name = name
        self.options = options
        self.votes = votes
        self.ballotsCast = ballotsCast
        self.qualifiedMajority = qualifiedMajority
    }

    /// The same, from option–votes pairs in order: `Contest(name: "Q1", votes: ["Yes": 600, "No": 400], ballotsCast: 1000)`.
    public init(
        name: String, votes: KeyValuePairs<String, Int>, ballotsCast: Int,
        qualifiedMajority: QualifiedMajority? = nil
    ) throws {
        try self.init(
            name: name, options: votes.map(\.key), votes: votes.map(\.value), ballotsCast: ballotsCast,
            qualifiedMajority: qualifiedMajority)
    }

    static func checkCount(_ count: Int, field: String) throws {
        guard count >= 0 else { throw AuditError.invalidInput(field: field, reason: "\(count) is negative") }
        guard count <= maximumCount else {
            throw AuditError.invalidInput(field: field, reason: "\(count) exceeds \(maximumCount)")
        }
    }

    /// The votes for the options together (blank and invalid ballots excluded).
    public var validVotes: Int { votes.reduce(0, +) }

    /// The reported votes for `option`, or `nil` if it is not an option.
    public func votes(for option: String) -> Int? {
        options.firstIndex(of: option).map { votes[$0] }
    }

    /// The index of `option` in `options`.
    /// - Throws: `AuditError.invalidInput(field:, ...)` if it is not an option.
    func index(of option: String, field: String) throws -> Int {
        guard let index = options.firstIndex(of: option) else {
            throw AuditError.invalidInput(field: field, reason: "\"\(option)\" is not an option of \(name)")
        }
        return index
    }

    private enum CodingKeys: String, CodingKey { case name, options, votes, ballotsCast, qualifiedMajority }

    /// Decodes a contest and checks it as `init` does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            name: try c.decode(String.self, forKey: .name),
            options: try c.decode([String].self, forKey: .options),
            votes: try c.decode([Int].self, forKey: .votes),
            ballotsCast: try c.decode(Int.self, forKey: .ballotsCast),
            qualifiedMajority: try c.decodeIfPresent(QualifiedMajority.self, forKey: .qualifiedMajority))
    }
}
