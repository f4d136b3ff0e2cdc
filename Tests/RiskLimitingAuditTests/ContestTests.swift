import Foundation
import Testing

@testable import RiskLimitingAudit

@Suite("Contest, outcome and assertions")
struct ContestTests {
    @Test func pluralityPairsAndMargins() throws {
        let c = try Contest(name: "test2", votes: ["cand1": 600, "cand2": 200, "cand3": 100], ballotsCast: 900)
        #expect(c.reportedOutcome == .winner("cand1"))
        let assertions = try c.assertions()
        #expect(assertions.map(\.id) == ["cand1 > cand2", "cand1 > cand3"])
        #expect(assertions.map(\.margin) == [400, 500])
        #expect(abs(try c.dilutedMargin() - 400.0 / 900) < 1e-12)
    }

    @Test func qualifiedMajorityPassesAndFails() throws {
        let twoThirds = try QualifiedMajority(option: "Yes", numerator: 2, denominator: 3, inclusive: true)
        let passes = try Contest(name: "Q", votes: ["Yes": 700, "No": 300], ballotsCast: 1050, qualifiedMajority: twoThirds)
        #expect(passes.reportedOutcome == .passes("Yes"))
        let a = try passes.assertions()
        #expect(a.count == 1 && a[0].id == "Yes ≥ 2/3" && a[0].favoured == ["Yes"] && a[0].opposed == ["No"])
        // Weighted margin: 1·700 − 2·300 = 100; diluted 2·100/(3·1050).
        #expect(a[0].margin == 100)
        #expect(abs(a[0].dilutedMargin - 200.0 / 3150) < 1e-12)

        // 60% Yes is a majority but fails 2/3: the "No" outcome is the others at share 1/3.
        let fails = try Contest(name: "Q", votes: ["Yes": 600, "No": 400], ballotsCast: 1000, qualifiedMajority: twoThirds)
        #expect(fails.reportedOutcome == .fails("Yes"))
        let f = try fails.assertions()[0]
        #expect(f.favoured == ["No"] && f.opposed == ["Yes"] && f.nullNumerator == 1 && f.nullDenominator == 3)
        #expect(f.margin == 2 * 400 - 600)

        let onTheLine = try Contest(name: "Q", votes: ["Yes": 200, "No": 100], ballotsCast: 300, qualifiedMajority: twoThirds)
        #expect(onTheLine.reportedOutcome == .tied)
        #expect(throws: AuditError.notAuditable(reason: "the reported outcome of Q is a tie")) { try onTheLine.assertions() }

        let majority = try QualifiedMajority.simpleMajority(of: "Yes")
        let half = try Contest(name: "Q", votes: ["Yes": 500, "No": 500], ballotsCast: 1000, qualifiedMajority: majority)
        #expect(half.reportedOutcome == .tied, "exactly half is not more than half")
        let m = try Contest(name: "Q", votes: ["Yes": 600, "No": 400], ballotsCast: 1000, qualifiedMajority: majority)
        #expect(try m.assertions()[0].margin == 200, "a simple majority weighs like a pair")
    }

    @Test func codableRoundTripAndValidatesOnDecode() throws {
        let rule = try QualifiedMajority.simpleMajority(of: "Yes")
        let c = try Contest(name: "Q", votes: ["Yes": 600, "No": 400], ballotsCast: 1100, qualifiedMajority: rule)
        let data = try JSONEncoder().encode(c)
        #expect(try JSONDecoder().decode(Contest.self, from: data) == c)
        let bad = Data(#"{"name":"Q","options":["Yes","No"],"votes":[-1,400],"ballotsCast":1000}"#.utf8)
        #expect(throws: AuditError.invalidInput(field: "votes[Yes]", reason: "-1 is negative")) { try JSONDecoder().decode(Contest.self, from: bad) }
        let badLimit = Data("1.5".utf8)
        #expect(throws: AuditError.self) { try JSONDecoder().decode(RiskLimit.self, from: badLimit) }
    }
}

@Suite("Bad input: thrown errors naming the field, never a crash")
struct BadInputTests {
    func field(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let AuditError.invalidInput(field, _) {
            return field
        } catch {
            return "\(error)"
        }
    }

