import Foundation
import Hummingbird
import Referendum

/// The commission's API (role `admin`): create the referendum, take each lifecycle step, import the
/// register, issue and revoke tokens, see and reset stations' devices.
struct AdminController<Context: RequestContextWithRole> {
    let engine: ReferendumEngine
    let tokens: any AccessTokenStore
    let tokenCache: TokenCache
    let sessions: BoothSessions
    let record: RecordFiles
    let caches: PublicCaches

    func addRoutes(to group: RouterGroup<Context>) {
        group.add(middleware: RequireRole<Context>(.admin))
        group.post("referendum") { request, context in
            let yaml = try await request.bodyText(context: context)
            var generator = SystemRandomNumberGenerator()
            try await engine.create(try ReferendumDefinition.parse(yaml, file: "(request body)"), using: &generator)
            caches.invalidate()
            context.logger.notice("referendum created")
            return JSONResponse(.created, PublicReferendum(try await engine.setup()))
        }
        group.get("status") { _, _ in JSONResponse(try await status()) }
        // A guardian who sent round 1 and vanished (or whose answers fail) is dropped; the others start again.
        group.post("decryption/drop") { request, context in
            let body = try await request.decodeJSON(DropGuardianRequest.self, context: context)
            guard !body.reason.isEmpty, body.reason.count <= 1_000, body.guardian.count <= 64 else {
                throw APIError(.unprocessableContent, "name the guardian and say why (at most 1000 characters): the record publishes it")
            }
            try await engine.dropGuardian(body.guardian, reason: body.reason)
            context.logger.notice("guardian dropped from the decryption", metadata: ["guardian": "\(body.guardian)"])
            return JSONResponse(try await engine.setup().decryptionProgress ?? DecryptionProgress())
        }
        // The ceremony's public log, and the relay of an offline guardian's messages carried by hand.
        group.get("ceremony") { _, _ in JSONResponse(try await engine.ceremonyBundle()) }
        group.post("ceremony/{guardian}") { request, context in
            let guardian = try context.parameters.require("guardian")
            let messages = try await CeremonyMessages.decode(request, context)
            try await engine.acceptCeremony(messages, from: guardian)
            caches.invalidate()
            context.logger.notice("ceremony messages relayed", metadata: ["guardian": "\(guardian)", "kinds": "\(messages.map(\.kind))"])
            return JSONResponse(.created, CeremonyState(state: try await engine.setup().state.rawValue, accepted: messages.count))
        }
        group.post("lifecycle/{action}") { request, context in
            let action = try context.parameters.require("action")
            let result = try await step(action, request: request, context: context)
            caches.invalidate()
            let state = try await engine.setup().state.rawValue
            context.logger.notice("lifecycle step", metadata: ["action": "\(action)", "state": "\(state)"])
            return result
        }
        group.post("register") { request, context in
            let csv = try await request.bodyText(context: context)
            var generator = SystemRandomNumberGenerator()
            let cards = try await engine.importRegister(csv: csv, file: "(request body)", using: &generator)
            caches.invalidate()
            context.logger.notice("register imported", metadata: ["voters": "\(cards.count)"])
            var headers = HTTPFields()
            headers[.contentType] = "text/csv; charset=utf-8"
            // The voter cards: the only place the credential codes ever exist. Print them; keep no copy.
            let body = VoterCard.csv(cards)
            return Response(status: .created, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        group.get("tokens") { _, _ in JSONResponse(try await tokens.tokens().map(TokenView.init)) }
        group.post("tokens") { request, context in
            let body = try await request.decodeJSON(IssueTokenRequest.self, context: context)
            var generator = SystemRandomNumberGenerator()
            guard (body.label ?? "").count <= 200 else { throw APIError(.unprocessableContent, "label: at most 200 characters") }
            let now = engine.clock.now()
            let expires = try body.expiresInSeconds.map { seconds in
                guard seconds > 0, seconds <= 366 * 86_400 else {
                    throw APIError(.unprocessableContent, "expiresInSeconds: from 1 to \(366 * 86_400) (a year)")
                }
                return now.addingTimeInterval(Double(seconds))
            }
            let issued = try await AccessTokens.issue(try Role(parsing: body.role), label: body.label ?? "", setup: try await engine.store.loadSetup(),
                                                      store: tokens, at: now, expiresAt: expires, using: &generator)
            context.logger.notice("token issued", metadata: ["id": "\(issued.record.id)", "role": "\(issued.record.role)"])
            return JSONResponse(.created, IssuedToken(token: issued.token, record: TokenView(issued.record)))
        }
        group.delete("tokens/{id}") { _, context in
            let id = try context.parameters.require("id")
            guard let revoked = try await tokens.revokeToken(id: id, at: engine.clock.now()) else {
                throw APIError(.notFound, "no token \(id)")
            }
            tokenCache.clear()
            if let station = (try? Role(parsing: revoked.role))?.stationId { sessions.endAll(station: station) }
            context.logger.notice("token revoked", metadata: ["id": "\(id)"])
            return JSONResponse(TokenView(revoked))
        }
        group.get("stations") { _, _ in JSONResponse(try await stations()) }
        group.delete("stations/{station}/sessions") { _, context in
            let station = try context.parameters.require("station")
            return JSONResponse(["ended": sessions.endAll(station: station)])
        }
    }

    func step(_ action: String, request: Request, context: Context) async throws -> Response {
        var generator = SystemRandomNumberGenerator()
        switch action {
        case "announce": try await engine.announce()
        case "open": try await engine.open()
        case "close": try await engine.close()
        case "ceremony":
            throw APIError(.gone, "the key ceremony runs between the guardians themselves (`plebiscite guardian ceremony`, "
                           + "/api/v1/guardian/ceremony); no one else ever holds a guardian's key", reason: "guardians-only")
        case "count": try await engine.count()
        case "decrypt": try await engine.finishDecryption()
        case "certify":
            let body = try await request.decodeJSON(CertifyRequest.self, context: context)
            guard !body.by.isEmpty, !body.statement.isEmpty else {
                throw APIError(.unprocessableContent, "name who certifies (by) and give the statement")
            }
            try await engine.certify(by: body.by, statement: body.statement)
        case "publish":
            let summary = try await record.publish(engine)
            return try JSONResponse(.ok, Published(state: "published", ballots: summary.ballots, devices: summary.devices,
                                                   bytes: summary.bytes, download: "/record.zip"))
                .response(from: request, context: context)
        default:
            throw APIError(.notFound, "no lifecycle step \(action): use announce, ceremony, open, close, count, decrypt, certify or publish")
        }
        return try JSONResponse(.ok, ["state": try await engine.setup().state.rawValue]).response(from: request, context: context)
    }

    func status() async throws -> AdminStatus {
        let report = try await StatusReport.load(engine)
        var byStatus = [String: Int]()
        for summary in report.summaries { byStatus[summary.status.rawValue, default: 0] += 1 }
        return AdminStatus(state: report.setup.state.rawValue, history: report.setup.history, register: report.register,
                           ballots: byStatus, text: report.text)
    }

    func stations() async throws -> [StationView] {
        let definition = try await engine.setup().definition
        let open = sessions.openSessions()
        let stationTokens = try await tokens.tokens().filter { $0.revokedAt == nil }
        return definition.stations.map { station in
            StationView(id: station.id, kind: station.kind.rawValue, serves: station.serves, parent: station.parent,
                        location: station.location, devicesInUse: open[station.id] ?? [],
                        tokens: stationTokens.filter { $0.role == "station:\(station.id)" }.map(\.id))
        }
    }
}

struct IssueTokenRequest: Decodable {
    let role: String
    let label: String?
    /// The token lets no one in after this many seconds; absent: until revoked.
    let expiresInSeconds: Int?
}

/// A token as listed: never the token itself, nor its hash.
struct TokenView: Encodable, Sendable {
    let id: String
    let role: String
    let label: String
    let createdAt: Date
    let revokedAt: Date?
    let expiresAt: Date?

    init(_ record: AccessTokenRecord) {
        id = record.id
        role = record.role
        label = record.label
        createdAt = record.createdAt
        revokedAt = record.revokedAt
        expiresAt = record.expiresAt
    }
}

struct IssuedToken: Encodable, Sendable {
    /// Shown once: the server keeps only its hash.
    let token: String
    let record: TokenView
}

struct DropGuardianRequest: Decodable {
    let guardian: String
    let reason: String
}

struct CertifyRequest: Decodable {
    let by: [String]
    let statement: String
}


struct Published: Encodable, Sendable {
    let state: String
    let ballots: Int
    let devices: Int
    let bytes: Int
    let download: String
}

struct AdminStatus: Encodable, Sendable {
    let state: String
    let history: [StateChange]
    let register: RegisterCounts
    let ballots: [String: Int]
    let text: String
}

struct StationView: Encodable, Sendable {
    let id: String
    let kind: String
    let serves: [String]
    let parent: String?
    let location: String
    let devicesInUse: [String]
    let tokens: [String]
}
