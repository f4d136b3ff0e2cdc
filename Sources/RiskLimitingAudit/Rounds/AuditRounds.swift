/// What the audit does next.
public enum NextStep: Sendable, Codable, Hashable {
    /// The risk limit is met: the reported outcome stands.
    case stop
    /// Draw this many more ballots (or batch draws) in the next round. The size is fixed here,
    /// from the results so far, before the round's sample is drawn.
    case sample(size: Int)
    /// Count every ballot by hand; its result replaces the reported one.
    case fullHandCount
}

/// The round driver's answer after the results so far.
public struct RoundDecision: Sendable, Codable, Hashable {
    /// The measured risk (a p-value): the chance of this evidence if the reported outcome were wrong, capped at 1.
    public let measuredRisk: Double
    /// Whether `measuredRisk` is at most the risk limit.
    public let riskLimitMet: Bool
    /// What to do next.
    public let next: NextStep
}

/// When sampling gives way to a full hand count.
public struct EscalationPolicy: Sendable, Codable, Hashable {
    /// The chance that a ballot-polling round ends the audit if the reported outcome is right (BRAVO round sizes).
    public let completionProbability: Double
    /// After this many rounds without meeting the limit, count everything by hand.
    public let maximumRounds: Int
    /// Count everything by hand rather than let the cumulative sample pass this share of the
    /// ballots (or of the batches, for batch comparison).
    public let fullCountShare: Double

    /// A policy.
    /// - Throws: `AuditError.invalidInput` naming `completionProbability` (outside (0, 1)),
    ///   `maximumRounds` (below 1) or `fullCountShare` (outside (0, 1]).
    public init(completionProbability: Double = 0.9, maximumRounds: Int = 3, fullCountShare: Double = 0.5) throws {
        guard completionProbability.isFinite, completionProbability > 0, completionProbability < 1 else {
            throw AuditError.invalidInput(field: "completionProbability", reason: "\(completionProbability) is not strictly between 0 and 1")
        }
        guard maximumRounds >= 1 else {
            throw AuditError.invalidInput(field: "maximumRounds", reason: "\(maximumRounds) is below 1")
        }
        guard fullCountShare.isFinite, fullCountShare > 0, fullCountShare <= 1 else {
            throw AuditError.invalidInput(field: "fullCountShare", reason: "\(fullCountShare) is not in (0, 1]")
        }
        self.completionProbability = completionProbability
        self.maximumRounds = maximumRounds
        self.fullCountShare = fullCountShare
    }

    /// 90% completion per round, at most three rounds, a full count before the sample passes half the ballots.
    public static let standard = try! EscalationPolicy()

    private enum CodingKeys: String, CodingKey { case completionProbability, maximumRounds, fullCountShare }

    /// Decodes a policy and checks it as `init` does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            completionProbability: try c.decode(Double.self, forKey: .completionProbability),
            maximumRounds: try c.decode(Int.self, forKey: .maximumRounds),
            fullCountShare: try c.decode(Double.self, forKey: .fullCountShare))
    }
}

/// The round driver: from the contest, the risk limit and the audited results so far, the
/// measured risk, whether to stop and the next round's size, escalating to a full hand count
/// when the limit is not met in time.
public enum AuditRounds {
    /// A ballot-polling (BRAVO) audit after `roundsCompleted` rounds whose audited ballots gave `tally`.
    /// - Throws: `AuditError.invalidInput` for a negative `roundsCompleted` or a tally that does not fit the contest.
    public static func ballotPolling(
        contest: Contest, riskLimit: RiskLimit, tally: SampleTally, roundsCompleted: Int,
        policy: EscalationPolicy = .standard
    ) throws -> RoundDecision {
        try checkRounds(roundsCompleted)
        try tally.check(against: contest)
        guard contest.reportedOutcome != .tied else {
            return tied
        }
        let risk = try Bravo.risk(contest: contest, tally: tally)
        return try decide(
            risk: risk, riskLimit: riskLimit, roundsCompleted: roundsCompleted, policy: policy,
            sampled: tally.ballots, population: contest.ballotsCast
        ) {
            try Bravo.roundSize(contest: contest, riskLimit: riskLimit, tally: tally, completion: policy.completionProbability)
        }
    }

    /// A ballot-polling audit without replacement (ALPHA) after `roundsCompleted` rounds whose
    /// audited ballots, in draw order, read `votes` (`nil` for blank or invalid).
    /// - Throws: as `Alpha.risk(contest:votes:)`, and for a negative `roundsCompleted`.
    public static func ballotPollingWithoutReplacement(
        contest: Contest, riskLimit: RiskLimit, votes: [String?], roundsCompleted: Int,
        policy: EscalationPolicy = .standard, parameters: Alpha.Parameters = .standard
    ) throws -> RoundDecision {
        try checkRounds(roundsCompleted)
        try Alpha.check(votes, contest)
        guard contest.reportedOutcome != .tied else {
            return tied
        }
        if votes.count == contest.ballotsCast {
            // Every ballot is counted: the count itself is the result.
            return RoundDecision(measuredRisk: try Alpha.risk(contest: contest, votes: votes, parameters: parameters), riskLimitMet: false, next: .fullHandCount)
        }
        let risk = try Alpha.risk(contest: contest, votes: votes, parameters: parameters)
        return try decide(
            risk: risk, riskLimit: riskLimit, roundsCompleted: roundsCompleted, policy: policy,
            sampled: votes.count, population: contest.ballotsCast
        ) {
            try Alpha.sampleSize(contest: contest, riskLimit: riskLimit, votes: votes, parameters: parameters)
        }
    }

