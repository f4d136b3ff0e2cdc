import Foundation

/// Which cast ballot counts for each voter, by the published revote rule. Every superseded ballot
/// stays in the record with the ballot that beat it, so anyone can recompute this from the record.
public struct RevoteResolution: Sendable, Hashable, Codable {
    /// Ballot ids that count, one per voter who cast a ballot.
    public let counted: Set<String>
    /// For each superseded ballot, the ballot that counts instead.
    public let supersededBy: [String: String]

    public init(counted: Set<String>, supersededBy: [String: String]) {
        self.counted = counted
        self.supersededBy = supersededBy
    }

    /// Applies `rule` to every cast ballot in `summaries` (other statuses are ignored).
    ///
    /// `stationOverMobileThenLatest`: a station ballot beats every mobile ballot; among the same
    /// channel the later cast wins. `latest`: the later cast wins. Equal times fall to the larger
    /// ballot id, so the outcome never depends on the order of the input.
    public static func resolve(_ summaries: [CastSummary], rule: RevoteRule) -> RevoteResolution {
        var best = [String: CastSummary]()
        var all = [String: [CastSummary]]()
        for summary in summaries where summary.status == .cast {
            all[summary.pseudonym, default: []].append(summary)
            if let current = best[summary.pseudonym], !beats(summary, current, rule: rule) { continue }
            best[summary.pseudonym] = summary
        }
        var superseded = [String: String]()
        for (pseudonym, ballots) in all {
            let winner = best[pseudonym]!.ballotId
            for ballot in ballots where ballot.ballotId != winner { superseded[ballot.ballotId] = winner }
        }
        return RevoteResolution(counted: Set(best.values.map(\.ballotId)), supersededBy: superseded)
    }

    /// True when `a` should count instead of `b`.
    public static func beats(_ a: CastSummary, _ b: CastSummary, rule: RevoteRule) -> Bool {
        if rule == .stationOverMobileThenLatest, a.channel != b.channel { return a.channel == .station }
        if a.decidedAt != b.decidedAt { return a.decidedAt > b.decidedAt }
        return a.ballotId > b.ballotId
    }
}
