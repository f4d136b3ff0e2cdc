import Demo
import ElectionRecord
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

    @Test("honest devices: the ballot-polling audit confirms every region within its rounds; the record verifies; a changed seed or count fails R.7")
    func honestBallotPolling() async throws {
        let scenario = DemoScenario(definition: try Self.definition("four-regions.yaml"), voters: 400, seed: 31)
        let store = InMemoryStore()
        let outcome = try await DemoRunner(scenario: scenario, decryptingGuardians: [1, 2, 3], seed: 4,
                                           paper: DemoPaper(method: .ballotPolling)).run(store: store)
        let audit = try #require(outcome.audit)
        for contest in audit.contests {
            #expect(contest.status == .confirmed, "\(contest.region): \(contest.status) after \(contest.rounds.count) rounds")
            #expect(contest.rounds.count <= 3 && contest.rounds.last?.risk.map { $0 <= 0.05 } == true)
        }
        #expect(outcome.paper?.cells.allSatisfy { !$0.unexplained } == true, "honest devices leave only differences the revotes explain")
        #expect(outcome.setup.state == .certified)

        let (path, report) = try await Self.publishAndVerify(store)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(report.passed, "\(report.failures)")
        #expect(report.checks.first { $0.id == .r7 }?.status == .passed)

        let reseeded = try await Self.verifyAltered(path) { $0 = RecordedAudit(seed: $0.seed + "1", riskLimit: $0.riskLimit, method: $0.method,
                                                                                startedAt: $0.startedAt, contests: $0.contests) }
        #expect(reseeded.failures.map(\.id) == [.r7], "\(reseeded.failures)")
        let reread = try await Self.verifyAltered(path) { audit in
            audit = RecordedAudit(seed: "38461029573810294756", riskLimit: audit.riskLimit, method: audit.method, startedAt: audit.startedAt,
                                  contests: audit.contests)
            var read = audit.contests[0].rounds[0].read!
            let ticket = read.keys.sorted()[0]
            read[ticket] = read[ticket] == "yes" ? "no" : "yes"
            audit.contests[0].rounds[0].read = read
        }
        let r7 = try #require(reread.failures.first { $0.id == .r7 })
        #expect(r7.failures.contains { $0.field.contains("risk") }, "\(r7.failures)")
    }

    @Test("a station whose devices lie: its protocol differs beyond the revotes, and the batch-comparison audit escalates when it draws it")
    func lyingStation() async throws {
        let scenario = DemoScenario(definition: try Self.definition("paper-regions.yaml"), voters: 1_500, seed: 5)
        let store = InMemoryStore()
        let outcome = try await DemoRunner(scenario: scenario, decryptingGuardians: [1, 2, 3], seed: 6,
                                           paper: DemoPaper(lyingStation: "EXT-KYIV")).run(store: store)
        #expect(outcome.matchesExpected, "the devices recorded what they were made to")
        let paper = try #require(outcome.paper)
        let lying = paper.cells.filter(\.unexplained).map(\.scope)
        #expect(!lying.isEmpty && lying.allSatisfy { $0.contains("EXT-KYIV") || $0.hasPrefix("remainder/") }, "\(lying)")
        let audit = try #require(outcome.audit)
        let drew = audit.contests.filter { contest in contest.rounds.contains { $0.sample.contains { $0.batch.contains("EXT-KYIV") } } }
        #expect(!drew.isEmpty, "the seed draws the lying station somewhere")
        for contest in drew {
            #expect(contest.rounds.count > 1 || contest.status == .handCounted, "\(contest.region) escalated: \(contest.rounds.map(\.decision))")
        }
        let (path, report) = try await Self.publishAndVerify(store)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(report.passed, "\(report.failures)")
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
