import Foundation
import Hummingbird
import Referendum

/// The station device's API (role `station:<id>`): check a voter in by credential code, encrypt a
/// choice (the confirmation code comes back), cast or challenge it, and log mobile-box trips.
///
/// A ballot is acknowledged as cast only after the store committed it (`CastingDesk.cast`).
struct StationController<Context: RequestContextWithRole> {
    let desks: DeskProvider
    let sessions: BoothSessions
    let tokens: any AccessTokenStore
    let metrics: ServerMetrics

    var engine: ReferendumEngine { desks.engine }

    func addRoutes(to group: RouterGroup<Context>) {
        group.add(middleware: RequireRole<Context>(.station))
        group.post("check-in") { request, context in
            try await rejecting { JSONResponse(.created, try await checkIn(try await request.decodeJSON(CheckInRequest.self, context: context), context)) }
        }
        group.post("sessions/{session}/encrypt") { request, context in
            try await rejecting {
                let body = try await request.decodeJSON(EncryptRequest.self, context: context)
                return JSONResponse(.created, try await encrypt(try context.parameters.require("session"), choice: body.choice, context))
            }
        }
        group.post("sessions/{session}/cast") { _, context in
            try await rejecting { JSONResponse(try await cast(try context.parameters.require("session"), context)) }
        }
        group.post("sessions/{session}/challenge") { _, context in
            try await rejecting { JSONResponse(try await challenge(try context.parameters.require("session"), context)) }
        }
        group.delete("sessions/{session}") { _, context in
            guard sessions.end(try context.parameters.require("session"), station: try station(context)) else {
                throw APIError(.notFound, "no such voter session at this station", reason: "no-session")
            }
            return Response(status: .noContent)
        }
        group.get("visits") { _, context in
            JSONResponse(try await desks.get().visits(ofStation: try station(context)))
        }
        group.post("visits") { request, context in
            JSONResponse(.created, try await startVisit(try await request.decodeJSON(StartVisitRequest.self, context: context), context))
        }
        group.post("visits/{visit}/return") { _, context in
            JSONResponse(try await endVisit(try context.parameters.require("visit"), context))
        }
    }

    // MARK: Casting

    func checkIn(_ body: CheckInRequest, _ context: Context) async throws -> CheckInResponse {
        let start = ContinuousClock.now
        let tokenStation = try station(context)
        let desk = try await desks.get()
        let stationId = body.station ?? tokenStation
        let checkedIn = try await desk.checkIn(credential: body.credential, station: stationId, device: body.device, visit: body.visit,
                                               tokenStation: tokenStation)
        try await bind(body.device, context)
        let session = try sessions.start(tokenId: context.tokenId ?? tokenStation, tokenStation: tokenStation, device: body.device,
                                         voter: checkedIn.voter, visitId: checkedIn.visit?.id)
        metrics.step("check-in", since: start)
        let definition = desk.definition
        let voter = checkedIn.voter
        return CheckInResponse(session: session.id, station: stationId, device: body.device, region: voter.region,
                               regionName: definition.region(voter.region)?.name ?? [:], question: definition.question,
                               options: definition.options.map { .init(id: $0.id, text: $0.text) }, visit: checkedIn.visit?.id)
    }

    /// Binds `device` to the request's token at its first use; refuses a device another live token holds.
    /// - Throws: `APIError` 403 naming the device.
    func bind(_ device: String, _ context: Context) async throws {
        guard let tokenId = context.tokenId else { return }
        let owner = try await tokens.bindDevice(device, toToken: tokenId, at: engine.clock.now())
        guard owner == tokenId else {
            throw APIError(.forbidden, "device \(device) belongs to another token of this station (\(owner)); each device uses its own token",
                           reason: "device-of-another-token")
        }
    }

    func encrypt(_ sessionId: String, choice: String, _ context: Context) async throws -> BallotResponse {
        let start = ContinuousClock.now
        let desk = try await desks.get()
        return try await sessions.with(sessionId, station: try station(context)) { session in
            switch session.stage {
            case .deciding(let pending):
                throw APIError(.conflict, "ballot \(pending.entry.ballotId) is shown: cast or challenge it first", reason: "undecided-ballot")
            case .finished(let entry, _):
                throw APIError(.conflict, "this voter's ballot \(entry.ballotId) was cast; check the next voter in", reason: "already-cast")
            case .choosing:
                let visit = try await session.visitId.asyncMap { try await desk.visit($0) }
                var generator = SystemRandomNumberGenerator()
                let pending = try await desk.encrypt(session.voter, choice: choice, deviceId: session.device, visit: visit, using: &generator)
                metrics.step("encrypt", since: start)
                return (.deciding(pending), BallotResponse(pending.entry, status: "pending"))
            }
        }
    }

