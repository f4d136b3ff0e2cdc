import TestSupport
import ElectionRecord
import Demo
import Foundation
import Referendum
import Verifier

/// The records the tests verify: egk's (read in place from ElectionRecordTests' fixtures) and records
/// our demo publishes (made once per test process, in a temporary directory).
enum Records {
    /// The repository's root, from this file's path.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// egk's `allAvailableJson` record (commit 194b9c78): 3 guardians, 20 contests of 5 selections, 11 cast ballots.
    static let egk = repository.appendingPathComponent("Tests/ElectionRecordTests/Fixtures/allAvailableJson").path

    /// egk's `chainedJson` record (same commit, without private_data): one device chaining 11 ballots'
    /// codes, its `ballot_chain.json` holding H₀ as `baux0`, three challenged ballots.
    static let egkChained = repository.appendingPathComponent("Tests/ElectionRecordTests/Fixtures/chainedJson").path

    /// A demo record of the four-region referendum with 40 voters (about 32 ballots on 21 devices,
    /// chained codes, a challenged ballot, revotes), published once.
    static let smallDemo = Task { try await publish(voters: 40, seed: 11) }

    /// Publishes the four-region demo for `voters` voters to a new temporary directory.
    static func publish(voters: Int, seed: UInt64) async throws -> String {
        let definition = try ReferendumDefinition.load(contentsOf: repository.appendingPathComponent("Examples/four-regions.yaml"))
        let scenario = DemoScenario(definition: definition, voters: voters, seed: seed)
        let store = InMemoryStore()
        _ = try await DemoRunner(scenario: scenario, decryptingGuardians: [2, 4, 5], seed: seed &+ 1).run(store: store)
        let engine = ReferendumEngine(store: store, clock: ManualClock(Date()))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("verifier-tests-\(UUID().uuidString)").path
        try await RecordPublisher.publish(engine, to: path)
        return path
    }

    /// A copy of the record at `path` in a new temporary directory (without egk's private data).
    static func copy(_ path: String) throws -> String {
        let destination = FileManager.default.temporaryDirectory.appendingPathComponent("verifier-copy-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: path, toPath: destination)
        try? FileManager.default.removeItem(atPath: destination + "/private_data")
        return destination
    }

    /// The verification of the record at `path`, deterministic batches.
    static func verify(_ path: String, batch: Bool = true, jobs: Int = 2, cache: VerificationCache? = nil) async throws -> VerificationReport {
        let random = Locked(SeededGenerator(seed: 99))
        return try await Verifier.verify(recordAt: path, options: VerificationOptions(
            jobs: jobs, batch: batch, cache: cache, randomExponent: { random.withLock { $0.next() } }))
    }
}

/// A value behind a lock, for test closures that must be `Sendable`.
final class Locked<Value>: @unchecked Sendable {
    // @unchecked: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&value) } }
}
