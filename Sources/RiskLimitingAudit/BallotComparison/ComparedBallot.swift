import Foundation

/// One ballot of a ballot-comparison sample: what its cast-vote record says and what the audit
/// board read on the paper (`nil` for blank or invalid).
public struct ComparedBallot: Sendable, Codable, Hashable {
    /// The option the cast-vote record gives, `nil` for none.
    public let reported: String?
    /// The option read on the paper ballot, `nil` for none.
    public let audited: String?
    /// The paper ballot could not be found, or has no record: counted as the worst overstatement.
    public let missing: Bool

    /// A compared ballot.
    public init(reported: String?, audited: String?, missing: Bool = false) {
        self.reported = reported
        self.audited = audited
        self.missing = missing
    }
}

extension SuperSimple {
    /// The overstatement of assertion `a` by one ballot, in votes of a pair (−2…2): twice the
    /// change in the ballot's weighted contribution, over the most one ballot can overstate.
    /// For a pair, 1 for a winner's vote read as blank, 2 for one read as the loser's; for "Yes ≥
    /// 2/3", 2/3 for a Yes read as blank, 2 for a Yes read as No. A missing ballot counts 2.
    public static func overstatement(of a: Assertion, _ ballot: ComparedBallot) -> Double {
        if ballot.missing { return 2 }
        func weight(_ vote: String?) -> Int {
            guard let vote else { return 0 }
            if a.favoured.contains(vote) { return a.favouredWeight }
            if a.opposed.contains(vote) { return a.opposedWeight }
            return 0
        }
        return 2 * Double(weight(ballot.reported) - weight(ballot.audited)) / Double(a.maximumOverstatementPerBallot)
    }

    /// The measured risk of the contest after `ballots` (draws, repeats included): for each
    /// assertion with diluted margin μ, Π (1 − μ/(2γ)) / (1 − max(0, e_i)/(2γ)), capped at 1; the
    /// largest over the assertions. Understatements count as 0, as Arlo counts them.
    /// - Throws: `AuditError.notAuditable` for a tie; `.invalidInput(field: "ballots[k]", ...)`
    ///   for an option the contest does not have.
    public static func risk(contest: Contest, ballots: [ComparedBallot]) throws -> Double {
        for (k, ballot) in ballots.enumerated() {
            for vote in [ballot.reported, ballot.audited] {
                if let vote, !contest.options.contains(vote) {
                    throw AuditError.invalidInput(field: "ballots[\(k)]", reason: "\"\(vote)\" is not an option of \(contest.name)")
                }
            }
        }
        return try contest.assertions().map { a in
            let mu = a.dilutedMargin
            var logRisk = Double(ballots.count) * log(1 - mu / (2 * gamma))
            for ballot in ballots {
                logRisk -= log(1 - max(0, overstatement(of: a, ballot)) / (2 * gamma))
            }
            return min(1, exp(logRisk))
        }.max()!
    }

    /// Counts of one- and two-vote overstatements and understatements for the assertion with the
    /// smallest diluted margin (an overstatement above 1 counts as two-vote), for the sample-size
    /// estimate.
    /// - Throws: `AuditError.notAuditable` for a tie.
    public static func discrepancies(contest: Contest, ballots: [ComparedBallot]) throws -> Discrepancies {
        let closest = try contest.assertions().min { $0.dilutedMargin < $1.dilutedMargin }!
        let e = ballots.map { overstatement(of: closest, $0) }
        return try Discrepancies(
            ballots: ballots.count,
            oneVoteOver: e.filter { $0 > 0 && $0 <= 1 }.count, twoVoteOver: e.filter { $0 > 1 }.count,
            oneVoteUnder: e.filter { $0 < 0 && $0 >= -1 }.count, twoVoteUnder: e.filter { $0 < -1 }.count)
    }
}
