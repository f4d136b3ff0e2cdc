import Foundation
import Referendum
import Storage
import Testing

/// A process casting in a loop is killed with SIGKILL; every ballot it was told had been stored is
/// in the database afterwards. (SIGKILL tests acknowledgement after commit; surviving a power cut
/// is what synchronous=FULL and PostgreSQL's synchronous_commit add, which a test here cannot cut.)
@Suite("Durability of acknowledged ballots")
struct StoreDurabilityTests {
    /// Lines read from a child's output.
    actor Lines {
        private(set) var lines = [String]()
        private var partial = ""
        func add(_ data: Data) {
            partial += String(decoding: data, as: UTF8.self)
            while let newline = partial.firstIndex(of: "\n") {
                lines.append(String(partial[..<newline]))
                partial = String(partial[partial.index(after: newline)...])
            }
        }
    }

    /// The storage-load tool, built beside the test bundle.
    static var loadTool: URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        // On macOS the tests run inside a bundle: .../debug/X.xctest/Contents/MacOS/X.
        while directory.pathComponents.count > 1, !FileManager.default.fileExists(atPath: directory.appendingPathComponent("storage-load").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("storage-load")
    }

    @Test("killed with SIGKILL while casting: every acknowledged ballot is stored and cast", arguments: StoreKind.durable)
    func killedWhileCasting(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let location = try #require(subject.location)
            try await Fixtures.prepare(subject.store)
            let child = Process()
            child.executableURL = Self.loadTool
            child.arguments = [location, "4", "0"]
            let output = Pipe()
            child.standardOutput = output
            try child.run()
            let lines = Lines()
            // A thread of its own: the read blocks, and must not hold one of the few cooperative threads.
            let finished = Lines()
            let reader = Thread {
                while true {
                    let data = output.fileHandleForReading.availableData
                    let semaphore = DispatchSemaphore(value: 0)
                    Task {
                        await (data.isEmpty ? finished.add(Data("eof\n".utf8)) : lines.add(data))
                        semaphore.signal()
                    }
                    semaphore.wait()
                    if data.isEmpty { return }
                }
            }
            reader.start()
            let deadline = ContinuousClock.now + .seconds(120)
            while await lines.lines.count < 80, child.isRunning, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            try #require(child.isRunning, "the casting process ended by itself")
            kill(child.processIdentifier, SIGKILL)
            while child.isRunning { try await Task.sleep(for: .milliseconds(10)) }
            #expect(child.terminationReason == .uncaughtSignal)
            while await finished.lines.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            let acknowledged = await lines.lines.map { $0.split(separator: " ") }.filter { $0.first == "committed" }
            #expect(acknowledged.count >= 80)

            // Read back through a store opened after the crash (a new pool or file handle).
            let check: @Sendable (any ReferendumStore) async throws -> Void = { store in
                for line in acknowledged {
                    let entry = try await store.entry(ballotId: String(line[1]))
                    #expect(entry?.status == .cast, "ballot \(line[1]) was acknowledged but is \(entry?.status.rawValue ?? "missing")")
                    #expect(entry?.confirmationCode.hex == String(line[2]))
                }
                let stored = try await store.entries(statuses: [.cast], after: nil, limit: 1_000_000)
                #expect(stored.count >= acknowledged.count)
            }
            if kind.isPostgres {
                try await subject.withSecondStore(check)
            } else {
                try await check(try SQLiteStore(path: location))
            }
        }
    }
}
