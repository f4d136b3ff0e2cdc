import Foundation
import Hummingbird
import Referendum

/// The observers' API (role `observer`, also open to `admin`): live turnout, the ballot board, the
/// mobile-box log and the audit trail. Read-only.
///
/// The board names no voter: while the polls are open a pseudonym would show who revoted, and a
/// ballot's status stays `cast` until the count decides which cast ballot counts.
struct ObserverController<Context: RequestContextWithRole> {
    let engine: ReferendumEngine
    let tokens: any AccessTokenStore
    let tokenCache: TokenCache
    let turnout: TurnoutCache
    var streamLifetime: Duration = .seconds(600)

    func addRoutes(to group: RouterGroup<Context>) {
        group.add(middleware: RequireRole<Context>(.observer, .admin))
        group.get("turnout") { _, _ in JSONResponse(try await turnout.snapshot()) }
        group.get("turnout/stream") { request, _ in
            // The stream ends when its token is revoked or expires (checked on every tick).
            let hash = TokenAuthenticator<Context>.token(in: request).map(AccessTokens.hash)
            let (tokens, tokenCache, clock) = (tokens, tokenCache, engine.clock)
            return TurnoutStream(cache: turnout, lifetime: streamLifetime) {
                guard let hash else { return false }
                var record = tokenCache.lookup(hash)
                if record == nil { record = try await tokens.token(hash: hash) }
                guard let record else { return false }
                return record.problem(at: clock.now()) == nil
            }.response()
        }
        group.get("ballots") { request, _ in
            let after = request.uri.queryParameters["after"].map(String.init)
            let limit = min(max(Int(request.uri.queryParameters["limit"].map(String.init) ?? "") ?? 500, 1), 5_000)
            let entries = try await engine.store.entries(statuses: Set(BallotStatus.allCases), after: after, limit: limit)
            let setup = try await engine.setup()
            let board = entries.map { BoardRow($0, resolution: setup.count?.resolution) }
            return JSONResponse(BallotBoard(ballots: board, next: entries.count == limit ? entries.last?.ballotId : nil))
        }
        group.get("mobile-visits") { _, _ in JSONResponse(try await engine.store.mobileVisits()) }
        group.get("audit") { _, _ in JSONResponse(try await audit()) }
    }

    func audit() async throws -> AuditTrail {
        let setup = try await engine.setup()
        let rounds = try await engine.store.decryptionRounds().map {
            AuditTrail.Round(guardian: $0.guardianId, round: $0.round.rawValue, values: $0.round == .partials ? $0.partials.count : $0.responses.count)
        }
        let tokens = try await tokens.tokens().map {
            AuditTrail.Token(id: $0.id, role: $0.role, label: $0.label, issuedAt: $0.createdAt, revokedAt: $0.revokedAt)
        }
        return AuditTrail(referendum: setup.definition.id, state: setup.state.rawValue, history: setup.history,
                          certification: setup.certification, decryptionRounds: rounds, tokens: tokens,
                          mobileVisits: try await engine.store.mobileVisits().count)
    }
}

/// One ballot on the board.
struct BoardRow: Encodable, Sendable {
    let ballotId: String
    let confirmationCode: String
    let station: String
    let device: String
    let channel: String
    /// pending, cast, challenged, abandoned; after the count, counted or superseded for cast ballots.
    let status: String
    let encryptedAt: Date
    let decidedAt: Date?

    init(_ entry: BallotEntry, resolution: RevoteResolution?) {
        ballotId = entry.ballotId
        confirmationCode = entry.confirmationCode.hex
        station = entry.stationId
        device = entry.deviceId
        channel = entry.channel.rawValue
        status = switch (entry.status, resolution) {
        case (.cast, let resolution?): entry.outcome(under: resolution).rawValue
        default: entry.status.rawValue
        }
        encryptedAt = entry.encryptedAt
        decidedAt = entry.decidedAt
    }
}

struct BallotBoard: Encodable, Sendable {
    let ballots: [BoardRow]
    /// Pass as `after` for the next page; absent on the last page.
    let next: String?
}

/// What happened, in order: state changes, certification, guardians' rounds, tokens issued and revoked.
struct AuditTrail: Encodable, Sendable {
    struct Round: Encodable, Sendable {
        let guardian: String
        let round: Int
        let values: Int
    }

    struct Token: Encodable, Sendable {
        let id: String
        let role: String
        let label: String
        let issuedAt: Date
        let revokedAt: Date?
    }

    let referendum: String
    let state: String
    let history: [StateChange]
    let certification: Certification?
    let decryptionRounds: [Round]
    let tokens: [Token]
    let mobileVisits: Int
}