    @Test func namedFields() {
        #expect(field { _ = try RiskLimit(0) } == "riskLimit")
        #expect(field { _ = try RiskLimit(1) } == "riskLimit")
        #expect(field { _ = try RiskLimit(.nan) } == "riskLimit")
        #expect(field { _ = try Contest(name: "c", votes: ["Yes": 10], ballotsCast: 10) } == "options")
        #expect(field { _ = try Contest(name: "c", votes: ["Yes": -1, "No": 3], ballotsCast: 10) } == "votes[Yes]")
        #expect(field { _ = try Contest(name: "c", votes: ["Yes": 8, "No": 3], ballotsCast: 10) } == "ballotsCast")
        #expect(field { _ = try Contest(name: "c", votes: ["Yes": 0, "No": 0], ballotsCast: 10) } == "votes")
        #expect(field { _ = try Contest(name: "c", votes: ["Yes": 0, "No": 0], ballotsCast: 0) } == "votes")
        #expect(field { _ = try Contest(name: "c", votes: ["Yes": 1, "Yes": 2], ballotsCast: 10) } == "options")
        #expect(field { _ = try Contest(name: "c", options: ["Yes", "No"], votes: [1], ballotsCast: 10) } == "votes")
        #expect(field { _ = try Contest(name: "c", votes: ["Yes": Int.max, "No": 1], ballotsCast: Int.max) } == "votes[Yes]")
        #expect(field { _ = try QualifiedMajority(option: "Yes", numerator: 3, denominator: 2, inclusive: true) } == "qualifiedMajority.numerator")
        #expect(field { _ = try QualifiedMajority(option: "Yes", numerator: 1, denominator: 0, inclusive: true) } == "qualifiedMajority.denominator")
        #expect(field {
            _ = try Contest(name: "c", votes: ["Yes": 1, "No": 0], ballotsCast: 1, qualifiedMajority: .simpleMajority(of: "Maybe"))
        } == "qualifiedMajority.option")
        #expect(field { _ = try SampleTally(votes: ["Yes": -3]) } == "sample.votes[Yes]")
        #expect(field { _ = try SampleTally(votes: ["Yes": 3], ballots: 2) } == "sample.ballots")
        #expect(field { _ = try BallotManifest(batches: [.init(name: "a'b", ballots: 3)]) } == "batches[0].name")
        #expect(field { _ = try BallotManifest(batches: [.init(name: "a", ballots: -3)]) } == "batches[0].ballots")
        #expect(field { _ = try BallotManifest(batches: [.init(name: "a", ballots: 1), .init(name: "a", ballots: 1)]) } == "batches[1].name")
        let manifest = try! BallotManifest(batches: [.init(name: "a", ballots: 3)])
        #expect(field { _ = try BallotSampler(seed: "", manifest: manifest, withReplacement: false) } == "seed")
        #expect(field { _ = try BallotSampler(seed: "1", manifest: manifest, withReplacement: false).draw(count: -1) } == "count")
        #expect(field { _ = try BallotSampler(seed: "1", manifest: manifest, withReplacement: false).draw(count: 1, alreadyDrawn: -1) } == "alreadyDrawn")
        #expect(field { _ = try BatchSampler(seed: "1", weights: [("a", -1)]) } == "weights[0]")
        #expect(field { _ = try BatchSampler(seed: "1", weights: [("a", 0)]) } == "weights")
        #expect(field { _ = try SuperSimple.sampleSize(dilutedMargin: 0, ballotsCast: 10, riskLimit: RiskLimit(0.1)) } == "dilutedMargin")
        #expect(field { _ = try Discrepancies(ballots: 1, oneVoteOver: 2) } == "discrepancies.ballots")
        #expect(field { _ = try EscalationPolicy(maximumRounds: 0) } == "maximumRounds")
    }

    @Test func batchResultsMustAddUp() throws {
        let c = try Contest(name: "c", votes: ["Yes": 60, "No": 40], ballotsCast: 110)
        #expect(field { _ = try BatchResults(contest: c, batches: []) } == "batches")
        #expect(field { _ = try BatchResults(contest: c, batches: [BatchTally(batch: "s1", ballots: 110, votes: [60, 39])]) } == "batches")
        #expect(field { _ = try BatchResults(contest: c, batches: [BatchTally(batch: "s1", ballots: 90, votes: [60, 40])]) } == "batches[0].ballots")
        #expect(field { _ = try BatchResults(contest: c, batches: [BatchTally(batch: "s1", ballots: 110, votes: [60])]) } == "batches[0].votes")
        let results = try BatchResults(contest: c, batches: [BatchTally(batch: "s1", ballots: 60, votes: [40, 20]), BatchTally(batch: "s2", ballots: 50, votes: [20, 20])])
        #expect(field { _ = try Macro.risk(results, draws: ["s3"], audited: [:]) } == "draws[0]")
        #expect(field { _ = try Macro.risk(results, draws: ["s1"], audited: [:]) } == "audited[s1][c]")
        #expect(field { _ = try Macro.risk(results, draws: ["s1"], audited: ["s1": BatchTally(batch: "s1", ballots: 5, votes: [40, 20])]) } == "audited[s1][c].ballots")
    }

    /// 500 rounds of random contests, tallies and draws from a fixed seed: every call returns or throws
    /// `AuditError`, never traps.
    @Test func fuzzedInputsNeverCrash() {
        var random = SplitMix(seed: 0x5EED)
        // Half the rounds are hostile (one count in six out of bounds); the other half are
        // plausible, so the later calls are reached too.
        var hostile = false
        func count() -> Int {
            guard hostile, random.next() % 6 == 0 else { return Int(random.next() % 2000) }
            switch random.next() % 4 {
            case 0: return -Int(random.next() % 1000) - 1
            case 1: return Int.max - Int(random.next() % 3)
            case 2: return Int.min
            default: return 0
            }
        }
        func double() -> Double {
            hostile
                ? [0.1, 0, 1, -0.5, 2, .nan, .infinity, 0.9999, 1e-300, 0.05][Int(random.next() % 10)]
                : [0.1, 0.05, 0.25, 0.01, 0.5, 0.9][Int(random.next() % 6)]
        }
        var thrown = 0, returned = 0
        func attempt(_ body: () throws -> Void) {
            do {
                try body()
                returned += 1
            } catch is AuditError {
                thrown += 1
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
        for _ in 0..<500 {
            hostile = random.next() % 2 == 0
            let options = (0..<Int(hostile ? random.next() % 4 : 2 + random.next() % 3)).map { "o\($0)" }
            let votes = options.map { _ in count() }
            let cast = hostile ? count() : votes.reduce(0, +) + count()
            var built: (Contest, RiskLimit, SampleTally)?
            attempt {
                let rule = random.next() % 3 == 0
                    ? try QualifiedMajority(option: "o0", numerator: 1 + count() % 5, denominator: 6 + count() % 7, inclusive: random.next() % 2 == 0) : nil
                let contest = try Contest(name: "fuzz", options: options, votes: votes, ballotsCast: cast, qualifiedMajority: rule)
                let sampled = Dictionary(uniqueKeysWithValues: options.map { ($0, count() % 200) })
                let tally = try SampleTally(votes: sampled, ballots: hostile ? count() : sampled.values.reduce(0, +) + count() % 20)
                built = (contest, try RiskLimit(double()), tally)
            }
            guard let (contest, alpha, tally) = built else { continue }
            attempt { _ = try Bravo.risk(contest: contest, tally: tally) }
            attempt { _ = try Bravo.averageSampleNumber(contest: contest, riskLimit: alpha, tally: tally) }
            attempt { _ = try Bravo.roundSize(contest: contest, riskLimit: alpha, tally: tally, completion: double()) }
            attempt { _ = try AuditRounds.ballotPolling(contest: contest, riskLimit: alpha, tally: tally, roundsCompleted: count() % 5) }
            attempt {
                _ = try SuperSimple.sampleSize(contest: contest, riskLimit: alpha, discrepancies: Discrepancies(ballots: count(), oneVoteOver: count() % 3))
            }
            let read: [String?] = (0..<Int(random.next() % 50)).map { _ in
                random.next() % 5 == 0 ? nil : (random.next() % 7 == 0 ? "stray" : options.randomElement(using: &random))
            }
            attempt { _ = try Alpha.risk(contest: contest, votes: read) }
            attempt { _ = try AuditRounds.ballotPollingWithoutReplacement(contest: contest, riskLimit: alpha, votes: read, roundsCompleted: count() % 5) }
            let half = contest.votes.map { $0 / 2 }
            attempt {
                let results = try BatchResults(contest: contest, batches: [
                    BatchTally(batch: "a", ballots: contest.ballotsCast / 2, votes: half),
                    BatchTally(batch: "b", ballots: contest.ballotsCast - contest.ballotsCast / 2, votes: zip(contest.votes, half).map { $0 - $1 }),
                ])
                let audited = [
                    "a": BatchTally(batch: "a", ballots: contest.ballotsCast / 2, votes: half.map { max(0, $0 - count() % 3) }),
                    "b": results.batches[1],
                ]
                _ = try Macro.risk(results, draws: ["a", "b", "a"], audited: audited)
                let audit = try MacroAudit(contests: [results])
                _ = try audit.roundSize(riskLimit: alpha, risk: double())
                _ = try BatchSampler(seed: "fuzz", audit: audit).draw(count: count() % 100, alreadyDrawn: count())
            }
            attempt {
                let manifest = try BallotManifest(batches: [.init(name: "a", ballots: count() % 300), .init(name: "b", ballots: count() % 300)])
                _ = try BallotSampler(seed: "fuzz", manifest: manifest, withReplacement: random.next() % 2 == 0).draw(count: count() % 100, alreadyDrawn: count() % 300)
            }
        }
        #expect(thrown > 300 && returned > 1_000, "both paths taken: \(returned) returned, \(thrown) thrown")
    }
}

/// SplitMix64, for the fuzz test's reproducible inputs.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Decoding checks what the initializers check")
struct DecodingTests {
    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    @Test func decodedValuesAreChecked() throws {
        #expect(throws: AuditError.invalidInput(field: "batches[0].ballots", reason: "-1 is negative")) {
            try decode(BallotManifest.self, #"{"batches":[{"name":"s1","ballots":-1}]}"#)
        }
        #expect(throws: AuditError.self) { try decode(EscalationPolicy.self, #"{"completionProbability":2,"maximumRounds":3,"fullCountShare":0.5}"#) }
        #expect(throws: AuditError.self) { try decode(Alpha.Parameters.self, #"{"priorWeight":-5}"#) }
        #expect(throws: AuditError.self) { try decode(SampleTally.self, #"{"votes":{"Yes":-1},"ballots":3}"#) }
        #expect(throws: AuditError.self) { try decode(Discrepancies.self, #"{"ballots":1,"oneVoteOver":5,"twoVoteOver":0,"oneVoteUnder":0,"twoVoteUnder":0}"#) }
        let assertion = try Contest(name: "Q", votes: ["Yes": 600, "No": 400], ballotsCast: 1000).assertions()[0]
        #expect(try decode(Assertion.self, String(decoding: JSONEncoder().encode(assertion), as: UTF8.self)) == assertion)
        #expect(throws: AuditError.self) {
            try decode(Assertion.self, #"{"id":"x","favoured":["a"],"opposed":["b"],"favouredVotes":9223372036854775807,"opposedVotes":0,"nullNumerator":1,"nullDenominator":2,"ballotsCast":1}"#)
        }
        #expect(throws: AuditError.self) {
            try decode(Assertion.self, #"{"id":"x","favoured":["a"],"opposed":["b"],"favouredVotes":4,"opposedVotes":6,"nullNumerator":1,"nullDenominator":2,"ballotsCast":10}"#)
        }
        let policy = try EscalationPolicy(completionProbability: 0.8, maximumRounds: 2, fullCountShare: 0.3)
        #expect(try JSONDecoder().decode(EscalationPolicy.self, from: JSONEncoder().encode(policy)) == policy)
    }
}
