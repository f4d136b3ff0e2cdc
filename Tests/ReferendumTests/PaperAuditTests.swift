import Demo
import ElectionRecord
import Forensics
import Foundation
import Testing
import TestSupport
import Verifier
@testable import Referendum

@Suite("Risk-limiting audits of each region against the paper")
struct PaperAuditTests {
    static func definition(_ name: String) throws -> ReferendumDefinition {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/\(name)")
        return try ReferendumDefinition.load(contentsOf: url)
    }

    /// Publishes the certified demo's record and verifies it.
    static func publishAndVerify(_ store: InMemoryStore) async throws -> (path: String, report: VerificationReport) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plebiscite-rla-\(UUID().uuidString)").path
        try await RecordPublisher.publish(ReferendumEngine(store: store, clock: ManualClock(Date())), to: path)
        return (path, try await Verifier.verify(recordAt: path))
    }

    /// Rewrites `referendum/audit.json` with `change` and verifies again.
    static func verifyAltered(_ path: String, _ change: (inout RecordedAudit) -> Void) async throws -> VerificationReport {
        let root = URL(fileURLWithPath: path)
        var audit = try ReferendumRecord.read(RecordedAudit.self, .audit, in: root)
        change(&audit)
        try ReferendumRecord.encoder().encode(audit).write(to: root.appendingPathComponent("referendum/audit.json"))
        return try await Verifier.verify(recordAt: path)
    }

    /// A region of 40 stations: one large one (2,000 ballots) and 39 of 100; 62% Yes everywhere.
    static func region(lyingLargeStation: Bool) -> (contest: RecordedAudit.Contest, paper: [String: RecordedAudit.Batch]) {
        var reported = [RecordedAudit.Batch](), paper = [String: RecordedAudit.Batch]()
        for index in 0..<40 {
            let name = String(format: "station/S-%02d/alpha", index)
            let ballots = index == 0 ? 2_000 : 100
            let yes = ballots * 62 / 100
            let truth = RecordedAudit.Batch(batch: name, ballots: ballots, votes: ["yes": yes, "no": ballots - yes])
            paper[name] = truth
            // The large station's devices record Yes for every voter.
            reported.append(index == 0 && lyingLargeStation ? .init(batch: name, ballots: ballots, votes: ["yes": ballots, "no": 0]) : truth)
        }
        let votes = ["yes": reported.reduce(0) { $0 + $1.votes["yes"]! }, "no": reported.reduce(0) { $0 + $1.votes["no"]! }]
        let contest = RecordedAudit.Contest(region: "alpha", options: ["yes", "no"],
                                            reported: .init(batch: "region/alpha", ballots: 5_900, votes: votes), batches: reported,
                                            rounds: [], status: .sampling)
        return (contest, paper)
    }

    /// Runs a batch-comparison audit of `contest`, the board counting `paper`, to its end.
    static func run(_ contest: RecordedAudit.Contest, paper: [String: RecordedAudit.Batch], seed: String) throws -> RecordedAudit.Contest {
        var contest = contest
        try ReferendumEngine.advance(&contest, seed: seed, method: .batchComparison, riskLimit: 0.05)
        while contest.status == .sampling {
            let index = contest.rounds.count - 1
            let counted = Set(contest.rounds.dropLast().flatMap { ($0.counted ?? []).map(\.batch) })
            contest.rounds[index].counted = Set(contest.rounds[index].sample.map(\.batch)).subtracting(counted).sorted().map { paper[$0]! }
            try ReferendumEngine.advance(&contest, seed: seed, method: .batchComparison, riskLimit: 0.05)
        }
        return contest
    }

    @Test("batch comparison over 40 stations: honest paper confirms in the first round; a large station whose devices lie is drawn and the audit escalates to a hand count")
    func batchComparison() throws {
        let seed = "38461029573810294756"
        let honest = try Self.run(Self.region(lyingLargeStation: false).contest, paper: Self.region(lyingLargeStation: false).paper, seed: seed)
        #expect(honest.status == .confirmed && honest.rounds.count == 1, "\(honest.rounds.map(\.decision))")
        #expect(honest.rounds[0].risk! <= 0.05 && honest.rounds[0].size < 40)

        let (contest, paper) = Self.region(lyingLargeStation: true)
        let lying = try Self.run(contest, paper: paper, seed: seed)
        #expect(lying.rounds[0].sample.contains { $0.batch == "station/S-00/alpha" }, "the large station is drawn")
        #expect(lying.rounds[0].risk! > 0.05, "its paper raises the risk above the limit")
        #expect(lying.status == .fullHandCount || lying.rounds.count > 1, "\(lying.rounds.map(\.decision))")
    }

    @Test("ballot polling of a 90% region confirms in the first round and redraws the same sample from the seed")
    func ballotPolling() throws {
        let batches = (0..<10).map { RecordedAudit.Batch(batch: "station/S-\($0)/alpha", ballots: 200, votes: [:]) }
        var contest = RecordedAudit.Contest(region: "alpha", options: ["yes", "no"],
                                            reported: .init(batch: "region/alpha", ballots: 2_000, votes: ["yes": 1_800, "no": 200]),
                                            batches: batches, rounds: [], status: .sampling)
        try ReferendumEngine.advance(&contest, seed: "1234", method: .ballotPolling, riskLimit: 0.05)
        let round = try #require(contest.rounds.first)
        #expect(Set(round.sample.map(\.ticket)).count == round.size, "without replacement")
        var again = RecordedAudit.Contest(region: "alpha", options: ["yes", "no"], reported: contest.reported, batches: batches, rounds: [], status: .sampling)
        try ReferendumEngine.advance(&again, seed: "1234", method: .ballotPolling, riskLimit: 0.05)
        #expect(again.rounds == contest.rounds, "the seed alone decides the sample")
        // Nine in ten sheets read Yes.
        contest.rounds[0].read = Dictionary(uniqueKeysWithValues: round.sample.enumerated().map { ($1.ticket, $0 % 10 == 9 ? "no" : "yes") })
        try ReferendumEngine.advance(&contest, seed: "1234", method: .ballotPolling, riskLimit: 0.05)
        #expect(contest.status == .confirmed, "\(contest.rounds.map(\.decision))")
    }

    @Test("the demo with paper: protocols from the slips, an audit run to its end, and a record whose R.6 and R.7 verify; a changed seed or hand count fails R.7")
    func demoRecord() async throws {
        let scenario = DemoScenario(definition: try Self.definition("four-regions.yaml"), voters: 200, seed: 31)
        let store = InMemoryStore()
        let outcome = try await DemoRunner(scenario: scenario, decryptingGuardians: [1, 2, 3], seed: 4,
                                           paper: DemoPaper(lyingStation: "LUH-01", lieFor: "no")).run(store: store)
        #expect(outcome.matchesExpected, "the devices recorded what they were made to")
        let audit = try #require(outcome.audit)
        #expect(audit.contests.allSatisfy { $0.status == .confirmed || $0.status == .handCounted })
        let luhansk = try #require(audit.contests.first { $0.region == "luhansk" })
        #expect(luhansk.status == .handCounted && luhansk.handCountWinner == "yes", "the paper decides: \(luhansk.handCountWinner ?? "-")")
        #expect(outcome.paper?.cells.contains { $0.unexplained && $0.region == "luhansk" } == true)
        #expect(outcome.setup.state == .certified)

        let (path, report) = try await Self.publishAndVerify(store)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(report.passed, "\(report.failures)")
        #expect(report.checks.first { $0.id == .r6 }?.status == .passed && report.checks.first { $0.id == .r7 }?.status == .passed)
        // `plebiscite audit` reads our own protocols through the shipped profile.
        let profile = try ColumnProfile.load(path: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/profiles/plebiscite-protocols.yaml").path)
        let protocols = try StationResults.read(path: "\(path)/referendum/protocols.csv", profile: profile, skipBadRows: true)
        let published = try ReferendumRecord.read(RecordedPaper.self, .protocols, in: URL(fileURLWithPath: path))
        let regional = published.protocols.filter { outcome.setup.definition.station($0.station)?.kind == .regional }
        #expect(protocols.stations.count == regional.count && protocols.badRows.count == published.protocols.count - regional.count,
                "\(protocols.stations.count) rows read, \(protocols.badRows.count) skipped")

        let reseeded = try await Self.verifyAltered(path) {
            $0 = RecordedAudit(seed: $0.seed + "1", riskLimit: $0.riskLimit, method: $0.method, startedAt: $0.startedAt, contests: $0.contests)
        }
        #expect(reseeded.failures.map(\.id) == [.r7] || !audit.contests.contains { !$0.rounds.isEmpty }, "\(reseeded.failures)")
        let recounted = try await Self.verifyAltered(path) { audit in
            audit = RecordedAudit(seed: "38461029573810294756", riskLimit: audit.riskLimit, method: audit.method, startedAt: audit.startedAt,
                                  contests: audit.contests)
            let index = audit.contests.firstIndex { $0.region == "luhansk" }!
            audit.contests[index].handCountWinner = "no"
        }
        #expect(recounted.failures.map(\.id) == [.r7], "\(recounted.failures)")
    }

    @Test("the audit is refused before decryption, with a bad seed or limit, twice; a round with the wrong batches changes nothing; certify waits for it")
    func refusals() async throws {
        let running = try await SmallReferendum.open(seed: 40)
        await #expect(throws: ReferendumError.self) { try await running.engine.startAudit(seed: "123", riskLimit: 0.05, method: .batchComparison) }
        for voter in ["a1", "a2"] { try await PaperProtocolTests.cast(running, voter, "yes", at: "A-1") }
        try await PaperProtocolTests.cast(running, "b1", "no", at: "B-1")
        running.clock.set(SmallReferendum.afterVoting)
        try await running.engine.close()
        _ = try await running.engine.count()
        var generator = SeededGenerator(seed: 1)
        _ = try await running.engine.decrypt(with: Array(running.secrets.prefix(2)), using: &generator)
        for (seed, limit) in [("", 0.05), ("12 34", 0.05), (String(repeating: "1", count: 101), 0.05), ("123", 0.0), ("123", 1.0)] {
            await #expect(throws: ReferendumError.self) { try await running.engine.startAudit(seed: seed, riskLimit: limit, method: .batchComparison) }
        }
        await #expect(throws: ReferendumError.self, "ballot polling needs protocols") {
            try await running.engine.startAudit(seed: "123", riskLimit: 0.05, method: .ballotPolling)
        }
        let audit = try await running.engine.startAudit(seed: "123", riskLimit: 0.05, method: .batchComparison)
        await #expect(throws: ReferendumError.self) { try await running.engine.startAudit(seed: "123", riskLimit: 0.05, method: .batchComparison) }
        let before = try await running.engine.setup()
        if let sampling = audit.contests.first(where: { $0.status == .sampling }) {
            await #expect(throws: ReferendumError.self) {
                try await running.engine.enterAuditRound(region: sampling.region, .batches([.init(batch: "station/NOPE/alpha", ballots: 1, votes: ["yes": 1, "no": 0])]))
            }
        }
        await #expect(throws: ReferendumError.self) { try await running.engine.enterAuditRound(region: "gamma", .batches([])) }
        #expect(try await running.engine.setup() == before, "refused entries change nothing")
        await #expect { try await running.engine.certify(by: ["C"], statement: "s") } throws: { "\($0)".contains("audit of this region is not finished") }
        // Two-ballot regions cannot be sampled to a 5% risk: the audit calls for a hand count, which settles it.
        for contest in try await running.engine.setup().paper!.audit!.contests where contest.status == .fullHandCount {
            let counts = contest.batches.map { RecordedAudit.Batch(batch: $0.batch, ballots: $0.ballots, votes: $0.votes) }
            let counted = try await running.engine.enterHandCount(region: contest.region, counts)
            #expect(counted.status == .handCounted && counted.handCountWinner != nil)
        }
    }
}
