import Testing

@testable import RiskLimitingAudit

/// Known answers from votingworks/arlo server/tests/audit_math/test_bravo.py (risk limit 10%).
@Suite("BRAVO: Arlo's known answers")
struct BravoTests {
    let alpha = try! RiskLimit(0.1)

    func contest(_ name: String, _ votes: KeyValuePairs<String, Int>, ballots: Int) -> Contest {
        try! Contest(name: name, votes: votes, ballotsCast: ballots)
    }

    var test1: Contest { contest("test1", ["cand1": 600, "cand2": 400], ballots: 1000) }
    var test2: Contest { contest("test2", ["cand1": 600, "cand2": 200, "cand3": 100], ballots: 900) }
    var test6: Contest { contest("test6", ["cand1": 300, "cand2": 200, "cand3": 200], ballots: 1000) }
    var test12: Contest { contest("test12", ["cand1": 600, "cand2": 400, "cand3": 0], ballots: 1000) }
    var smallThird: Contest { contest("test_small_third_candidate", ["cand1": 10000, "cand2": 9000, "cand3": 200], ballots: 20000) }
    var causeNaN: Contest { contest("test_cause_NaN_in_expected_prob", ["Erin George": 400, "Alex Hall": 10, "Write In": 1], ballots: 500) }

    @Test func averageSampleNumbers() throws {
        let cases: [(Contest, Int)] = [(test1, 119), (test2, 22), (test6, 238), (test12, 119), (smallThird, 1769), (causeNaN, 6)]
        for (contest, expected) in cases {
            let asn = try Bravo.averageSampleNumber(contest: contest, riskLimit: alpha, tally: .empty)
            #expect(asn == expected, "test_expected_sample_size \(contest.name): got \(asn), expected \(expected)")
        }
    }

