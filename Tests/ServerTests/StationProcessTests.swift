import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Referendum
import Storage
@testable import Server
import ElectionGuard
import Testing

/// The issue's process test (docs/stations.md): a central server and two `plebiscite station`
/// processes; the link cut while ballots are cast; a station killed while casting; forged uploads;
/// the same voter at both stations; and the record verified.
@Suite("Stations: a central server and two station processes", .serialized)
struct StationProcessTests {
    let work = temporaryPath("stations")

    @Test("every acknowledged ballot arrives exactly once through a cut link and a killed station; forged uploads are refused; a voter at both stations counts once; the record verifies")
    func offlineStations() async throws {
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let central = "\(work)/central.sqlite", log = "\(work)/processes.log"
        let setup = try await Self.prepare(central, work: work)
        let port = try Self.freePort()
        let serve = ["serve", "--database", central, "--port", String(port), "--record", "\(work)/record", "--log-level", "warning"]
        var server: ServerProcess? = try await ServerProcess(serve, log: log)
        func station(_ name: String) async throws -> ServerProcess {
            try await ServerProcess(["station", "--central", "http://127.0.0.1:\(port)", "--token-file", "\(work)/\(name).token",
                                        "--database", "\(work)/\(name).sqlite", "--port", "0", "--sync-interval", "0.2",
                                        "--log-level", "notice"], log: log)
        }
        var home: ServerProcess? = try await station("A-1")
        let external = try await station("EXT")
        var acknowledged = [String]()
        func cast(_ process: ServerProcess, _ token: String, _ device: String, _ voters: [String]) async -> [String] {
            let result = await CastingDevice(port: process.port, token: token, device: device).cast(voters.map { setup.cards[$0]! })
            acknowledged += result.acknowledged
            return result.acknowledged
        }

        // Online, then the link cut (the central server stopped) while both stations keep voting.
        #expect(await cast(home!, setup.tokens["A-1"]!, "A-1-B1", (1...4).map { "v\($0)" }).count == 4)
        #expect(await cast(external, setup.tokens["EXT"]!, "EXT-B1", ["d1", "d2"]).count == 2)
        try await server!.stop(SIGTERM)
        server = nil
        #expect(await cast(home!, setup.tokens["A-1"]!, "A-1-B1", (5...8).map { "v\($0)" }).count == 4)
        #expect(await cast(external, setup.tokens["EXT"]!, "EXT-B1", ["d3", "d4"]).count == 2)
        // d5 is displaced: it checks in at both offline stations, first at EXT, then at home.
        let early = await cast(external, setup.tokens["EXT"]!, "EXT-B1", ["d5"])
        try await Task.sleep(for: .milliseconds(1_100))
        let late = await cast(home!, setup.tokens["A-1"]!, "A-1-B2", ["d5"])
        #expect(early.count == 1 && late.count == 1)
        server = try await ServerProcess(serve, log: log)

        // The home station killed while casting; what it acknowledged survives and syncs after its restart.
        let device = CastingDevice(port: home!.port, token: setup.tokens["A-1"]!, device: "A-1-B1")
        let credentials = (9...298).map { setup.cards["v\($0)"]! }
        let casting = Task { await device.cast(credentials).acknowledged }
        try await Task.sleep(for: .milliseconds(800))
        try await home!.stop(SIGKILL)
        let beforeKill = await casting.value
        acknowledged += beforeKill
        #expect(!beforeKill.isEmpty && beforeKill.count < credentials.count, "killed mid-run, after \(beforeKill.count) acknowledged ballots")
        home = try await station("A-1")
        #expect(await cast(home!, setup.tokens["A-1"]!, "A-1-B1", ["v299", "v300"]).count == 2)

        // Everything arrives: each acknowledged code on the central board exactly once, no device missing a ballot.
        let observer = setup.tokens["observer"]!
        var codes = [String]()
        var devices = [[String: Any]]()
        let deadline = ContinuousClock.now + .seconds(120)
        repeat {
            try await Task.sleep(for: .milliseconds(500))
            let board = try await Self.json("GET", "http://127.0.0.1:\(port)/api/v1/observer/ballots?limit=5000", token: observer)
            codes = ((board.object["ballots"] as? [[String: Any]]) ?? []).filter { $0["status"] as? String == "cast" }.compactMap { $0["confirmationCode"] as? String }
            devices = (try await Self.jsonArray("http://127.0.0.1:\(port)/api/v1/observer/devices", token: observer))
        } while ContinuousClock.now < deadline
            && (Set(acknowledged).subtracting(codes).count > 0 || devices.contains { ($0["missing"] as? Int ?? 1) > 0 })
        #expect(Set(acknowledged).subtracting(codes).isEmpty, "every acknowledged ballot arrived")
        #expect(acknowledged.count >= 17 && Set(acknowledged).count == acknowledged.count)
        for code in acknowledged { #expect(codes.count { $0 == code } == 1, "\(code) arrived once") }
        #expect(Set(devices.compactMap { $0["device"] as? String }) == ["A-1-B1", "A-1-B2", "EXT-B1"])
        #expect(devices.allSatisfy { ($0["missing"] as? Int) == 0 && $0["lastBallotId"] is String })

        // Forged uploads. Another station's device:
        let foreign = try await Self.upload(StationUpload(devices: [.init(device: "A-1-B1", stationLength: 0, ballots: [])]),
                                            port: port, token: setup.tokens["EXT"]!)
        #expect(foreign.status == 403, "\(foreign)")
        try await home!.stop(SIGTERM)
        try await external.stop(SIGTERM)
        let ballots = try await StoreLocation.withStore("\(work)/A-1.sqlite") { store in
            try await store.entries(statuses: Set(BallotStatus.allCases), after: "A-1-B1-", limit: 3)
        }
        let head = try await StoreLocation.withStore("\(work)/A-1.sqlite") { try await $0.chainHead(device: "A-1-B1") }!
        // Ballot 1 replayed as the next one: its chain is not the device's.
        let replayed = Self.relabel(ballots[0], as: BallotEntry.ballotId(device: "A-1-B1", sequence: head.length + 1))
        let broken = try await Self.upload(StationUpload(devices: [.init(device: "A-1-B1", stationLength: head.length + 1, ballots: [replayed])]),
                                           port: port, token: setup.tokens["A-1"]!)
        #expect(broken.status == 409 && broken.body.contains("chain"), "\(broken)")
        // A ballot skipped: the one after next.
        let skipped = Self.relabel(ballots[1], as: BallotEntry.ballotId(device: "A-1-B1", sequence: head.length + 2))
        let gap = try await Self.upload(StationUpload(devices: [.init(device: "A-1-B1", stationLength: head.length + 2, ballots: [skipped])]),
                                        port: port, token: setup.tokens["A-1"]!)
        #expect(gap.status == 409 && gap.body.contains("missing or out of order"), "\(gap)")
        // A received ballot again with another decision; and again as it was (safe to repeat).
        let altered = ballots[0].decided(.abandoned, at: ballots[0].decidedAt!)
        #expect(try await Self.upload(StationUpload(devices: [.init(device: "A-1-B1", stationLength: head.length, ballots: [altered])]),
                                      port: port, token: setup.tokens["A-1"]!).status == 409)
        let repeated = try await Self.upload(StationUpload(devices: [.init(device: "A-1-B1", stationLength: head.length, ballots: [ballots[0]])]),
                                             port: port, token: setup.tokens["A-1"]!)
        #expect(repeated.status == 200 && repeated.body.contains("\"received\":0"), "\(repeated)")
        try await server!.stop(SIGTERM)

