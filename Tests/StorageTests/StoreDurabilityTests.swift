import Foundation
import Referendum
import Storage
import Testing

/// Casting processes (the storage-load tool) against a store on disk: killed with SIGKILL, every
/// ballot it was told had been stored is in the database afterwards; two at once, every ballot is
/// there once. (SIGKILL tests acknowledgement after commit; surviving a power cut is what
/// synchronous=FULL and PostgreSQL's synchronous_commit add, which a test here cannot cut.)
@Suite("Casting processes: durability and two at once")
struct StoreDurabilityTests {
    @Test("killed with SIGKILL while casting: every acknowledged ballot is stored and cast", arguments: StoreKind.durable)
    func killedWhileCasting(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let location = try #require(subject.location)
            try await Fixtures.prepare(subject.store)
            let load = try LoadProcess(location, devices: 4, ballotsPerDevice: 0)
            let deadline = ContinuousClock.now + .seconds(120)
            while await load.output.lines.count < 80, load.process.isRunning, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            try #require(load.process.isRunning, "the casting process ended by itself")
            kill(load.process.processIdentifier, SIGKILL)
            let acknowledged = try await load.finish()
            #expect(load.process.terminationReason == .uncaughtSignal)
            #expect(acknowledged.count >= 80)

            // Read back through a store opened after the crash (a new pool, or the file opened anew).
            try await subject.withStoreOpenedAgain { store in
                for (ballotId, code) in acknowledged {
                    let entry = try await store.entry(ballotId: ballotId)
                    #expect(entry?.status == .cast, "ballot \(ballotId) was acknowledged but is \(entry?.status.rawValue ?? "missing")")
                    #expect(entry?.confirmationCode.hex == code)
                }
                #expect(try await store.entries(statuses: [.cast], after: nil, limit: 1_000_000).count >= acknowledged.count)
            }
        }
    }

    @Test("two processes casting at once on one database: every ballot stored once", arguments: StoreKind.durable)
    func twoProcesses(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let location = try #require(subject.location)
            try await Fixtures.prepare(subject.store)
            let first = try LoadProcess(location, devices: 3, ballotsPerDevice: 20)
            let second = try LoadProcess(location, devices: 3, ballotsPerDevice: 20)
            let acknowledged = try await first.finish() + second.finish()
            #expect(first.process.terminationStatus == 0 && second.process.terminationStatus == 0)
            #expect(acknowledged.count == 120)
            let stored = try await subject.store.entries(statuses: Set(BallotStatus.allCases), after: nil, limit: 10_000)
            #expect(stored.count == 120)
            #expect(Set(stored.map(\.ballotId)) == Set(acknowledged.map(\.ballotId)))
            #expect(stored.allSatisfy { $0.status == .cast })
        }
    }
}

/// A storage-load process and the lines it printed.
final class LoadProcess {
    let process: Process
    let output = Lines()
    private let finished = Lines()

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
    static var tool: URL {
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.pathComponents.count > 1,
              !FileManager.default.fileExists(atPath: directory.appendingPathComponent("storage-load").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("storage-load")
    }

    deinit {
        // A test that failed half-way must not leave a process casting forever.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Starts casting on `devices` devices, `ballotsPerDevice` each (0: until killed).
    init(_ location: String, devices: Int, ballotsPerDevice: Int) throws {
        process = Process()
        process.executableURL = Self.tool
        process.arguments = [location, String(devices), String(ballotsPerDevice)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        // A thread of its own: the read blocks, and must not hold one of the few cooperative threads.
        let (output, finished) = (output, finished)
        Thread {
            while true {
                let data = pipe.fileHandleForReading.availableData
                let added = DispatchSemaphore(value: 0)
                Task {
                    await (data.isEmpty ? finished.add(Data("eof\n".utf8)) : output.add(data))
                    added.signal()
                }
                added.wait()
                if data.isEmpty { return }
            }
        }.start()
    }

    /// Waits for the process to end and its output to be read; returns the ballots it acknowledged.
    func finish() async throws -> [(ballotId: String, code: String)] {
        while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        while await finished.lines.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        var acknowledged = [(ballotId: String, code: String)]()
        for line in await output.lines {
            let fields = line.split(separator: " ").map(String.init)
            if fields.count == 3, fields[0] == "committed" { acknowledged.append((fields[1], fields[2])) }
        }
        return acknowledged
    }
}
