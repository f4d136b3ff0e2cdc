import TestSupport
import ElectionGuard
import Foundation
import HummingbirdTesting
import Referendum
@testable import Server
import Storage
import Testing

/// Real `plebiscite serve` processes: killed with SIGKILL while station devices cast, every ballot
/// it acknowledged is in the database after a restart; stopped with SIGTERM, it shuts down
/// gracefully; two servers on one PostgreSQL casting at once lose no ballot and count none twice.
@Suite("Server processes: durability, graceful shutdown, two servers on one database", .serialized)
struct ServerProcessTests {
    @Test("SIGKILL while casting: every acknowledged code is stored and cast after a restart", arguments: DatabaseKind.enabled)
    func killedWhileCasting(kind: DatabaseKind) async throws {
        try await kind.withDatabase { database in
            let (credentials, token) = try await OpenReferendum.prepare(database, voters: 2_000)
            let server = try await ServerProcess(database: database)
            let devices = 4
            let casting = Task {
                await withTaskGroup(of: [String].self) { group in
                    for index in 0..<devices {
                        let mine = stride(from: index, to: credentials.count, by: devices).map { credentials[$0] }
                        group.addTask { await CastingDevice(port: server.port, token: token, device: "A-1-B\(index + 1)").cast(mine).acknowledged }
                    }
                    return await group.reduce(into: [String]()) { $0 += $1 }
                }
            }
            // Let the load run until some ballots are stored, then kill the server in the middle of it.
            let deadline = ContinuousClock.now + .seconds(120)
            while ContinuousClock.now < deadline {
                let cast = try await DatabaseKind.withStore(database) { try await $0.summaries().filter { $0.status == .cast }.count }
                if cast >= 60 { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            try await server.stop(SIGKILL)
            #expect(server.process.terminationReason == .uncaughtSignal)
            let acknowledged = await casting.value
            // Some of the 60 stored may not have reached their device before the kill.
            #expect(acknowledged.count >= 30)
            #expect(acknowledged.count < credentials.count, "the kill came before the end of the load")

            // A new server on the same database: the tracker finds every acknowledged code.
            let restarted = try await ServerProcess(database: database)
            try await DatabaseKind.withStore(database) { store in
                for code in acknowledged {
                    let entry = try await store.entry(confirmationCode: try UInt256(hex: code))
                    #expect(entry?.status == .cast, "code \(code.prefix(12)) was acknowledged but is \(entry?.status.rawValue ?? "missing")")
                }
            }
            let tracked = await CastingDevice(port: restarted.port, token: token, device: "A-1-B9").track(Array(acknowledged.prefix(20)))
            #expect(tracked == Array(repeating: "received", count: min(20, acknowledged.count)))
            // SIGTERM: a graceful shutdown, exit status 0.
            try await restarted.stop(SIGTERM)
            #expect(restarted.process.terminationReason == .exit && restarted.process.terminationStatus == 0)
        }
    }

    @Test("two servers on one PostgreSQL casting at once: no ballot lost, none counted twice",
          .enabled(if: TestPostgres.required))
    func twoServersOnePostgres() async throws {
        try await DatabaseKind.postgres.withDatabase { database in
            let voters = 120
            let (credentials, token) = try await OpenReferendum.prepare(database, voters: voters)
            let first = try await ServerProcess(database: database)
            let second = try await ServerProcess(database: database)
            // Each server has three devices of its own; every voter votes once on each server (a
            // revote), and device A-1-B9 is used through both servers at once.
            var plans = [(port: Int, device: String, credentials: [String])]()
            for (index, server) in [first, second].enumerated() {
                for device in 0..<3 {
                    let mine = stride(from: device, to: credentials.count - 20, by: 3).map { credentials[$0] }
                    plans.append((server.port, "A-1-B\(index * 3 + device + 1)", index == 0 ? mine : mine.reversed()))
                }
                plans.append((server.port, "A-1-B9", Array(credentials.suffix(20))))
            }
            let results = await withTaskGroup(of: (acknowledged: [String], refused: [Int]).self) { group in
                for plan in plans {
                    group.addTask { await CastingDevice(port: plan.port, token: token, device: plan.device).cast(plan.credentials) }
                }
                return await group.reduce(into: [(acknowledged: [String], refused: [Int])]()) { $0.append($1) }
            }
            let acknowledged = results.flatMap(\.acknowledged)
            // Only the shared device may see refusals: its chain moved under it (409).
            #expect(results.flatMap(\.refused).allSatisfy { $0 == 409 }, "\(results.flatMap(\.refused))")
            #expect(acknowledged.count >= 2 * (voters - 20))
            #expect(Set(acknowledged).count == acknowledged.count)
            try await first.stop(SIGTERM)
            try await second.stop(SIGTERM)

            try await DatabaseKind.withStore(database) { store in
                let cast = try await store.entries(statuses: [.cast], after: nil, limit: 100_000)
                #expect(Set(cast.map { $0.confirmationCode.hex }) == Set(acknowledged), "every acknowledged ballot stored, and no other cast")
                let engine = ReferendumEngine(store: store)
                try await store.transition(from: .open, to: .closed, at: Date()) { _ in }
                let count = try await engine.count()
                let votersWhoCast = Set(cast.map(\.pseudonym))
                #expect(count.resolution.counted.count == votersWhoCast.count, "one counted ballot per voter")
                #expect(count.resolution.counted.count + count.resolution.supersededBy.count == cast.count)
                let alpha = count.totals.filter { $0.scope == .region("alpha") }
                #expect(alpha.map(\.ballots).max() == votersWhoCast.count)
            }
        }
    }
}

extension CastingDevice {
    /// The tracker's status for each code.
    func track(_ codes: [String]) async -> [String] {
        (try? await TestClientTracker.statuses(port: port, codes: codes)) ?? []
    }
}

enum TestClientTracker {
    static func statuses(port: Int, codes: [String]) async throws -> [String] {
        try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            var statuses = [String]()
            for code in codes {
                let response = try await client.get("/api/v1/tracker/\(code)")
                let object = response.body.flatMap { try? JSONSerialization.jsonObject(with: Data($0.readableBytesView)) as? [String: Any] }
                statuses.append(object?["status"] as? String ?? "?")
            }
            return statuses
        }
    }
}

/// The step-by-step commands on either database: each opens the store, does its step and exits (on
/// PostgreSQL they used to wait for a connection pool that nothing ran).
@Suite("Commands on SQLite and PostgreSQL")
struct CommandProcessTests {
    /// Runs `plebiscite ARGUMENTS`, killing it after 60 s; its exit status and standard output.
    static func plebiscite(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = ServerProcess.tool
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test("init, announce, register import and status finish and see each other's work", arguments: DatabaseKind.enabled)
    func steps(kind: DatabaseKind) async throws {
        try await kind.withDatabase { database in
            let directory = (temporaryPath("steps") as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let definition = "\(directory)/referendum.yaml", register = "\(directory)/register.csv"
            try SmallReferendum.yaml.write(toFile: definition, atomically: true, encoding: .utf8)
            try SmallReferendum.register.write(toFile: register, atomically: true, encoding: .utf8)
            for step in [["init", definition], ["announce"], ["register", "import", register, "--cards", "\(directory)/cards.csv"]] {
                let run = try await Self.plebiscite(step + ["--database", database])
                #expect(run.status == 0, "\(step.joined(separator: " ")) on \(kind): \(run.output)")
            }
            let status = try await Self.plebiscite(["status", "--database", database])
            #expect(status.status == 0)
            #expect(status.output.contains("small): announced"), "\(status.output)")
        }
    }
}
