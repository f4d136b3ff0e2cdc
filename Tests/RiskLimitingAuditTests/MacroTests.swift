import Foundation
import Testing

@testable import RiskLimitingAudit

/// Known answers from votingworks/arlo server/tests/audit_math/test_macro.py (risk limit 25%).
/// Arlo's fixture puts three contests in 400 batches ("Batch i" of 400 ballots and "Batch i AV" of
/// 200); a batch without a contest has error bound 0 there, so each contest here keeps only the
/// batches that carry it.
@Suite("MACRO: Arlo's known answers")
struct MacroTests {
    let alpha = try! RiskLimit(0.25)

    /// Contest A: every i in 0..<200; B: i in 0..<100; C: i in 0..<30 and 100..<130.
    static func results(_ name: String) -> BatchResults {
        let (indices, winner, loser, total): ([Int], Int, Int, (Int, Int, Int)) = switch name {
        case "Contest A": (Array(0..<200), 200, 180, (60000, 54000, 120000))
        case "Contest B": (Array(0..<100), 200, 160, (30000, 24000, 60000))
        default: (Array(0..<30) + Array(100..<130), 200, 140, (18000, 12600, 36000))
        }
        let contest = try! Contest(name: name, votes: ["winner": total.0, "loser": total.1], ballotsCast: total.2)
        var batches = [BatchTally]()
        for i in indices {
            batches.append(BatchTally(batch: "Batch \(i)", ballots: 400, votes: [winner, loser]))
            batches.append(BatchTally(batch: "Batch \(i) AV", ballots: 200, votes: [winner / 2, loser / 2]))
        }
        return try! BatchResults(contest: contest, batches: batches)
    }

    @Test func maximumErrors() throws {
        let expected: [String: (Double, Double)] = ["Contest A": (0.07, 0.035), "Contest B": (0.0733, 0.0367), "Contest C": (0.0852, 0.0426)]
        for (name, (big, small)) in expected {
            let bounds = try Macro.errorBounds(Self.results(name))
            #expect(abs(bounds[0] - big) < 0.001, "test_max_error \(name) Batch: got \(bounds[0])")
            #expect(abs(bounds[1] - small) < 0.001, "test_max_error \(name) AV: got \(bounds[1])")
        }
        #expect(abs(try Macro.totalErrorBound(Self.results("Contest A")) - 21) < 1e-9, "Contest A: U = 21")
    }

    @Test func firstRoundSizes() throws {
        for (name, expected) in ["Contest A": 30, "Contest B": 16, "Contest C": 11] {
            let size = try Macro.roundSize(Self.results(name), riskLimit: alpha)
            #expect(size == expected, "test_get_sample_sizes first round \(name): got \(size), expected \(expected)")
        }
    }

    func clean(_ results: BatchResults, _ batch: String) -> BatchTally { results.tally(of: batch)! }

    @Test func laterRoundSizes() throws {
        var risks = [String: Double]()
        var draws = [String: [String]]()
        var audited = [String: [String: BatchTally]]()
        for name in ["Contest A", "Contest B", "Contest C"] {
            let r = Self.results(name)
            draws[name] = (0..<4).map { "Batch \($0)" }
            audited[name] = Dictionary(uniqueKeysWithValues: draws[name]!.map { ($0, clean(r, $0)) })
            risks[name] = try Macro.risk(r, draws: draws[name]!, audited: audited[name]!)
        }
        for (name, expected) in ["Contest A": 26, "Contest B": 12, "Contest C": 7] {
            let size = try Macro.roundSize(Self.results(name), riskLimit: alpha, risk: risks[name]!)
            #expect(size == expected, "test_get_sample_sizes second round \(name): got \(size), expected \(expected)")
        }
        // Batches 4…8: A's count moves 20 votes (taint equal to the margin: no change); C clean.
        for i in 4..<9 {
            let batch = "Batch \(i)"
            draws["Contest A"]!.append(batch)
            audited["Contest A"]![batch] = BatchTally(batch: batch, ballots: 400, votes: [190, 190])
            draws["Contest C"]!.append(batch)
            audited["Contest C"]![batch] = clean(Self.results("Contest C"), batch)
        }
        for (name, expected) in ["Contest A": 26, "Contest C": 2] {
            let r = Self.results(name)
            let risk = try Macro.risk(r, draws: draws[name]!, audited: audited[name]!)
            let size = try Macro.roundSize(r, riskLimit: alpha, risk: risk)
            #expect(size == expected, "test_get_sample_sizes third round \(name): got \(size), expected \(expected)")
        }
        let c = Self.results("Contest C")
        draws["Contest C"]!.append("Batch 9")
        audited["Contest C"]!["Batch 9"] = clean(c, "Batch 9")
        let risk = try Macro.risk(c, draws: draws["Contest C"]!, audited: audited["Contest C"]!)
        #expect(try Macro.roundSize(c, riskLimit: alpha, risk: risk) == 0, "test_get_sample_sizes fourth round Contest C: 0")
    }