    @Test func averageSampleNumberSecondRound() throws {
        let tally = try SampleTally(votes: ["cand1": 25, "cand2": 18, "cand3": 5])
        let asn = try Bravo.averageSampleNumber(contest: test2, riskLimit: alpha, tally: tally)
        #expect(asn == 42, "test_expected_sample_size_second_round test2: got \(asn)")
        let over = try SampleTally(votes: ["cand1": 72, "cand2": 47])
        #expect(throws: AuditError.self, "test_expected_sample_size_second_round test1: the sample indicates the audit is over") {
            try Bravo.averageSampleNumber(contest: test1, riskLimit: alpha, tally: over)
        }
    }

    @Test func completionProbabilityOfTheASN() throws {
        let pair = try test1.assertions()[0]
        let p = Bravo.completionProbability(of: pair, riskLimit: alpha, tally: .empty, size: 119)
        #expect((p * 100).rounded() / 100 == 0.52, "test_bravo_expected_prob: got \(p)")
    }

    @Test func seventyTwoYesFortySevenNoStops() throws {
        let tally = try SampleTally(votes: ["cand1": 72, "cand2": 47])
        let risk = try Bravo.risk(contest: test1, tally: tally)
        #expect(abs(risk - 0.07) < 0.01, "test_compute_risk test1: got \(risk), expected 0.07")
        #expect(risk <= alpha.value, "test_compute_risk test1 stops")
    }

    @Test func risksOfArloRoundOneSamples() throws {
        let cases: [(Contest, [String: Int], Double, Bool)] = [
            (test2, ["cand1": 25, "cand2": 18, "cand3": 5], 1.0, false),
            (test6, ["cand1": 72, "cand2": 48, "cand3": 48], 0.08, true),
            (test12, ["cand1": 72, "cand2": 47, "cand3": 0], 0.07, true),
            (smallThird, ["cand1": 1200, "cand2": 1000, "cand3": 10], 0.000561, true),
            (causeNaN, ["Erin George": 3, "Alex Hall": 0, "Write In": 0], 0.13, false),
        ]
        for (contest, votes, expected, stops) in cases {
            let risk = try Bravo.risk(contest: contest, tally: SampleTally(votes: votes))
            #expect(abs(risk - expected) < 0.01, "test_compute_risk \(contest.name): got \(risk), expected \(expected)")
            #expect((risk <= alpha.value) == stops, "test_compute_risk \(contest.name): decision")
        }
        #expect(try Bravo.risk(contest: test1, tally: .empty) == 1, "test_compute_risk_empty")
    }

    @Test func roundSizesByCompletionProbability() throws {
        let cases: [(Contest, [Double: Int])] = [
            (test1, [0.7: 184, 0.8: 244, 0.9: 351]),
            (test2, [0.7: 32, 0.8: 41, 0.9: 57]),
            (test6, [0.7: 368, 0.8: 488, 0.9: 702]),
            (smallThird, [0.7: 2837, 0.8: 3760, 0.9: 5426]),
            (causeNaN, [0.7: 7, 0.8: 8, 0.9: 11]),
        ]
        for (contest, sizes) in cases {
            for (completion, expected) in sizes {
                let size = try Bravo.roundSize(contest: contest, riskLimit: alpha, tally: .empty, completion: completion)
                #expect(size == expected, "test_get_sample_size \(contest.name) at \(completion): got \(size), expected \(expected)")
            }
        }
        let tally = try SampleTally(votes: ["cand1": 25, "cand2": 18, "cand3": 5])
        for (completion, expected) in [0.7: 57, 0.8: 66, 0.9: 87] {
            let size = try Bravo.roundSize(contest: test2, riskLimit: alpha, tally: tally, completion: completion)
            #expect(size == expected, "test_get_sample_size test2 round 2 at \(completion): got \(size), expected \(expected)")
        }
    }

    /// test_bravo_sample_sizes*: p_w and p_r as shares of 10,000 ballots.
    @Test func lindemanRoundSizes() throws {
        let cases: [(String, Int, Int, Int, Int, Double, Int)] = [
            ("0.4/0.32 at 0.9", 4000, 3200, 0, 0, 0.9, 1599),
            ("0.36/0.32 at 0.9", 3600, 3200, 0, 0, 0.9, 6067),
            // Arlo expects 2476: its p_w + p_r is Decimal(0.36) + Decimal(0.32) = 0.67999…9933 < 0.68,
            // so 1683 / (p_w + p_r) = 2475.000…02 rounds up. With exact shares 1683 / 0.68 = 2475.
            ("0.36/0.32 at 0.6 (Arlo 2476, see comment)", 3600, 3200, 0, 0, 0.6, 2475),
            ("0.52/0.47 at 0.9", 5200, 4700, 0, 0, 0.9, 5657),
            ("small prob 0.4/0.32 at 0.4", 4000, 3200, 0, 0, 0.4, 409),
            ("round1 incomplete", 5200, 4700, 2923, 2735, 0.9, 2636),
            ("round1 finish", 5200, 4700, 10000, 0, 0.9, 0),
        ]
        for (name, w, r, sw, sr, completion, expected) in cases {
            let c = try Contest(name: name, votes: ["w": w, "r": r], ballotsCast: 10000)
            let pair = try c.assertions()[0]
            let tally = try SampleTally(votes: ["w": sw, "r": sr])
            let size = try Bravo.roundSize(of: pair, riskLimit: alpha, tally: tally, completion: completion)
            #expect(size == expected, "test_bravo_sample_sizes \(name): got \(size), expected \(expected)")
        }
    }

    @Test func qualifiedMajorityUsesTheThreshold() throws {
        // 70% Yes against a 2/3 threshold: a much smaller margin than against 1/2.
        let rule = try QualifiedMajority(option: "Yes", numerator: 2, denominator: 3, inclusive: true)
        let referendum = try Contest(name: "Q", votes: ["Yes": 7000, "No": 3000], ballotsCast: 10500, qualifiedMajority: rule)
        let simple = try Contest(name: "Q", votes: ["Yes": 7000, "No": 3000], ballotsCast: 10500)
        #expect(referendum.reportedOutcome == .passes("Yes"))
        let qualified = try Bravo.averageSampleNumber(contest: referendum, riskLimit: alpha, tally: .empty)
        let plain = try Bravo.averageSampleNumber(contest: simple, riskLimit: alpha, tally: .empty)
        #expect(qualified > 10 * plain, "2/3 threshold needs far more ballots: \(qualified) vs \(plain)")
        // A sample at the reported shares meets the limit; one at exactly 2/3 does not move T.
        let atThreshold = try SampleTally(votes: ["Yes": 600, "No": 300])
        #expect(abs(try Bravo.risk(contest: referendum, tally: atThreshold) - 1) < 0.2)
        let strong = try SampleTally(votes: ["Yes": 1400, "No": 600])
        #expect(try Bravo.risk(contest: referendum, tally: strong) < 0.1)
    }
}
