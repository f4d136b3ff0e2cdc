import ElectionGuard
import ElectionRecord
import Foundation
import Testing
@testable import Verifier

/// Whole records verify: egk's (our interoperability proof) and the ones our demo publishes.
@Suite("verifying whole records")
struct RecordVerificationTests {
    @Test("egk's allAvailableJson record passes every check that applies, with the counts of its shape")
    func egkRecord() async throws {
        let report = try await Records.verify(Records.egk)
        #expect(report.passed, "\(report.failures.map { "\($0.id.rawValue): \($0.firstFailure?.description ?? "")" })")
        #expect(report[.v2C]?.checked == 9)
        #expect(report[.v5D]?.checked == 1_100)
        #expect(report[.v5A]?.checked == 11 * (20 * 11 + 2))
        #expect(report[.v6D]?.checked == 220)
        #expect(report[.v7B]?.checked == 11)
        #expect(report[.v8A]?.checked == 100)
        #expect(report[.v9B]?.checked == 100)
        #expect(report[.v7D]?.status == .skipped, "egk's record does not chain")
        #expect(report[.r1]?.status == .skipped, "egk's record has no referendum files")
        #expect(report.statistics.ballots == 11)
    }

    @Test("egk's chained record passes 7.D-7.G: its chain file's baux0 is H(H_E; 0x24, B_aux,0), as egk writes it")
    func egkChainedRecord() async throws {
        let report = try await Records.verify(Records.egkChained)
        #expect(report.passed, "\(report.failures.map { "\($0.id.rawValue): \($0.firstFailure?.description ?? "")" })")
        for id in [CheckID.v7D, .v7E, .v7F, .v7G] { #expect(report[id]?.status == .passed, "\(id.rawValue)") }
        #expect(report[.v7E]?.checked == 11)
        // A baux0 that is neither H₀ nor B_aux,0 is refused.
        let copy = try Records.copy(Records.egkChained)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let chain = copy + "/encrypted_ballots/runWorkflowChainedJson/ballot_chain.json"
        let text = try String(contentsOfFile: chain, encoding: .utf8)
        try text.replacingOccurrences(of: "96918DDFF473BF62", with: "96918DDFF473BF63").write(toFile: chain, atomically: true, encoding: .utf8)
        let mutated = try await Records.verify(copy)
        #expect(mutated[.v7D]?.status == .failed)
    }

    @Test("a demo record passes every check, batched and one by one, on one or two workers")
    func demoRecord() async throws {
        let path = try await Records.smallDemo.value
        let batched = try await Records.verify(path)
        #expect(batched.passed, "\(batched.failures.map { "\($0.id.rawValue): \($0.firstFailure?.description ?? "")" })")
        let applicable = batched.checks.filter { $0.status == .passed }.map(\.id)
        for id in [CheckID.v7D, .v7E, .v7F, .v7G, .v12C, .r1, .r2, .r3, .r4, .r5] { #expect(applicable.contains(id), "\(id.rawValue)") }
        // Its small station counts are merged: no station total under 10 ballots, at least one remainder.
        let totals = try ReferendumRecord.read([RecordedTotal].self, .totals, in: URL(fileURLWithPath: path))
        #expect(totals.contains { $0.scope.hasPrefix("remainder/") })
        #expect(totals.filter { $0.scope.hasPrefix("station/") }.allSatisfy { $0.ballots >= 10 })
        // Its chain files hold H₀ as baux0, as egk writes them.
        let record = try ElectionRecordDirectory(root: path)
        let config = try record.config(), initialized = try record.initialized()
        let head = BallotChain(initialBaux: config.baux0, extendedBaseHash: initialized.extendedBaseHash).head
        for device in try record.devices() { #expect(try record.ballotChain(device: device)?.baux0 == head.bytes, "\(device)") }
        let oneByOne = try await Records.verify(path, batch: false, jobs: 1)
        #expect(oneByOne.passed)
        #expect(oneByOne.checks.map(\.checked) == batched.checks.map(\.checked), "both paths check the same items")
    }

    @Test("the JSON report carries every check with its id and status")
    func jsonReport() async throws {
        let report = try await Records.verify(try await Records.smallDemo.value)
        let object = try JSONSerialization.jsonObject(with: Data(try report.jsonString().utf8)) as! [String: Any]
        let checks = object["checks"] as! [[String: Any]]
        #expect(checks.count == CheckID.allCases.count)
        #expect(checks.first?["id"] as? String == "1.A")
        #expect(checks.allSatisfy { ["passed", "skipped"].contains($0["status"] as? String) })
        #expect(report.text.contains("PASSED"))
    }
}
