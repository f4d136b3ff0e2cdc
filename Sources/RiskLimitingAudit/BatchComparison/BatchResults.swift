/// A batch's votes for one contest (a station's reported or hand-counted result).
public struct BatchTally: Sendable, Codable, Hashable {
    /// The batch's name (a station), unique among the batches.
    public let batch: String
    /// Ballots in the batch (reported; for an audited batch, the ballots found).
    public let ballots: Int
    /// Votes per option, `votes[i]` for the contest's `options[i]`.
    public let votes: [Int]

    /// A batch tally; checked against its contest by `BatchResults` and `Macro`.
    public init(batch: String, ballots: Int, votes: [Int]) {
        self.batch = batch
        self.ballots = ballots
        self.votes = votes
    }

    /// Checks this tally's shape against `contest`: one count per option, none negative or over
    /// 10^12, and no more votes than ballots.
    func check(against contest: Contest, field: String) throws {
        try BallotManifest.checkName(batch, field: "\(field).batch")
        guard votes.count == contest.options.count else {
            throw AuditError.invalidInput(field: "\(field).votes", reason: "\(votes.count) counts for \(contest.options.count) options")
        }
        for (option, count) in zip(contest.options, votes) {
            try Contest.checkCount(count, field: "\(field).votes[\(option)]")
        }
        try Contest.checkCount(ballots, field: "\(field).ballots")
        let total = votes.reduce(0, +)
        guard total <= ballots else {
            throw AuditError.invalidInput(field: "\(field).ballots", reason: "\(ballots) ballots cannot carry \(total) votes")
        }
    }

    /// The favoured and opposed votes of this batch for `assertion`.
    func counts(for assertion: Assertion, options: [String]) -> (favoured: Int, opposed: Int) {
        var f = 0, o = 0
        for (option, count) in zip(options, votes) {
            if assertion.favoured.contains(option) { f += count } else if assertion.opposed.contains(option) { o += count }
        }
        return (f, o)
    }
}

/// The reported results of a contest batch by batch (station by station), which must add up to
/// the contest's reported votes and ballots.
public struct BatchResults: Sendable, Codable, Hashable {
    /// The contest the batches report.
    public let contest: Contest
    /// The batches, in a fixed order (the PPEB sampler's order).
    public let batches: [BatchTally]

    /// Checks every batch and that the batches add up to the contest, option by option and in ballots.
    /// - Throws: `AuditError.invalidInput` naming `batches[i]...`, or `batches` when the sums differ
    ///   from the contest or names repeat.
    public init(contest: Contest, batches: [BatchTally]) throws {
        guard !batches.isEmpty else { throw AuditError.invalidInput(field: "batches", reason: "there are no batches") }
        var seen = Set<String>()
        var sums = [Int](repeating: 0, count: contest.options.count)
        var ballots = 0
        for (i, batch) in batches.enumerated() {
            try batch.check(against: contest, field: "batches[\(i)]")
            guard seen.insert(batch.batch).inserted else {
                throw AuditError.invalidInput(field: "batches[\(i)].batch", reason: "\"\(batch.batch)\" appears twice")
            }
            for j in sums.indices {
                sums[j] += batch.votes[j]
                guard sums[j] <= contest.votes[j] else {
                    throw AuditError.invalidInput(
                        field: "batches", reason: "the batches carry more votes for \(contest.options[j]) than the contest's \(contest.votes[j])")
                }
            }
            ballots += batch.ballots
            guard ballots <= contest.ballotsCast else {
                throw AuditError.invalidInput(field: "batches", reason: "the batches hold more ballots than the contest's \(contest.ballotsCast)")
            }
        }
        for j in sums.indices where sums[j] != contest.votes[j] {
            throw AuditError.invalidInput(
                field: "batches", reason: "the batches give \(contest.options[j]) \(sums[j]) votes, the contest \(contest.votes[j])")
        }
        guard ballots == contest.ballotsCast else {
            throw AuditError.invalidInput(field: "batches", reason: "the batches hold \(ballots) ballots, the contest \(contest.ballotsCast)")
        }
        self.contest = contest
        self.batches = batches
    }

    /// The reported tally of `batch`, if there is such a batch.
    public func tally(of batch: String) -> BatchTally? { batches.first { $0.batch == batch } }

    private enum CodingKeys: String, CodingKey { case contest, batches }

    /// Decodes batch results and checks them as `init` does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(contest: try c.decode(Contest.self, forKey: .contest), batches: try c.decode([BatchTally].self, forKey: .batches))
    }
}
