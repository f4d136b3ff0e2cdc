import ElectionRecord
import Foundation
import RiskLimitingAudit

/// R.7: the risk-limiting audit (`referendum/audit.json`), replayed from the public seed without
/// Referendum's code. Each region's reported result and batches must be protocols.json's; each round's
/// size must be what the evidence before it called for, its sample what the seed draws, its risk and
/// decision what the entered counts give; the status must follow the last decision; a full hand
/// count's outcome must be its counts'. The mathematics is `RiskLimitingAudit`'s, a trusted primitive
/// checked against Arlo's known answers (docs/verifier.md).
enum AuditVerification {
    static let file = ReferendumFiles.path(.audit)
    /// The most ballots in one region the replay samples (a national referendum's largest region is far below).
    static let maximumBallots = 200_000_000

    static func run(audit: Result<RecordedAudit, ReferendumRecordError>?, paper: RecordedPaper?, _ ledger: inout CheckLedger) {
        guard let audit else {
            ledger.skip(.r7, "the record has no audit.json: no risk-limiting audit ran")
            return
        }
        guard let audit = ReferendumVerification.need(audit, [.r7], &ledger) else { return }
        var failures = 0
        func fail(_ field: String, _ message: String) {
            failures += 1
            ledger.fail(.r7, CheckFailure(file: file, field: field, message: "R.7: \(message)"))
        }
        guard let paper else {
            fail("", "an audit needs protocols.json, which holds the reported results it confirms")
            return
        }
        guard audit.riskLimit > 0, audit.riskLimit < 1, !audit.seed.isEmpty else {
            fail("risk_limit", "the risk limit must be in (0, 1) and the seed not empty")
            return
        }
        if Set(audit.contests.map(\.region)) != Set(paper.regions.map(\.region)) || audit.contests.count != paper.regions.count {
            fail("contests", "the audit must cover every region of protocols.json once")
        }
        for (index, contest) in audit.contests.enumerated() {
            let field = "contests[\(index)]"
            if let region = paper.regions.first(where: { $0.region == contest.region }),
               contest.reported.ballots != region.reported.ballots || contest.reported.votes != region.reported.votes {
                fail("\(field).reported", "\(contest.region)'s reported result is not protocols.json's")
            }
            let cells = paper.cells.filter { $0.region == contest.region }
            let expected: [RecordedAudit.Batch] = switch audit.method {
            case .batchComparison: cells.compactMap { cell in (cell.electronic ?? cell.paper).map { .init(batch: cell.scope, ballots: $0.ballots, votes: $0.votes) } }
            case .ballotPolling: cells.map { .init(batch: $0.scope, ballots: $0.paper?.ballots ?? -1, votes: [:]) }
            }
            if contest.batches != expected { fail("\(field).batches", "\(contest.region)'s batches are not the cells of protocols.json") }
            for problem in replay(contest, seed: audit.seed, method: audit.method, riskLimit: audit.riskLimit) {
                fail("\(field).\(problem.field)", "\(contest.region): \(problem.message)")
            }
        }
        if failures == 0 { ledger.pass(.r7, count: audit.contests.count + audit.contests.reduce(0) { $0 + $1.rounds.count }) }
    }

