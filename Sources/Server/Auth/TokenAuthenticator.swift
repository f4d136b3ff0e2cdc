import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import Referendum

/// Reads the role token of a request (`Authorization: Bearer <token>`, or the pages' cookie) and
/// puts its role in the context. It refuses nothing itself: `RequireRole` on each route group does.
///
/// Known tokens are cached for a few seconds, so that a station casting hundreds of ballots a second
/// does not read the token table three times per ballot; a revocation takes effect within that time.
struct TokenAuthenticator<Context: RequestContextWithRole>: RouterMiddleware {
    static var cookieName: String { "plebiscite_token" }

    let store: any AccessTokenStore
    let cache: TokenCache
    let clock: any ReferendumClock

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token = Self.token(in: request) else { return try await next(request, context) }
        // A token is 68 characters; anything much longer is not one, and is not hashed.
        guard token.utf8.count <= 256 else {
            var context = context
            context.tokenProblem = "the token is not known to this server"
            return try await next(request, context)
        }
        var context = context
        let hash = AccessTokens.hash(token)
        let record: AccessTokenRecord?
        if let cached = cache.lookup(hash) {
            record = cached
        } else {
            record = try await store.token(hash: hash)
            if let record { cache.remember(record) }
        }
        if let record, record.problem(at: clock.now()) == nil, let role = try? Role(parsing: record.role) {
            context.role = role
            context.tokenId = record.id
            context.logger[metadataKey: "token"] = .string(record.id)
        } else {
            context.tokenProblem = record.flatMap { $0.problem(at: clock.now()) } ?? "the token is not known to this server"
        }
        return try await next(request, context)
    }

    static func token(in request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]).trimmingCharacters(in: .whitespaces) }
        }
        return request.cookies[cookieName]?.value
    }
}

/// A request context that carries a role.
public protocol RequestContextWithRole: RequestContext {
    var role: Role? { get set }
    var tokenProblem: String? { get set }
    var tokenId: String? { get set }
}

extension ServerRequestContext: RequestContextWithRole {}

/// Token records by hash, each kept for `lifetime`.
final class TokenCache: Sendable {
    private let entries = NIOLockedValueBox([String: (record: AccessTokenRecord, until: ContinuousClock.Instant)]())
    let lifetime: Duration

    init(lifetime: Duration = .seconds(5)) { self.lifetime = lifetime }

    func lookup(_ hash: String) -> AccessTokenRecord? {
        entries.withLockedValue { entries in
            guard let entry = entries[hash] else { return nil }
            guard entry.until > .now else {
                entries[hash] = nil
                return nil
            }
            return entry.record
        }
    }

    func remember(_ record: AccessTokenRecord) {
        entries.withLockedValue { $0[record.tokenHash] = (record, .now + lifetime) }
    }

    /// Forgets everything (after a revocation in this process, so that it takes effect at once here).
    func clear() { entries.withLockedValue { $0.removeAll() } }
}

/// Lets a request through only with a token of one of `kinds`: 401 without a valid token, 403 with
/// a token of another role.
struct RequireRole<Context: RequestContextWithRole>: RouterMiddleware {
    let kinds: Set<Role.Kind>

    init(_ kinds: Role.Kind...) { self.kinds = Set(kinds) }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let role = context.role else {
            throw APIError(.unauthorized, context.tokenProblem.map { "\($0): send a valid token" }
                           ?? "this route needs a token (Authorization: Bearer ...) of role \(expected)")
        }
        guard kinds.contains(role.kind) else {
            throw APIError(.forbidden, "a \(role.kind.rawValue) token may not use this route; it needs \(expected)")
        }
        return try await next(request, context)
    }

    var expected: String { kinds.map(\.rawValue).sorted().joined(separator: " or ") }
}
