/// What the audited ballots of a ballot-polling sample showed, cumulative over all rounds: votes
/// per option (a ballot drawn twice counts twice). Blank and invalid ballots are in `ballots` only.
public struct SampleTally: Sendable, Codable, Hashable {
    /// Votes per option seen on the audited ballots.
    public let votes: [String: Int]
    /// Ballots audited (draws), at least the votes.
    public let ballots: Int

    /// A tally.
    /// - Throws: `AuditError.invalidInput` naming `sample.votes[option]` (negative or too large) or
    ///   `sample.ballots` (fewer than the votes).
    public init(votes: [String: Int], ballots: Int) throws {
        guard votes.count <= 10_000 else {
            throw AuditError.invalidInput(field: "sample.votes", reason: "more than 10000 options")
        }
        var total = 0
        for (option, count) in votes.sorted(by: { $0.key < $1.key }) {
            try Contest.checkCount(count, field: "sample.votes[\(option)]")
            total += count
        }
        try Contest.checkCount(ballots, field: "sample.ballots")
        guard total <= ballots else {
            throw AuditError.invalidInput(field: "sample.ballots", reason: "\(ballots) audited ballots cannot carry \(total) votes")
        }
        self.votes = votes
        self.ballots = ballots
    }

    /// A tally where every audited ballot carried a vote.
    public init(votes: [String: Int]) throws {
        guard votes.count <= 10_000, votes.values.allSatisfy({ $0 >= 0 && $0 <= Contest.maximumCount }) else {
            // The designated initializer names the offending field.
            try self.init(votes: votes, ballots: 0)
            return
        }
        try self.init(votes: votes, ballots: votes.values.reduce(0, +))
    }

    /// No ballots audited yet.
    public static let empty = try! SampleTally(votes: [:], ballots: 0)

    /// Favoured and opposed votes of the tally for `assertion`.
    func counts(for assertion: Assertion) -> (favoured: Int, opposed: Int) {
        (assertion.favoured.reduce(0) { $0 + (votes[$1] ?? 0) }, assertion.opposed.reduce(0) { $0 + (votes[$1] ?? 0) })
    }

    /// Checks that every option named is one of `contest`'s.
    func check(against contest: Contest) throws {
        for option in votes.keys.sorted() where !contest.options.contains(option) {
            throw AuditError.invalidInput(field: "sample.votes[\(option)]", reason: "is not an option of \(contest.name)")
        }
    }

    private enum CodingKeys: String, CodingKey { case votes, ballots }

    /// Decodes a tally and checks it as `init(votes:ballots:)` does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(votes: try c.decode([String: Int].self, forKey: .votes), ballots: try c.decode(Int.self, forKey: .ballots))
    }
}