    @Test func risks() throws {
        // 30 clean draws; 6 more (Batch 100…105) with taint 1/21 for A, clean for C.
        for name in ["Contest A", "Contest B", "Contest C"] {
            let r = Self.results(name)
            var draws = (0..<30).map { "Batch \($0)" }
            var audited = Dictionary(uniqueKeysWithValues: draws.map { ($0, clean(r, $0)) })
            if name != "Contest B" {
                for i in 100..<106 {
                    let batch = "Batch \(i)"
                    draws.append(batch)
                    audited[batch] = name == "Contest A" ? BatchTally(batch: batch, ballots: 400, votes: [190, 190]) : clean(r, batch)
                }
            }
            let expected: Double = switch name {
            case "Contest A": pow(20.0 / 21.0, 30.0)
            case "Contest B": pow(10.0 / 11.0, 30.0)
            default: pow(20.0 / 23.0, 36.0)
            }
            let risk = try Macro.risk(r, draws: draws, audited: audited)
            #expect(abs(risk - expected) < 1e-4, "test_compute_risk \(name): got \(risk), expected \(expected)")
            #expect(risk <= alpha.value, "test_compute_risk \(name) stops")
            // Drawing batches again counts them again (with replacement).
            let again = draws + (name == "Contest B" ? [] : (100..<103).map { "Batch \($0)" })
            let expectedAgain = name == "Contest C" ? pow(20.0 / 23.0, 39.0) : expected
            #expect(abs(try Macro.risk(r, draws: again, audited: audited) - expectedAgain) < 1e-4, "test_compute_risk duplicates \(name)")
        }
    }

    @Test func worstCaseGivesRiskOne() throws {
        let contest = try Contest(name: "test1", votes: ["winner": 1000, "loser": 0], ballotsCast: 1000)
        let results = try BatchResults(contest: contest, batches: [
            BatchTally(batch: "Batch 1", ballots: 500, votes: [500, 0]), BatchTally(batch: "Batch 2", ballots: 500, votes: [500, 0]),
        ])
        let risk = try Macro.risk(results, draws: ["Batch 1"], audited: ["Batch 1": BatchTally(batch: "Batch 1", ballots: 500, votes: [0, 500])])
        #expect(risk == 1, "test_worst_case")
    }

    @Test func tiedContestGoesToAFullCount() throws {
        let contest = try Contest(name: "Tied Contest", votes: ["winner": 50000, "loser": 50000], ballotsCast: 100000)
        let results = try BatchResults(contest: contest, batches: (0..<100).map { BatchTally(batch: "\($0)", ballots: 1000, votes: [500, 500]) })
        #expect(throws: AuditError.self, "test_tied_contest: no sample can confirm a tie") { try Macro.roundSize(results, riskLimit: alpha) }
        let decision = try AuditRounds.batchComparison(results: results, riskLimit: alpha, draws: [], audited: [:], roundsCompleted: 0)
        #expect(decision.next == .fullHandCount, "test_tied_contest: full hand count")
    }
}

@Suite("MACRO across contests")
struct MacroAcrossContestsTests {
    let alpha = try! RiskLimit(0.25)

    @Test func oneContestIsMacro() throws {
        let a = MacroTests.results("Contest A")
        let audit = try MacroAudit(contests: [a])
        #expect(audit.errorBounds == (try Macro.errorBounds(a)))
        #expect(try audit.roundSize(riskLimit: alpha) == 30)
    }

    /// Contests A and B in the same batches: u_p is the larger of the two, so U and the first
    /// round are at least each contest's own.
    @Test func boundsAreTheMaximumAcrossContests() throws {
        let a = MacroTests.results("Contest A"), b = MacroTests.results("Contest B")
        let audit = try MacroAudit(contests: [a, b])
        #expect(audit.batches.count == 400, "B's batches are among A's")
        let bA = try Macro.errorBounds(a)
        for (k, batch) in audit.batches.enumerated() {
            let fromB = b.batches.firstIndex { $0.batch == batch }.map { try! Macro.errorBounds(b)[$0] } ?? 0
            #expect(audit.errorBounds[k] == max(bA[k], fromB), "u_p of \(batch)")
        }
        let size = try audit.roundSize(riskLimit: alpha)
        #expect(size >= 30 && size >= 16, "first round across A and B: \(size)")
        // An error in B alone taints the batch for the joint audit.
        let drawn = "Batch 0"
        let counts = ["Contest A": a.tally(of: drawn)!, "Contest B": BatchTally(batch: drawn, ballots: 400, votes: [180, 180])]
        let risk = try audit.risk(draws: [drawn], audited: [drawn: counts])
        let clean = try audit.risk(draws: [drawn], audited: [drawn: ["Contest A": a.tally(of: drawn)!, "Contest B": b.tally(of: drawn)!]])
        #expect(risk > clean, "B's overstatement raises the joint risk")
        #expect(throws: AuditError.self, "a drawn batch needs every contest's count") {
            try audit.risk(draws: [drawn], audited: [drawn: ["Contest A": a.tally(of: drawn)!]])
        }
        let draws = try BatchSampler(seed: "across contests", audit: audit).draw(count: 5)
        #expect(draws.count == 5)
    }
}