    /// A batch-comparison (MACRO) audit after `roundsCompleted` rounds: `draws` are the batches
    /// drawn so far in order (with repeats), `audited` their hand counts by batch name.
    /// - Throws: as `Macro.risk`, and for a negative `roundsCompleted`.
    public static func batchComparison(
        results: BatchResults, riskLimit: RiskLimit, draws: [String], audited: [String: BatchTally],
        roundsCompleted: Int, policy: EscalationPolicy = .standard
    ) throws -> RoundDecision {
        guard results.contest.reportedOutcome != .tied else {
            try checkRounds(roundsCompleted)
            return tied
        }
        let name = results.contest.name
        return try batchComparison(
            audit: MacroAudit(contests: [results]), riskLimit: riskLimit, draws: draws,
            audited: audited.mapValues { [name: $0] }, roundsCompleted: roundsCompleted, policy: policy)
    }

    /// A batch-comparison audit of several contests together (MACRO across contests):
    /// `audited[batch][contest]` are the hand counts of the drawn batches.
    /// - Throws: as `MacroAudit.risk`, and for a negative `roundsCompleted`.
    public static func batchComparison(
        audit: MacroAudit, riskLimit: RiskLimit, draws: [String], audited: [String: [String: BatchTally]],
        roundsCompleted: Int, policy: EscalationPolicy = .standard
    ) throws -> RoundDecision {
        try checkRounds(roundsCompleted)
        let risk = try audit.risk(draws: draws, audited: audited)
        return try decide(
            risk: risk, riskLimit: riskLimit, roundsCompleted: roundsCompleted, policy: policy,
            sampled: draws.count, population: audit.drawableBatches
        ) {
            try audit.roundSize(riskLimit: riskLimit, risk: risk)
        }
    }

    /// A ballot-comparison (super-simple) audit after `roundsCompleted` rounds that compared
    /// `discrepancies.ballots` ballots.
    /// - Throws: `AuditError.invalidInput` for a negative `roundsCompleted`.
    public static func ballotComparison(
        contest: Contest, riskLimit: RiskLimit, discrepancies: Discrepancies, roundsCompleted: Int,
        policy: EscalationPolicy = .standard
    ) throws -> RoundDecision {
        try checkRounds(roundsCompleted)
        guard contest.reportedOutcome != .tied else {
            return tied
        }
        let mu = try contest.dilutedMargin()
        let risk = try SuperSimple.risk(dilutedMargin: mu, discrepancies: discrepancies)
        return try decide(
            risk: risk, riskLimit: riskLimit, roundsCompleted: roundsCompleted, policy: policy,
            sampled: discrepancies.ballots, population: contest.ballotsCast
        ) {
            try SuperSimple.sampleSize(contest: contest, riskLimit: riskLimit, discrepancies: discrepancies)
        }
    }

    /// A ballot-comparison audit after `roundsCompleted` rounds, from the compared ballots
    /// themselves: the risk from each ballot's overstatement of every assertion
    /// (`SuperSimple.risk(contest:ballots:)`), the next size from their counts for the closest one.
    /// - Throws: as `SuperSimple.risk(contest:ballots:)`, and for a negative `roundsCompleted`.
    public static func ballotComparison(
        contest: Contest, riskLimit: RiskLimit, ballots: [ComparedBallot], roundsCompleted: Int,
        policy: EscalationPolicy = .standard
    ) throws -> RoundDecision {
        try checkRounds(roundsCompleted)
        guard contest.reportedOutcome != .tied else {
            return tied
        }
        let risk = try SuperSimple.risk(contest: contest, ballots: ballots)
        return try decide(
            risk: risk, riskLimit: riskLimit, roundsCompleted: roundsCompleted, policy: policy,
            sampled: ballots.count, population: contest.ballotsCast
        ) {
            let counts = try SuperSimple.discrepancies(contest: contest, ballots: ballots)
            // The counts may say the limit is met where the ballot-by-ballot risk does not: ask for one more.
            return max(1, try SuperSimple.sampleSize(contest: contest, riskLimit: riskLimit, discrepancies: counts))
        }
    }

    /// The outcome a full hand count gives, which replaces the reported one.
    /// - Throws: as `Contest.init`, naming the hand count's bad field.
    public static func handCountOutcome(contest: Contest, votes: [Int], ballots: Int) throws -> Outcome {
        try Contest(name: contest.name, options: contest.options, votes: votes, ballotsCast: ballots,
                    qualifiedMajority: contest.qualifiedMajority).reportedOutcome
    }

    /// A tie cannot be confirmed by sampling: straight to a full hand count.
    private static let tied = RoundDecision(measuredRisk: 1, riskLimitMet: false, next: .fullHandCount)

    private static func checkRounds(_ rounds: Int) throws {
        guard rounds >= 0 else { throw AuditError.invalidInput(field: "roundsCompleted", reason: "\(rounds) is negative") }
    }

    private static func decide(
        risk: Double, riskLimit: RiskLimit, roundsCompleted: Int, policy: EscalationPolicy,
        sampled: Int, population: Int, size: () throws -> Int
    ) throws -> RoundDecision {
        if risk <= riskLimit.value {
            return RoundDecision(measuredRisk: risk, riskLimitMet: true, next: .stop)
        }
        if roundsCompleted >= policy.maximumRounds {
            return RoundDecision(measuredRisk: risk, riskLimitMet: false, next: .fullHandCount)
        }
        let next = try size()
        let cumulative = Double(sampled) + Double(next)
        if next <= 0 || cumulative >= policy.fullCountShare * Double(population) {
            return RoundDecision(measuredRisk: risk, riskLimitMet: false, next: .fullHandCount)
        }
        return RoundDecision(measuredRisk: risk, riskLimitMet: false, next: .sample(size: next))
    }
}
