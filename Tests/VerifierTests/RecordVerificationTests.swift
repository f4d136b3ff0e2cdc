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