    /// Every way `contest`'s rounds differ from a replay of the audit from its seed.
    static func replay(_ contest: RecordedAudit.Contest, seed: String, method: RecordedAudit.Method, riskLimit: Double) -> [(field: String, message: String)] {
        var problems = [(field: String, message: String)]()
        guard contest.reported.votes.values.reduce(0, +) > 0 else {
            let empty = contest.status == .confirmed && contest.rounds.isEmpty
            return empty ? [] : [("status", "a region without votes has nothing to audit: confirmed, with no rounds")]
        }
        do {
            let limit = try RiskLimit(riskLimit)
            let reported = try Contest(name: contest.region, options: contest.options, votes: contest.options.map { contest.reported.votes[$0] ?? 0 },
                                       ballotsCast: contest.reported.ballots)
            // A hostile record could name a region of a trillion ballots: the sampler hashes each one.
            guard contest.batches.reduce(0, { $0 + max(0, $1.ballots) }) <= maximumBallots else {
                return [("batches", "more than \(maximumBallots) ballots in one region: not replayed")]
            }
            let tallies = contest.batches.map { batch in
                BatchTally(batch: batch.batch, ballots: batch.ballots, votes: contest.options.map { batch.votes[$0] ?? 0 })
            }
            // The evidence so far, and the decision it gives.
            var draws = [String](), audited = [String: BatchTally](), reads = [String]()
            func decision(after rounds: Int) throws -> RoundDecision {
                switch method {
                case .batchComparison:
                    return try AuditRounds.batchComparison(results: try BatchResults(contest: reported, batches: tallies), riskLimit: limit,
                                                           draws: draws, audited: audited, roundsCompleted: rounds)
                case .ballotPolling:
                    var votes = [String: Int]()
                    for read in reads where contest.options.contains(read) { votes[read, default: 0] += 1 }
                    return try AuditRounds.ballotPolling(contest: reported, riskLimit: limit, tally: try SampleTally(votes: votes, ballots: reads.count),
                                                         roundsCompleted: rounds)
                }
            }
            var next: NextStep
            do {
                next = try decision(after: 0).next
            } catch AuditError.notAuditable {
                if contest.status != .fullHandCount && contest.status != .handCounted { problems.append(("status", "a tie is settled only by a full hand count")) }
                return problems + handCountProblems(contest, reported)
            }
            var drawn = 0
            for (r, round) in contest.rounds.enumerated() {
                // Sizes come from logarithms, which may round differently on another platform: one either way is the same size.
                guard case .sample(let size) = next, abs(round.size - size) <= 1 else {
                    problems.append(("rounds[\(r)].size", "round \(round.number) drew \(round.size); the evidence before it called for \(describe(next))"))
                    return problems
                }
                let sample: [RecordedAudit.Draw]
                switch method {
                case .batchComparison:
                    sample = try BatchSampler(seed: seed, results: try BatchResults(contest: reported, batches: tallies))
                        .draw(count: round.size, alreadyDrawn: drawn).map { .init(ticket: String($0.draw), batch: $0.batch, position: nil) }
                case .ballotPolling:
                    let manifest = try BallotManifest(batches: contest.batches.filter { $0.ballots > 0 }.map { .init(name: $0.batch, ballots: $0.ballots) })
                    sample = try BallotSampler(seed: seed, manifest: manifest, withReplacement: false).draw(count: round.size, alreadyDrawn: drawn)
                        .map { .init(ticket: $0.ticket, batch: $0.ballot.batch, position: $0.ballot.position) }
                }
                drawn += round.size
                if sample != round.sample { problems.append(("rounds[\(r)].sample", "round \(round.number)'s sample is not the one the seed draws")) }
                guard round.decision != nil else {
                    if r != contest.rounds.count - 1 || contest.status != .sampling {
                        problems.append(("rounds[\(r)]", "round \(round.number) has no counts, yet the audit went on"))
                    }
                    return problems
                }
                switch method {
                case .batchComparison:
                    let counted = round.counted ?? []
                    let due = Set(round.sample.map(\.batch)).subtracting(audited.keys)
                    if Set(counted.map(\.batch)) != due { problems.append(("rounds[\(r)].counted", "round \(round.number) counts other batches than it drew")) }
                    for batch in counted { audited[batch.batch] = BatchTally(batch: batch.batch, ballots: batch.ballots, votes: contest.options.map { batch.votes[$0] ?? 0 }) }
                    draws += round.sample.map(\.batch)
                case .ballotPolling:
                    let read = round.read ?? [:]
                    if Set(read.keys) != Set(round.sample.map(\.ticket)) { problems.append(("rounds[\(r)].read", "round \(round.number) reads other ballots than it drew")) }
                    reads += round.sample.compactMap { read[$0.ticket] }
                }
                let after = try decision(after: r + 1)
                let recordedRisk: Double = round.risk ?? -1
                if abs(recordedRisk - after.measuredRisk) > 1e-9 * max(1, after.measuredRisk) {
                    problems.append(("rounds[\(r)].risk", "round \(round.number)'s risk is \(after.measuredRisk), not \(recordedRisk)"))
                }
                if !same(round.decision, after.next) {
                    problems.append(("rounds[\(r)].decision", "round \(round.number) decided \(round.decision ?? "-"); its counts give \(describe(after.next))"))
                }
                next = after.next
            }
            let status: [RecordedAudit.Status]
            switch next {
            case .stop: status = [.confirmed]
            case .fullHandCount: status = [.fullHandCount, .handCounted]
            case .sample: status = [.sampling]
            }
            if !status.contains(contest.status) { problems.append(("status", "the audit is \(contest.status.rawValue), but its last decision is \(describe(next))")) }
            if contest.status == .handCounted { problems += handCountProblems(contest, reported) }
        } catch {
            problems.append(("", "cannot replay the audit: \(error)"))
        }
        return problems
    }

    static func handCountProblems(_ contest: RecordedAudit.Contest, _ reported: Contest) -> [(field: String, message: String)] {
        guard contest.status == .handCounted else { return [] }
        guard let counts = contest.handCount, Set(counts.map(\.batch)) == Set(contest.batches.map(\.batch)), counts.count == contest.batches.count else {
            return [("hand_count", "a full hand count must count every batch once")]
        }
        let votes = contest.options.map { option in counts.reduce(0) { $0 + ($1.votes[option] ?? 0) } }
        guard let outcome = try? AuditRounds.handCountOutcome(contest: reported, votes: votes, ballots: counts.reduce(0) { $0 + $1.ballots }) else {
            return [("hand_count", "the hand count is not a contest's count")]
        }
        let text: String = switch outcome {
        case .winner(let option): option
        case .passes(let option): "\(option) passes"
        case .fails(let option): "\(option) fails"
        case .tied: "tie"
        }
        return text == contest.handCountWinner ? [] : [("hand_count_winner", "the hand count gives \(text), not \(contest.handCountWinner ?? "-")")]
    }

    /// Whether a recorded decision is `next`, a round size within one (platform rounding of logarithms).
    static func same(_ recorded: String?, _ next: NextStep) -> Bool {
        guard let recorded else { return false }
        if case .sample(let size) = next, recorded.hasPrefix("sample "), let written = Int(recorded.dropFirst(7)) { return abs(written - size) <= 1 }
        return recorded == describe(next)
    }

    static func describe(_ next: NextStep) -> String {
        switch next {
        case .stop: "stop"
        case .sample(let size): "sample \(size)"
        case .fullHandCount: "full-hand-count"
        }
    }
}