        // The count: d5's later ballot (at home) counts, the earlier one (at EXT) is superseded; the record verifies.
        try await StoreLocation.withStore(central) { store in
            let engine = ReferendumEngine(store: store)
            #expect(try await store.chainHead(device: "A-1-B1")?.length == head.length, "the forged uploads changed nothing")
            try await engine.close()
            let count = try await engine.count()
            let d5 = try await store.entries(statuses: [.cast], after: nil, limit: 5_000).filter { [early[0], late[0]].contains($0.confirmationCode.hex) }
            #expect(d5.count == 2)
            #expect(d5.filter { count.resolution.counted.contains($0.ballotId) }.map(\.confirmationCode.hex) == late)
            var generator = SystemRandomNumberGenerator()
            _ = try await engine.decrypt(with: setup.secrets, using: &generator)
            try await engine.certify(by: ["Commission"], statement: "test")
            _ = try await RecordPublisher.publish(engine, to: "\(work)/published")
        }
        let verify = Process()
        verify.executableURL = ServerProcess.tool
        verify.arguments = ["verify", "\(work)/published", "--quiet"]
        let out = Pipe()
        verify.standardOutput = out
        try verify.run()
        let report = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        verify.waitUntilExit()
        #expect(verify.terminationStatus == 0, "\(report.suffix(600))")
        let rows = try String(contentsOfFile: "\(work)/published/referendum/ballots.csv", encoding: .utf8).split(separator: "\n")
        #expect(rows.contains { $0.lowercased().contains(early[0].lowercased()) && $0.contains("superseded") }, "the record shows the superseded ballot")
    }

    struct Prepared: Sendable {
        let cards: [String: String]
        let tokens: [String: String]
        let secrets: [GuardianSecret]
    }

    /// The small referendum, open now, with 300 voters of alpha (v1...v300) and 5 displaced ones (d1...d5);
    /// token files for stations A-1 and EXT in `work`, and an observer token.
    static func prepare(_ database: String, work: String) async throws -> Prepared {
        let format = ISO8601DateFormatter()
        let yaml = SmallReferendum.yaml
            .replacingOccurrences(of: "2026-09-01T08:00:00+03:00", with: format.string(from: Date().addingTimeInterval(-86_400)))
            .replacingOccurrences(of: "2026-09-03T20:00:00+03:00", with: format.string(from: Date().addingTimeInterval(86_400)))
            .replacingOccurrences(of: "2026-08-01T12:00:00+03:00", with: format.string(from: Date().addingTimeInterval(-30 * 86_400)))
        return try await StoreLocation.withStore(database) { store in
            let engine = ReferendumEngine(store: store)
            var generator = SystemRandomNumberGenerator()
            try await engine.create(try ReferendumDefinition.parse(yaml), using: &generator)
            try await engine.announce()
            let register = "voter_id,home_region,displaced,home_station\n"
                + (1...300).map { "v\($0),alpha,no,A-1" }.joined(separator: "\n") + "\n"
                + (1...5).map { "d\($0),alpha,yes," }.joined(separator: "\n")
            let cards = try await engine.importRegister(csv: register, file: "register.csv", using: &generator)
            let secrets = try await engine.runCeremony(using: &generator)
            try await engine.open()
            var tokens = [String: String]()
            for role in [Role.station("A-1"), .station("EXT"), .observer] {
                let issued = try await AccessTokens.issue(role, label: "test", setup: try await engine.setup(), store: store, at: Date(), using: &generator)
                tokens[role.stationId ?? "observer"] = issued.token
                if let station = role.stationId { try issued.token.write(toFile: "\(work)/\(station).token", atomically: true, encoding: .utf8) }
            }
            return Prepared(cards: Dictionary(uniqueKeysWithValues: cards.map { ($0.voterId, $0.credential) }), tokens: tokens, secrets: secrets)
        }
    }

    /// A TCP port free now (the central server restarts on it, so the stations find it again).
    static func freePort() throws -> Int {
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                guard bind(socket, $0, length) == 0, getsockname(socket, $0, &length) == 0 else {
                    throw ServerProcess.ProcessFailure(description: "no free port")
                }
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func json(_ method: String, _ url: String, token: String, body: Data? = nil) async throws -> (status: Int, object: [String: Any], body: String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let object = (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, object, String(decoding: data, as: UTF8.self))
    }

    static func jsonArray(_ url: String, token: String) async throws -> [[String: Any]] {
        var request = URLRequest(url: URL(string: url)!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let data = try await URLSession.shared.data(for: request).0
        return (try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
    }

    static func upload(_ upload: StationUpload, port: Int, token: String) async throws -> (status: Int, body: String) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let answer = try await json("POST", "http://127.0.0.1:\(port)/api/v1/station/uploads", token: token, body: try encoder.encode(upload))
        return (answer.status, answer.body)
    }

    static func relabel(_ entry: BallotEntry, as ballotId: String) -> BallotEntry {
        let ballot = entry.ballot
        return BallotEntry(ballot: EncryptedBallot(ballotId: ballotId, styleId: ballot.styleId, encryptingDevice: ballot.encryptingDevice,
                                                   timestamp: ballot.timestamp, codeBaux: ballot.codeBaux, confirmationCode: ballot.confirmationCode,
                                                   contests: ballot.contests, state: ballot.state),
                           stationId: entry.stationId, channel: entry.channel, region: entry.region, pseudonym: entry.pseudonym,
                           encryptedAt: entry.encryptedAt, status: entry.status, decidedAt: entry.decidedAt)
    }
}
