import Testing

@testable import RiskLimitingAudit

@Suite("ALPHA ballot polling without replacement")
struct AlphaTests {
    let alpha = try! RiskLimit(0.1)
    let contest = try! Contest(name: "test1", votes: ["Yes": 600, "No": 400], ballotsCast: 1000)

    /// 72 Yes and 47 No, interleaved as evenly as possible.
    var interleaved: [String?] {
        var out = [String?]()
        var yes = 0, no = 0
        while yes + no < 119 {
            if Double(yes) * 47 <= Double(no) * 72, yes < 72 { out.append("Yes"); yes += 1 } else { out.append("No"); no += 1 }
        }
        return out
    }

    @Test func aSampleLikeTheReportedSharesLowersTheRisk() throws {
        let risk = try Alpha.risk(contest: contest, votes: interleaved)
        #expect(risk < 0.2, "72 Yes / 47 No: ALPHA risk \(risk)")
        #expect(try Alpha.risk(contest: contest, votes: []) == 1)
        #expect(try Alpha.risk(contest: contest, votes: Array(repeating: "No", count: 50)) == 1, "a run of No votes gives risk 1")
        let size = try Alpha.sampleSize(contest: contest, riskLimit: alpha)
        #expect(size > 40 && size < 200, "ALPHA sample size at 10% for 600/400: \(size) (BRAVO's ASN is 119)")
    }

    @Test func roundDriverWithoutReplacement() throws {
        let first = try AuditRounds.ballotPollingWithoutReplacement(contest: contest, riskLimit: alpha, votes: [], roundsCompleted: 0)
        #expect(first.next == .sample(size: 116), "ALPHA round 1 for 600/400 at 10%")
        let done = try AuditRounds.ballotPollingWithoutReplacement(contest: contest, riskLimit: alpha, votes: interleaved, roundsCompleted: 1)
        #expect(done.next == .stop && done.riskLimitMet, "72/47 interleaved stops: risk \(done.measuredRisk)")
        // A tie, alternating (a run of 55 Yes first would itself meet the limit: the order counts).
        let weak: [String?] = (0..<110).map { $0 % 2 == 0 ? "Yes" : "No" }
        let patient = try EscalationPolicy(fullCountShare: 1)
        let second = try AuditRounds.ballotPollingWithoutReplacement(contest: contest, riskLimit: alpha, votes: weak, roundsCompleted: 1, policy: patient)
        guard case .sample(let size) = second.next else {
            Issue.record("expected a second round, got \(second.next)")
            return
        }
        #expect(size > 116, "a tied first round asks for more: \(size)")
    }

    @Test func aFullCountThatConfirmsTheOutcomeHasRiskZero() throws {
        let all: [String?] = Array(repeating: "Yes", count: 600) + Array(repeating: "No", count: 400)
        #expect(try Alpha.risk(contest: contest, votes: all) == 0)
    }

    @Test func qualifiedMajority() throws {
        let rule = try QualifiedMajority(option: "Yes", numerator: 2, denominator: 3, inclusive: true)
        let referendum = try Contest(name: "Q", votes: ["Yes": 7500, "No": 2500], ballotsCast: 10200, qualifiedMajority: rule)
        let size = try Alpha.sampleSize(contest: referendum, riskLimit: alpha)
        let plain = try Alpha.sampleSize(contest: Contest(name: "Q", votes: ["Yes": 7500, "No": 2500], ballotsCast: 10200), riskLimit: alpha)
        #expect(size > plain, "a 2/3 threshold needs more ballots than a majority: \(size) vs \(plain)")
    }

    @Test func badVotesAreNamed() {
        #expect(throws: AuditError.invalidInput(field: "votes[1]", reason: "\"Maybe\" is not an option of test1")) {
            try Alpha.risk(contest: contest, votes: ["Yes", "Maybe"])
        }
        #expect(throws: AuditError.self) { try Alpha.Parameters(priorWeight: 0) }
    }

    /// The risk is limited: when the reported winner in truth ties, a sequential ALPHA audit of
    /// up to 300 ballots wrongly stops in at most about α of the runs (BRAVO, with replacement, too).
    @Test func wrongOutcomesStopRarely() throws {
        var random = SplitMix(seed: 2022)
        let truth: [String?] = Array(repeating: "Yes", count: 500) + Array(repeating: "No", count: 500)
        let pair = try contest.assertions()[0]
        var alphaStops = 0, bravoStops = 0
        let runs = 400
        for _ in 0..<runs {
            var ballots = truth
            for i in stride(from: ballots.count - 1, to: 0, by: -1) {
                ballots.swapAt(i, Int(random.next() % UInt64(i + 1)))
            }
            if Alpha.risks(of: pair, votes: Array(ballots.prefix(300))).contains(where: { $0 <= alpha.value }) { alphaStops += 1 }
            var yes = 0, no = 0
            for _ in 0..<300 {
                if truth[Int(random.next() % 1000)] == "Yes" { yes += 1 } else { no += 1 }
                if Bravo.risk(of: pair, tally: try SampleTally(votes: ["Yes": yes, "No": no])) <= alpha.value { bravoStops += 1; break }
            }
        }
        #expect(Double(alphaStops) / Double(runs) <= 0.13, "ALPHA stopped wrongly in \(alphaStops) of \(runs)")
        #expect(Double(bravoStops) / Double(runs) <= 0.13, "BRAVO stopped wrongly in \(bravoStops) of \(runs)")
    }
}
