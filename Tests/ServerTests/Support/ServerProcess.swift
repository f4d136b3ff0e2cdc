import Foundation
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import Referendum
@testable import Server

/// A `plebiscite serve` process on a database, and what it printed.
final class ServerProcess: Sendable {
    let process: Process
    let port: Int
    private let output: NIOLockedValueBox<String>

    /// The plebiscite executable, built beside the test bundle.
    static var tool: URL {
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.pathComponents.count > 1,
              !FileManager.default.fileExists(atPath: directory.appendingPathComponent("plebiscite").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("plebiscite")
    }

    /// Starts a server on `database` at a free port and waits until it listens.
    convenience init(database: String) async throws {
        try await self.init(["serve", "--database", database, "--port", "0", "--record", temporaryPath("record"), "--log-level", "warning"])
    }

    /// Starts `plebiscite ARGUMENTS` (a server or a station) and waits until it says where it listens;
    /// its standard error goes to `log` when given.
    init(_ arguments: [String], log: String? = nil) async throws {
        let process = Process()
        process.executableURL = Self.tool
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        if let log {
            if !FileManager.default.fileExists(atPath: log) { FileManager.default.createFile(atPath: log, contents: nil) }
            let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            errors.seekToEndOfFile()
            process.standardError = errors
        }
        let output = NIOLockedValueBox("")
        try process.run()
        // A thread of its own: the read blocks, and must not hold one of the few cooperative threads.
        Thread {
            while true {
                let data = pipe.fileHandleForReading.availableData
                if data.isEmpty { return }
                output.withLockedValue { $0 += String(decoding: data, as: UTF8.self) }
            }
        }.start()
        let deadline = ContinuousClock.now + .seconds(120)
        var port: Int?
        while port == nil, process.isRunning, ContinuousClock.now < deadline {
            port = output.withLockedValue { $0.firstMatch(of: /listening on http:\/\/127\.0\.0\.1:(\d+)/).map { Int($0.1)! } }
            if port == nil { try await Task.sleep(for: .milliseconds(20)) }
        }
        guard let port else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            let logged = log.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
            throw ProcessFailure(description: "plebiscite \(arguments.first ?? "") did not start: \(output.withLockedValue { $0 }) \(logged)")
        }
        self.process = process
        self.port = port
        self.output = output
    }

    deinit {
        // A test that failed half-way must not leave a server running.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Sends `signal` and waits for the process to end.
    func stop(_ signal: Int32) async throws {
        kill(process.processIdentifier, signal)
        let deadline = ContinuousClock.now + .seconds(30)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
    }

    struct ProcessFailure: Error, CustomStringConvertible { let description: String }
}

/// A station device casting ballots over HTTP, one voter after another.
struct CastingDevice: Sendable {
    let port: Int
    let token: String
    let device: String

    /// Casts a ballot for each credential in turn until they run out or a request fails; returns the
    /// confirmation codes acknowledged (cast answered 200) and the statuses of refusals.
    func cast(_ credentials: [String], choice: String = "yes") async -> (acknowledged: [String], refused: [Int]) {
        let collected = NIOLockedValueBox((acknowledged: [String](), refused: [Int]()))
        let (token, device) = (token, device)
        do {
            try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
                for credential in credentials {
                    let checkIn = try await client.json(.post, "/api/v1/station/check-in", token: token,
                                                        body: ["device": device, "credential": credential])
                    guard checkIn.status == 201, let session = checkIn.object["session"] as? String else {
                        collected.withLockedValue { $0.refused.append(checkIn.status) }
                        continue
                    }
                    let encrypt = try await client.json(.post, "/api/v1/station/sessions/\(session)/encrypt", token: token, body: ["choice": choice])
                    guard encrypt.status == 201 else {
                        collected.withLockedValue { $0.refused.append(encrypt.status) }
                        continue
                    }
                    let cast = try await client.json(.post, "/api/v1/station/sessions/\(session)/cast", token: token, body: nil)
                    if cast.status == 200, let code = cast.object["confirmationCode"] as? String {
                        collected.withLockedValue { $0.acknowledged.append(code) }
                    } else {
                        collected.withLockedValue { $0.refused.append(cast.status) }
                    }
                }
            }
        } catch {
            // The server went away (killed): what was acknowledged so far stands.
        }
        return collected.withLockedValue { $0 }
    }
}

extension TestClient {
    /// A JSON request; the status and the decoded object.
    func json(_ method: HTTPRequest.Method, _ uri: String, token: String, body: [String: String]?) async throws -> (status: Int, object: [String: Any]) {
        var headers: HTTPFields = [.authorization: "Bearer \(token)"]
        var buffer: ByteBuffer?
        if let body {
            headers[.contentType] = "application/json"
            buffer = ByteBuffer(bytes: try JSONEncoder().encode(body))
        }
        let response = try await execute(.init(uri, method: method, headers: headers, body: buffer))
        let object = response.body.flatMap { try? JSONSerialization.jsonObject(with: Data($0.readableBytesView)) as? [String: Any] } ?? [:]
        return (response.status.code, object)
    }
}

/// A referendum open now (voting from yesterday to tomorrow) in `database`, with `voters` voters in
/// region alpha and a token for station A-1; returns their credentials and the token.
enum OpenReferendum {
    static func prepare(_ database: String, voters: Int) async throws -> (credentials: [String], stationToken: String) {
        let format = ISO8601DateFormatter()
        let yaml = SmallReferendum.yaml
            .replacingOccurrences(of: "2026-09-01T08:00:00+03:00", with: format.string(from: Date().addingTimeInterval(-86_400)))
            .replacingOccurrences(of: "2026-09-03T20:00:00+03:00", with: format.string(from: Date().addingTimeInterval(86_400)))
            .replacingOccurrences(of: "2026-08-01T12:00:00+03:00", with: format.string(from: Date().addingTimeInterval(-30 * 86_400)))
        return try await DatabaseKind.withStore(database) { store in
            let engine = ReferendumEngine(store: store)
            var generator = SystemRandomNumberGenerator()
            try await engine.create(try ReferendumDefinition.parse(yaml), using: &generator)
            try await engine.announce()
            let register = "voter_id,home_region,displaced\n" + (1...voters).map { "v\($0),alpha,no" }.joined(separator: "\n")
            let cards = try await engine.importRegister(csv: register, file: "register.csv", using: &generator)
            _ = try await engine.runCeremony(using: &generator)
            try await engine.open()
            let token = try await AccessTokens.issue(.station("A-1"), label: "load", setup: try await engine.setup(), store: store,
                                                     at: Date(), using: &generator).token
            return (cards.map(\.credential), token)
        }
    }
}
