import Testing

@testable import RiskLimitingAudit

@Suite("Round driver")
struct AuditRoundsTests {
    let alpha = try! RiskLimit(0.1)
    let contest = try! Contest(name: "test1", votes: ["Yes": 600, "No": 400], ballotsCast: 1000)

    @Test func ballotPollingFirstRoundThenStop() throws {
        let first = try AuditRounds.ballotPolling(contest: contest, riskLimit: alpha, tally: .empty, roundsCompleted: 0)
        #expect(first.measuredRisk == 1 && !first.riskLimitMet)
        #expect(first.next == .sample(size: 351), "round 1 at 90% completion, Arlo's test1 0.9 size")
        let after = try AuditRounds.ballotPolling(
            contest: contest, riskLimit: alpha, tally: SampleTally(votes: ["Yes": 72, "No": 47]), roundsCompleted: 1)
        #expect(after.riskLimitMet && after.next == .stop, "72 Yes and 47 No stop at 10%")
    }

    @Test func ballotPollingEscalates() throws {
        let unlucky = try SampleTally(votes: ["Yes": 60, "No": 59])
        let patient = try EscalationPolicy(fullCountShare: 1)
        let second = try AuditRounds.ballotPolling(contest: contest, riskLimit: alpha, tally: unlucky, roundsCompleted: 1, policy: patient)
        guard case .sample(let size) = second.next else {
            Issue.record("expected a second round, got \(second.next)")
            return
        }
        #expect(size > 119 && !second.riskLimitMet, "a larger second round: \(size)")
        let standard = try AuditRounds.ballotPolling(contest: contest, riskLimit: alpha, tally: unlucky, roundsCompleted: 1)
        #expect(standard.next == .fullHandCount, "a round of \(size) would pass half the ballots: full hand count")
        let last = try AuditRounds.ballotPolling(contest: contest, riskLimit: alpha, tally: unlucky, roundsCompleted: 3, policy: patient)
        #expect(last.next == .fullHandCount, "after the policy's three rounds: full hand count")
    }

    @Test func tieGoesStraightToAFullCount() throws {
        let tie = try Contest(name: "tie", votes: ["Yes": 500, "No": 500], ballotsCast: 1000)
        let decision = try AuditRounds.ballotPolling(contest: tie, riskLimit: alpha, tally: .empty, roundsCompleted: 0)
        #expect(decision == RoundDecision(measuredRisk: 1, riskLimitMet: false, next: .fullHandCount))
        #expect(try AuditRounds.handCountOutcome(contest: tie, votes: [501, 499], ballots: 1000) == .winner("Yes"))
    }

    @Test func batchComparisonRounds() throws {
        let results = MacroTests.results("Contest A")
        let alpha = try RiskLimit(0.25)
        let first = try AuditRounds.batchComparison(results: results, riskLimit: alpha, draws: [], audited: [:], roundsCompleted: 0)
        #expect(first.next == .sample(size: 30), "MACRO first round at 25%: 30")
        let sampler = try BatchSampler(seed: "38472910564738291056", results: results)
        let draws = try sampler.draw(count: 30).map(\.batch)
        let audited = Dictionary(draws.map { ($0, results.tally(of: $0)!) }, uniquingKeysWith: { a, _ in a })
        let after = try AuditRounds.batchComparison(results: results, riskLimit: alpha, draws: draws, audited: audited, roundsCompleted: 1)
        #expect(after.riskLimitMet && after.next == .stop, "30 clean draws meet 25%: risk \(after.measuredRisk)")
    }

    @Test func ballotComparisonRounds() throws {
        let c = try Contest(name: "Contest A", votes: ["winner": 60000, "loser": 40000], ballotsCast: 100000)
        let first = try AuditRounds.ballotComparison(contest: c, riskLimit: alpha, discrepancies: .none, roundsCompleted: 0)
        #expect(first.next == .sample(size: 27))
        let oneOver = try AuditRounds.ballotComparison(
            contest: c, riskLimit: alpha, discrepancies: Discrepancies(ballots: 27, oneVoteOver: 1), roundsCompleted: 1)
        #expect(oneOver.next == .sample(size: 11), "one one-vote overstatement: 38 in all")
    }

    @Test func ballotComparisonFromComparedBallots() throws {
        let c = try Contest(name: "Contest A", votes: ["winner": 60000, "loser": 40000], ballotsCast: 100000)
        var ballots = Array(repeating: ComparedBallot(reported: "winner", audited: "winner"), count: 27)
        let clean = try AuditRounds.ballotComparison(contest: c, riskLimit: alpha, ballots: ballots, roundsCompleted: 1)
        #expect(clean.next == .stop)
        ballots[3] = ComparedBallot(reported: "winner", audited: nil)
        let oneOver = try AuditRounds.ballotComparison(contest: c, riskLimit: alpha, ballots: ballots, roundsCompleted: 1)
        #expect(oneOver.next == .sample(size: 11), "one one-vote overstatement: 38 in all, as Arlo")
    }
}
