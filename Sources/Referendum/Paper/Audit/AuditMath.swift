import ElectionRecord
import RiskLimitingAudit

/// The bridge between a region's audit as the record holds it (`RecordedAudit.Contest`) and the
/// mathematics of `RiskLimitingAudit`: the contest, the batches, the samples and the round decisions.
enum AuditMath {
    /// The region's contest: its reported votes in option order and its ballots.
    static func contest(_ audit: RecordedAudit.Contest) throws -> Contest {
        try Contest(name: audit.region, options: audit.options, votes: audit.options.map { audit.reported.votes[$0] ?? 0 },
                    ballotsCast: audit.reported.ballots)
    }

    /// Batch comparison: what each batch reported.
    static func batchResults(_ audit: RecordedAudit.Contest) throws -> BatchResults {
        try BatchResults(contest: try contest(audit), batches: audit.batches.map { tally($0, options: audit.options) })
    }

    static func tally(_ batch: RecordedAudit.Batch, options: [String]) -> BatchTally {
        BatchTally(batch: batch.batch, ballots: batch.ballots, votes: options.map { batch.votes[$0] ?? 0 })
    }

    /// Draws `count` items after the `alreadyDrawn` of earlier rounds, from the public seed.
    static func draw(seed: String, method: RecordedAudit.Method, _ audit: RecordedAudit.Contest, count: Int, alreadyDrawn: Int) throws -> [RecordedAudit.Draw] {
        switch method {
        case .batchComparison:
            return try BatchSampler(seed: seed, results: try batchResults(audit)).draw(count: count, alreadyDrawn: alreadyDrawn).map {
                RecordedAudit.Draw(ticket: String($0.draw), batch: $0.batch, position: nil)
            }
        case .ballotPolling:
            let manifest = try BallotManifest(batches: audit.batches.filter { $0.ballots > 0 }.map { .init(name: $0.batch, ballots: $0.ballots) })
            return try BallotSampler(seed: seed, manifest: manifest, withReplacement: false).draw(count: count, alreadyDrawn: alreadyDrawn).map {
                RecordedAudit.Draw(ticket: $0.ticket, batch: $0.ballot.batch, position: $0.ballot.position)
            }
        }
    }

    /// The decision after the rounds whose counts are entered (none: the first round's size).
    static func decide(_ audit: RecordedAudit.Contest, method: RecordedAudit.Method, riskLimit: Double) throws -> RoundDecision {
        let limit = try RiskLimit(riskLimit)
        let entered = audit.rounds.filter { $0.decision != nil || $0.counted != nil || $0.read != nil }
        switch method {
        case .batchComparison:
            var audited = [String: BatchTally]()
            for batch in entered.flatMap({ $0.counted ?? [] }) { audited[batch.batch] = tally(batch, options: audit.options) }
            return try AuditRounds.batchComparison(results: try batchResults(audit), riskLimit: limit,
                                                   draws: entered.flatMap { $0.sample.map(\.batch) }, audited: audited,
                                                   roundsCompleted: entered.count)
        case .ballotPolling:
            let reads = entered.flatMap { ($0.read ?? [:]).values }
            var votes = [String: Int]()
            for read in reads where audit.options.contains(read) { votes[read, default: 0] += 1 }
            return try AuditRounds.ballotPolling(contest: try contest(audit), riskLimit: limit,
                                                 tally: try SampleTally(votes: votes, ballots: reads.count), roundsCompleted: entered.count)
        }
    }

    /// How the record writes a decision.
    static func text(_ next: NextStep) -> String {
        switch next {
        case .stop: "stop"
        case .sample(let size): "sample \(size)"
        case .fullHandCount: "full-hand-count"
        }
    }

    /// How the record writes a hand count's outcome.
    static func text(_ outcome: Outcome) -> String {
        switch outcome {
        case .winner(let option): option
        case .passes(let option): "\(option) passes"
        case .fails(let option): "\(option) fails"
        case .tied: "tie"
        }
    }
}
