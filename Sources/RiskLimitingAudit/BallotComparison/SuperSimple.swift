import Foundation

/// Discrepancies found by comparing audited ballots with their cast-vote records, in votes of the
/// closest assertion (a one-vote overstatement turns a winner's vote into a blank; a two-vote one
/// into a loser's).
public struct Discrepancies: Sendable, Codable, Hashable {
    /// Ballots compared (draws).
    public let ballots: Int
    /// One-vote overstatements (o1).
    public let oneVoteOver: Int
    /// Two-vote overstatements (o2).
    public let twoVoteOver: Int
    /// One-vote understatements (u1): recorded, but ignored by the risk, to be conservative.
    public let oneVoteUnder: Int
    /// Two-vote understatements (u2): recorded, ignored likewise.
    public let twoVoteUnder: Int

    /// Counts of discrepancies.
    /// - Throws: `AuditError.invalidInput` naming the negative or too large count, or `ballots`
    ///   when the discrepancies outnumber the ballots.
    public init(ballots: Int, oneVoteOver: Int = 0, twoVoteOver: Int = 0, oneVoteUnder: Int = 0, twoVoteUnder: Int = 0) throws {
        try Contest.checkCount(ballots, field: "discrepancies.ballots")
        try Contest.checkCount(oneVoteOver, field: "discrepancies.oneVoteOver")
        try Contest.checkCount(twoVoteOver, field: "discrepancies.twoVoteOver")
        try Contest.checkCount(oneVoteUnder, field: "discrepancies.oneVoteUnder")
        try Contest.checkCount(twoVoteUnder, field: "discrepancies.twoVoteUnder")
        guard oneVoteOver + twoVoteOver + oneVoteUnder + twoVoteUnder <= ballots else {
            throw AuditError.invalidInput(field: "discrepancies.ballots", reason: "\(ballots) ballots cannot show more discrepancies")
        }
        self.ballots = ballots
        self.oneVoteOver = oneVoteOver
        self.twoVoteOver = twoVoteOver
        self.oneVoteUnder = oneVoteUnder
        self.twoVoteUnder = twoVoteUnder
    }

    /// No ballots compared yet.
    public static let none = try! Discrepancies(ballots: 0)

    private enum CodingKeys: String, CodingKey { case ballots, oneVoteOver, twoVoteOver, oneVoteUnder, twoVoteUnder }

    /// Decodes counts and checks them as `init` does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            ballots: try c.decode(Int.self, forKey: .ballots), oneVoteOver: try c.decode(Int.self, forKey: .oneVoteOver),
            twoVoteOver: try c.decode(Int.self, forKey: .twoVoteOver), oneVoteUnder: try c.decode(Int.self, forKey: .oneVoteUnder),
            twoVoteUnder: try c.decode(Int.self, forKey: .twoVoteUnder))
    }
}

/// Ballot-comparison audits with Stark's "super-simple simultaneous single-ballot risk-limiting
/// audits" (EVT/WOTE 2010) Kaplan–Markov bound, as Arlo's `supersimple.py` computes them, with
/// γ = 1.03905 (Stark's tool, AGI, Colorado's CORLA).
///
/// With diluted margin μ, each compared ballot multiplies the risk by (1 − μ/(2γ)) / (1 − e/(2γ)),
/// e its overstatement in votes (0, 1 or 2; understatements count as 0). Sample size: with
/// expected rates r1 = 0.001 and r2 = 0.0001 of one- and two-vote overstatements (and as many
/// understatements) before any sample, or the observed rates after one,
/// n0 = ⌈ln α / (ln(1 − μ/(2γ)) − r1 ln(1 − 1/(2γ)) − r2 ln(1 − 1/γ) − s1 ln(1 + 1/(2γ)) − s2 ln(1 + 1/γ))⌉,
/// then o1 = ⌈r1·n0⌉, o2 = round(r2·n0) (and u1, u2 likewise), and the size is
/// max(o1+o2+u1+u2, ⌈−2γ(ln α + o1 ln(1 − 1/(2γ)) + o2 ln(1 − 1/γ) + u1 ln(1 + 1/(2γ)) + u2 ln(1 + 1/γ)) / μ⌉),
/// at most the ballots cast, less the ballots already compared.
public enum SuperSimple {
    /// The error inflation factor γ.
    public static let gamma = 1.03905