    func cast(_ sessionId: String, _ context: Context) async throws -> BallotResponse {
        let start = ContinuousClock.now
        let desk = try await desks.get()
        return try await sessions.with(sessionId, station: try station(context)) { session in
            switch session.stage {
            case .finished(let entry, let slip):
                return (nil, BallotResponse(entry, status: "cast", paper: slip))
            case .choosing(let challenged?):
                throw ReferendumError.ballotAlreadyDecided(ballotId: challenged.ballotId, state: "challenged: a challenged ballot is never cast; encrypt the choice again")
            case .choosing(nil):
                throw APIError(.conflict, "no ballot to cast: encrypt a choice first", reason: "no-ballot")
            case .deciding(let pending):
                var generator = SystemRandomNumberGenerator()
                let slip = desk.paperSlip(pending, using: &generator)
                let entry = try await desk.cast(pending)
                metrics.cast(channel: entry.channel.rawValue)
                metrics.step("cast", since: start)
                return (.finished(entry, slip), BallotResponse(entry, status: "cast", paper: slip))
            }
        }
    }

    func challenge(_ sessionId: String, _ context: Context) async throws -> BallotResponse {
        let start = ContinuousClock.now
        let desk = try await desks.get()
        return try await sessions.with(sessionId, station: try station(context)) { session in
            switch session.stage {
            case .finished(let entry, _):
                throw ReferendumError.ballotAlreadyDecided(ballotId: entry.ballotId, state: "cast")
            case .choosing(let challenged?):
                throw ReferendumError.ballotAlreadyDecided(ballotId: challenged.ballotId, state: "challenged")
            case .choosing(nil):
                throw APIError(.conflict, "no ballot to challenge: encrypt a choice first", reason: "no-ballot")
            case .deciding(let pending):
                let entry = try await desk.challenge(pending)
                metrics.challenged()
                metrics.step("challenge", since: start)
                return (.choosing(lastChallenged: entry), BallotResponse(entry, status: "challenged"))
            }
        }
    }

    /// Counts a refused step by its reason, and passes the error on.
    func rejecting<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            metrics.rejected(APIError.from(error).reason)
            throw error
        }
    }

    // MARK: Mobile boxes

    func startVisit(_ body: StartVisitRequest, _ context: Context) async throws -> MobileVisit {
        var random = SystemRandomNumberGenerator()
        let id = body.id ?? "\(body.station)-V" + AccessTokens.hex(AccessTokens.bytes(4, using: &random))
        return try await desks.get().startVisit(id: id, stationId: body.station, request: body.request,
                                                requestedAt: body.requestedAt ?? engine.clock.now(), officials: body.officials,
                                                observers: body.observers ?? [], tokenStation: try station(context))
    }

    func endVisit(_ id: String, _ context: Context) async throws -> MobileVisit {
        let desk = try await desks.get()
        guard let visit = try await desk.visits(ofStation: try station(context)).first(where: { $0.id == id }) else {
            throw APIError(.notFound, "no visit \(id.prefix(64)) of this station's mobile boxes", reason: "mobile-visit")
        }
        return try await desk.endVisit(visit)
    }

    func station(_ context: Context) throws -> String {
        guard let id = context.role?.stationId else { throw APIError(.forbidden, "this route needs a station token") }
        return id
    }
}

struct CheckInRequest: Decodable {
    /// The device, `<station>-<name>` (e.g. A-1-B1; a mobile box's tablet A-1-M-T1): see
    /// `ReferendumDefinition.requireDevice`.
    let device: String
    let credential: String
    /// The token's station, or one of its mobile boxes; the token's station when absent.
    let station: String?
    /// The open visit, for a ballot at a mobile box.
    let visit: String?
}

struct CheckInResponse: Encodable, Sendable {
    struct Option: Encodable, Sendable {
        let id: String
        let text: LocalizedText
    }

    let session: String
    let station: String
    let device: String
    let region: String
    let regionName: LocalizedText
    let question: LocalizedText
    let options: [Option]
    let visit: String?
}

struct EncryptRequest: Decodable {
    let choice: String
}

/// A ballot as the device shows it. The nonce and choice appear only for a challenged ballot.
struct BallotResponse: Encodable, Sendable {
    let ballotId: String
    let confirmationCode: String
    let status: String
    let station: String
    let device: String
    let choice: String?
    let nonce: String?
    /// For a cast ballot, the paper slip to print and put in the box.
    let paper: PaperSlip?

    init(_ entry: BallotEntry, status: String, paper: PaperSlip? = nil) {
        self.paper = paper
        ballotId = entry.ballotId
        confirmationCode = entry.confirmationCode.hex
        self.status = status
        station = entry.stationId
        device = entry.deviceId
        choice = entry.revealedChoice
        nonce = entry.revealedNonce?.hex
    }
}

struct StartVisitRequest: Decodable {
    let id: String?
    /// The mobile box.
    let station: String
    /// How the request came (no voter names).
    let request: String
    let requestedAt: Date?
    let officials: [String]
    let observers: [String]?
}

extension Optional {
    /// The wrapped value through an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
