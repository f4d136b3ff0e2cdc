import ArgumentParser
import ElectionRecord
import Demo
import ElectionGuard
import Foundation
import Referendum
import Verifier

/// Times the verifier on a record of yes/no ballots that the demo publishes: one by one and batched,
/// on one core and on all, and prints JSON (milliseconds per ballot, wall clock and processor) with a
/// projection to a 1,000,000-ballot record. See Benchmarks/README.md.
@main
struct VerifyWorkload: AsyncParsableCommand {
    @Option(help: "Voters of the four-region demo (about 0.7 ballots each).")
    var voters = 900

    @Option(help: "Verify this record instead of publishing one.")
    var record: String?

    @Option(help: "Keep the published record at this path.")
    var keep: String?

    @Option(help: "Workers for the all-cores runs (default: every core).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Also time reading and decoding the ballot files alone.")
    var decoding = false

    @Flag(help: "Only the batched run on all workers, without a warm-up (for a big record: its whole time).")
    var wholeRecord = false

    func run() async throws {
        let path: String
        if let record { path = record } else { path = try await publish() }
        if decoding { try timeDecoding(path) }
        if !wholeRecord {
            FileHandle.standardError.write(Data("verify-workload: warming up on \(path)\n".utf8))
            _ = try await Verifier.verify(recordAt: path, options: VerificationOptions(jobs: jobs))
        }
        var runs = [[String: Any]]()
        var ballots = 0
        let plan = wholeRecord ? [(true, jobs)] : [(false, 1), (true, 1), (false, jobs), (true, jobs)]
        for (batch, workers) in plan {
            FileHandle.standardError.write(Data("verify-workload: \(batch ? "batched" : "one by one"), \(workers) job(s)\n".utf8))
            let report = try await Verifier.verify(recordAt: path, options: VerificationOptions(jobs: workers, batch: batch))
            guard report.passed else { throw ValidationError("the record does not verify: \(report.failures.map(\.id.rawValue))") }
            ballots = report.statistics.ballots
            let stats = report.statistics
            runs.append([
                "mode": batch ? "batched" : "one_by_one", "jobs": workers,
                "wall_ms_per_ballot": round(1000 * stats.ballotSeconds / Double(ballots)),
                "cpu_ms_per_ballot": round(1000 * stats.ballotCPUSeconds / Double(ballots)),
                "whole_record_seconds": round(stats.seconds),
                "ballot_pass_cpu_seconds": round(stats.ballotCPUSeconds),
            ])
        }
        let batchedAll = runs[runs.count - 1]["wall_ms_per_ballot"] as! Double
        let batchedCPU = runs[wholeRecord ? 0 : 1]["cpu_ms_per_ballot"] as! Double
        let output: [String: Any] = [
            "ballots": ballots, "cores": ProcessInfo.processInfo.activeProcessorCount, "runs": runs,
            "arithmetic": GroupParameters.arithmetic,
            "projection_1m_ballots_minutes_all_cores_wall": round(batchedAll * 1_000_000 / 60_000),
            "projection_1m_ballots_minutes_cpu_spread_over_cores": round(batchedCPU * 1_000_000 / 60_000 / Double(jobs)),
        ]
        print(String(decoding: try JSONSerialization.data(withJSONObject: output, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
        if record == nil, keep == nil { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Publishes the four-region demo for `voters` voters.
    func publish() async throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let definition = try ReferendumDefinition.load(contentsOf: root.appendingPathComponent("Examples/four-regions.yaml"))
        FileHandle.standardError.write(Data("verify-workload: publishing a demo record of \(voters) voters\n".utf8))
        let store = InMemoryStore()
        _ = try await DemoRunner(scenario: DemoScenario(definition: definition, voters: voters, seed: 2026), decryptingGuardians: [1, 3, 5],
                                 seed: 7).run(store: store)
        let path = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("verify-workload-\(UUID().uuidString)").path
        try await RecordPublisher.publish(ReferendumEngine(store: store, clock: ManualClock(Date())), to: path, replacing: true)
        return path
    }

    /// Milliseconds per ballot file to read it, parse its JSON, and convert it (subgroup checks deferred).
    func timeDecoding(_ path: String) throws {
        let record = try ElectionRecordDirectory(root: path)
        let files = try record.allBallotFiles().flatMap { Array($0) }
        let start = Date()
        var parsed = 0.0
        for file in files {
            let bytes = try record.bytes(file.path)
            let json = try RecordJSON.decode(EncryptedBallotJSON.self, from: bytes, file: file.path)
            let mid = Date()
            _ = try json.recordedBallot(at: RecordField(file: file.path, subgroupCheck: .deferred(DeferredSubgroupChecks())))
            parsed += Date().timeIntervalSince(mid)
        }
        let total = Date().timeIntervalSince(start)
        FileHandle.standardError.write(Data("verify-workload: per ballot file: read+parse \((total - parsed) * 1000 / Double(files.count)) ms, convert \(parsed * 1000 / Double(files.count)) ms\n".utf8))
    }

    private func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