    /// The total sample size expected to meet the risk limit at `dilutedMargin`, less the
    /// `discrepancies.ballots` already compared (Arlo's `get_sample_sizes`).
    /// - Throws: `AuditError.invalidInput` for a diluted margin outside (0, 1] or ballots below 1.
    public static func sampleSize(dilutedMargin mu: Double, ballotsCast: Int, riskLimit: RiskLimit, discrepancies: Discrepancies = .none) throws -> Int {
        guard mu.isFinite, mu > 0, mu <= 1 else {
            throw AuditError.invalidInput(field: "dilutedMargin", reason: "\(mu) is not in (0, 1]")
        }
        try Contest.checkCount(ballotsCast, field: "ballotsCast")
        guard ballotsCast >= 1 else { throw AuditError.invalidInput(field: "ballotsCast", reason: "is zero") }
        let g = gamma
        let n = Double(discrepancies.ballots)
        let (r1, r2, s1, s2) = discrepancies.ballots > 0
            ? (Double(discrepancies.oneVoteOver) / n, Double(discrepancies.twoVoteOver) / n, 0.0, 0.0)
            : (0.001, 0.0001, 0.001, 0.0001)
        let alpha = log(riskLimit.value)
        let denominator = log(1 - mu / (2 * g)) - r1 * log(1 - 1 / (2 * g)) - r2 * log(1 - 1 / g)
            - s1 * log(1 + 1 / (2 * g)) - s2 * log(1 + 1 / g)
        let stopping: Int
        if denominator >= 0 {
            stopping = ballotsCast
        } else {
            let n0 = (alpha / denominator).rounded(.up)
            let o1 = (r1 * n0).rounded(.up), u1 = (s1 * n0).rounded(.up)
            let o2 = (r2 * n0).rounded(.toNearestOrAwayFromZero), u2 = (s2 * n0).rounded(.toNearestOrAwayFromZero)
            let bound = -2 * g * (alpha + o1 * log(1 - 1 / (2 * g)) + o2 * log(1 - 1 / g)
                + u1 * log(1 + 1 / (2 * g)) + u2 * log(1 + 1 / g)) / mu
            let estimate = max(o1 + o2 + u1 + u2, bound.rounded(.up))
            stopping = estimate >= Double(ballotsCast) ? ballotsCast : Int(estimate)
        }
        return max(stopping - discrepancies.ballots, 0)
    }

    /// The contest's sample size at its smallest diluted margin.
    /// - Throws: `AuditError.notAuditable` for a tie.
    public static func sampleSize(contest: Contest, riskLimit: RiskLimit, discrepancies: Discrepancies = .none) throws -> Int {
        try sampleSize(dilutedMargin: contest.dilutedMargin(), ballotsCast: contest.ballotsCast, riskLimit: riskLimit, discrepancies: discrepancies)
    }

    /// The measured risk after `discrepancies`: min(1, (1 − μ/(2γ))^n / ((1 − 1/(2γ))^o1 (1 − 1/γ)^o2)).
    /// - Throws: `AuditError.invalidInput` for a diluted margin outside (0, 1].
    public static func risk(dilutedMargin mu: Double, discrepancies d: Discrepancies) throws -> Double {
        guard mu.isFinite, mu > 0, mu <= 1 else {
            throw AuditError.invalidInput(field: "dilutedMargin", reason: "\(mu) is not in (0, 1]")
        }
        let g = gamma
        let logRisk = Double(d.ballots) * log(1 - mu / (2 * g))
            - Double(d.oneVoteOver) * log(1 - 1 / (2 * g)) - Double(d.twoVoteOver) * log(1 - 1 / g)
        return min(1, exp(logRisk))
    }
}
