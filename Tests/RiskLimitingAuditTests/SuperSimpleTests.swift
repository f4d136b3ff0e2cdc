import Testing

@testable import RiskLimitingAudit

/// Known answers from votingworks/arlo server/tests/audit_math/test_supersimple.py (risk limit 10%).
@Suite("Ballot comparison (super-simple): Arlo's known answers")
struct SuperSimpleTests {
    let alpha = try! RiskLimit(0.1)

    static let contests: [(String, Int, Int, Int)] = [
        ("Contest A", 60000, 40000, 100000), ("Contest B", 30000, 24000, 60000), ("Contest C", 18000, 12600, 36000),
        ("Contest D", 8000, 6000, 15000), ("Contest E", 10000, 0, 10000), ("Contest F", 10, 4, 15),
    ]

    func contest(_ name: String) -> Contest {
        let c = Self.contests.first { $0.0 == name }!
        return try! Contest(name: c.0, votes: ["winner": c.1, "loser": c.2], ballotsCast: c.3)
    }

    @Test func dilutedMargins() throws {
        for (name, expected) in ["Contest A": 0.2, "Contest B": 0.1, "Contest C": 0.15, "Contest D": 2.0 / 15, "Contest E": 1] {
            #expect(abs(try contest(name).dilutedMargin() - expected) < 1e-12, "test_compute_diluted_margin \(name)")
        }
    }

    @Test func sampleSizes() throws {
        #expect(try SuperSimple.sampleSize(dilutedMargin: 0.2, ballotsCast: 100000, riskLimit: alpha) == 27, "diluted margin 0.2: 27")
        for (name, expected) in ["Contest A": 27, "Contest B": 54, "Contest C": 36, "Contest D": 40, "Contest E": 6, "Contest F": 14] {
            let size = try SuperSimple.sampleSize(contest: contest(name), riskLimit: alpha)
            #expect(size == expected, "test_get_sample_sizes \(name): got \(size), expected \(expected)")
        }
    }

    @Test func risksAndNextSizes() throws {
        let noDiscrepancies = ["Contest A": 0.06507, "Contest B": 0.06973, "Contest C": 0.06740, "Contest D": 0.07048, "Contest E": 0.01950]
        let oneOver = ["Contest A": 0.12534, "Contest B": 0.13441, "Contest C": 0.12992, "Contest D": 0.13585, "Contest E": 0.03758]
        let twoOver = ["Contest A": 1.0, "Contest B": 1.0, "Contest C": 1.0, "Contest D": 1.0, "Contest E": 0.51877]
        let oneOverStop = ["Contest A": 38, "Contest B": 76, "Contest C": 51, "Contest D": 57, "Contest E": 7]
        let twoOverStop = ["Contest A": 100000, "Contest B": 60000, "Contest C": 36000, "Contest D": 15000, "Contest E": 33]
        for name in noDiscrepancies.keys.sorted() {
            let c = contest(name)
            let mu = try c.dilutedMargin()
            let n = try SuperSimple.sampleSize(contest: c, riskLimit: alpha)
            let clean = try Discrepancies(ballots: n)
            let o1 = try Discrepancies(ballots: n, oneVoteOver: 1)
            let o2 = try Discrepancies(ballots: n, twoVoteOver: 1)
            #expect(abs(try SuperSimple.risk(dilutedMargin: mu, discrepancies: clean) - noDiscrepancies[name]!) < 0.001, "test_compute_risk no discrepancies \(name)")
            #expect(abs(try SuperSimple.risk(dilutedMargin: mu, discrepancies: o1) - oneOver[name]!) < 0.001, "test_compute_risk one-vote over \(name)")
            #expect(abs(try SuperSimple.risk(dilutedMargin: mu, discrepancies: o2) - twoOver[name]!) < 0.001, "test_compute_risk two-vote over \(name)")
            #expect(try SuperSimple.sampleSize(contest: c, riskLimit: alpha, discrepancies: clean) == 0, "next size after a clean sample \(name)")
            #expect(try SuperSimple.sampleSize(contest: c, riskLimit: alpha, discrepancies: o1) == oneOverStop[name]! - n, "next size after one o1 \(name)")
            #expect(try SuperSimple.sampleSize(contest: c, riskLimit: alpha, discrepancies: o2) == twoOverStop[name]! - n, "next size after one o2 \(name)")
        }
    }
}

@Suite("Ballot comparison, ballot by ballot")
struct ComparedBallotTests {
    let alpha = try! RiskLimit(0.1)

    @Test func pairOverstatementsMatchTheCounts() throws {
        let c = try Contest(name: "Contest A", votes: ["winner": 60000, "loser": 40000], ballotsCast: 100000)
        var ballots = Array(repeating: ComparedBallot(reported: "winner", audited: "winner"), count: 27)
        #expect(abs(try SuperSimple.risk(contest: c, ballots: ballots) - 0.06507) < 0.001, "27 clean ballots: Arlo's no-discrepancy risk")
        ballots[0] = ComparedBallot(reported: "winner", audited: nil)
        #expect(abs(try SuperSimple.risk(contest: c, ballots: ballots) - 0.12534) < 0.001, "one one-vote overstatement: Arlo's 0.12534")
        #expect(try SuperSimple.discrepancies(contest: c, ballots: ballots) == Discrepancies(ballots: 27, oneVoteOver: 1))
        ballots[0] = ComparedBallot(reported: "winner", audited: "loser")
        #expect(try SuperSimple.risk(contest: c, ballots: ballots) == 1, "a two-vote overstatement: risk 1")
        ballots[0] = ComparedBallot(reported: nil, audited: nil, missing: true)
        #expect(try SuperSimple.risk(contest: c, ballots: ballots) == 1, "a missing ballot counts as two votes")
        ballots[0] = ComparedBallot(reported: "loser", audited: "winner")
        #expect(abs(try SuperSimple.risk(contest: c, ballots: ballots) - 0.06507) < 0.001, "understatements count as 0")
        #expect(throws: AuditError.self) { try SuperSimple.risk(contest: c, ballots: [ComparedBallot(reported: "other", audited: nil)]) }
    }

    @Test func qualifiedMajorityOverstatements() throws {
        let rule = try QualifiedMajority(option: "Yes", numerator: 2, denominator: 3, inclusive: true)
        let c = try Contest(name: "Q", votes: ["Yes": 8000, "No": 2000], ballotsCast: 10000, qualifiedMajority: rule)
        let a = try c.assertions()[0]
        #expect(SuperSimple.overstatement(of: a, ComparedBallot(reported: "Yes", audited: nil)) == 2.0 / 3)
        #expect(SuperSimple.overstatement(of: a, ComparedBallot(reported: nil, audited: "No")) == 4.0 / 3)
        #expect(SuperSimple.overstatement(of: a, ComparedBallot(reported: "Yes", audited: "No")) == 2)
        let n = try SuperSimple.sampleSize(contest: c, riskLimit: alpha)
        let clean = Array(repeating: ComparedBallot(reported: "Yes", audited: "Yes"), count: n)
        #expect(try SuperSimple.risk(contest: c, ballots: clean) <= alpha.value, "the estimated size of clean ballots meets the limit")
    }
}
