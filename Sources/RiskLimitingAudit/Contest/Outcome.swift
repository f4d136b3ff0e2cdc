/// The outcome a contest's reported votes give, which the audit sets out to confirm.
public enum Outcome: Sendable, Codable, Hashable {
    /// The option with the most votes (a contest without a qualified majority).
    case winner(String)
    /// The option reached its qualified majority.
    case passes(String)
    /// The option did not reach its qualified majority.
    case fails(String)
    /// The leading options are tied, or an option sits exactly on its threshold: no sample can
    /// confirm this, only a full hand count.
    case tied
}

extension Contest {
    /// The reported outcome: the plurality winner, or whether the qualified-majority option passes.
    public var reportedOutcome: Outcome {
        if let rule = qualifiedMajority {
            let votes = self.votes(for: rule.option) ?? 0
            let valid = validVotes
            if rule.denominator * votes == rule.numerator * valid { return .tied }
            return rule.isReached(votes: votes, validVotes: valid) ? .passes(rule.option) : .fails(rule.option)
        }
        let top = votes.max() ?? 0
        let leaders = options.indices.filter { votes[$0] == top }
        return leaders.count == 1 ? .winner(options[leaders[0]]) : .tied
    }

    /// The assertions that together imply the reported outcome: for a plurality contest one per
    /// (winner, loser) pair; for a qualified majority one (the option against all the others, at
    /// the threshold, or the others against it when it failed).
    /// - Throws: `AuditError.notAuditable` when the outcome is `.tied`.
    public func assertions() throws -> [Assertion] {
        switch reportedOutcome {
        case .tied:
            throw AuditError.notAuditable(reason: "the reported outcome of \(name) is a tie")
        case .winner(let winner):
            let w = try index(of: winner, field: "winner")
            return options.indices.filter { $0 != w }.map { l in
                Assertion(
                    id: "\(winner) > \(options[l])", favoured: [winner], opposed: [options[l]],
                    favouredVotes: votes[w], opposedVotes: votes[l], nullNumerator: 1, nullDenominator: 2,
                    ballotsCast: ballotsCast)
            }
        case .passes(let option):
            let rule = qualifiedMajority!
            let i = try index(of: option, field: "qualifiedMajority.option")
            let others = options.indices.filter { $0 != i }
            let relation = rule.inclusive ? "≥" : ">"
            return [Assertion(
                id: "\(option) \(relation) \(rule.numerator)/\(rule.denominator)",
                favoured: [option], opposed: others.map { options[$0] },
                favouredVotes: votes[i], opposedVotes: others.map { votes[$0] }.reduce(0, +),
                nullNumerator: rule.numerator, nullDenominator: rule.denominator, ballotsCast: ballotsCast)]
        case .fails(let option):
            let rule = qualifiedMajority!
            let i = try index(of: option, field: "qualifiedMajority.option")
            let others = options.indices.filter { $0 != i }
            let relation = rule.inclusive ? "<" : "≤"
            return [Assertion(
                id: "\(option) \(relation) \(rule.numerator)/\(rule.denominator)",
                favoured: others.map { options[$0] }, opposed: [option],
                favouredVotes: others.map { votes[$0] }.reduce(0, +), opposedVotes: votes[i],
                nullNumerator: rule.denominator - rule.numerator, nullDenominator: rule.denominator,
                ballotsCast: ballotsCast)]
        }
    }

    /// The smallest diluted margin over the assertions (`Assertion.dilutedMargin`).
    /// - Throws: `AuditError.notAuditable` when the outcome is `.tied`.
    public func dilutedMargin() throws -> Double {
        try assertions().map(\.dilutedMargin).min()!
    }
}
