import Foundation
import Hummingbird
import HummingbirdTesting
import Referendum
@testable import Server
import Testing

/// Every restricted route, called with every wrong role and with no token (and with an unknown and
/// a revoked token): 401 without a valid token, 403 with another role's, and nothing changes.
@Suite("Authorization: every route enforces its role")
struct AuthorizationTests {
    struct Route: Sendable, CustomTestStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let body: String?
        let allowed: Set<Role.Kind>
        var testDescription: String { "\(method) \(path)" }
    }

    static let session = "SESSION"
    static let routes: [Route] = {
        var routes = [Route]()
        func add(_ method: HTTPRequest.Method, _ path: String, _ body: String? = nil, _ allowed: Role.Kind...) {
            routes.append(Route(method: method, path: path, body: body, allowed: Set(allowed)))
        }
        add(.post, "/api/v1/admin/referendum", SmallReferendum.yaml, .admin)
        add(.get, "/api/v1/admin/status", nil, .admin)
        add(.get, "/api/v1/admin/ceremony", nil, .admin)
        add(.post, "/api/v1/admin/decryption/drop", #"{"guardian":"guardian2","reason":"gone"}"#, .admin)
        add(.post, "/api/v1/admin/ceremony/guardian1", "[]", .admin)
        for step in ["announce", "ceremony", "open", "close", "count", "decrypt", "publish"] { add(.post, "/api/v1/admin/lifecycle/\(step)", nil, .admin) }
        add(.post, "/api/v1/admin/lifecycle/certify", #"{"by":["X"],"statement":"ok"}"#, .admin)
        add(.post, "/api/v1/admin/register", "voter_id,home_region,displaced\nz9,alpha,no\n", .admin)
        add(.get, "/api/v1/admin/tokens", nil, .admin)
        add(.post, "/api/v1/admin/tokens", #"{"role":"admin"}"#, .admin)
        add(.delete, "/api/v1/admin/tokens/000000000000", nil, .admin)
        add(.get, "/api/v1/admin/stations", nil, .admin)
        add(.delete, "/api/v1/admin/stations/A-1/sessions", nil, .admin)
        add(.post, "/api/v1/station/check-in", #"{"device":"A-1-B9","credential":"CREDENTIAL"}"#, .station)
        for step in ["encrypt", "cast", "challenge"] { add(.post, "/api/v1/station/sessions/\(session)/\(step)", #"{"choice":"yes"}"#, .station) }
        add(.delete, "/api/v1/station/sessions/\(session)", nil, .station)
        add(.get, "/api/v1/station/visits", nil, .station)
        add(.post, "/api/v1/station/visits", #"{"station":"A-1-M","request":"r","officials":["o"]}"#, .station)
        add(.post, "/api/v1/station/visits/A-1-M-V1/return", nil, .station)
        add(.get, "/api/v1/guardian/ceremony", nil, .guardian)
        add(.get, "/api/v1/guardian/decryption", nil, .guardian)
        add(.post, "/api/v1/guardian/ceremony", "[]", .guardian)
        add(.get, "/api/v1/guardian/targets", nil, .guardian)
        add(.get, "/api/v1/guardian/challenges", nil, .guardian)
        add(.post, "/api/v1/guardian/rounds", #"{"guardianId":"guardian1","xCoordinate":1,"round":1,"partials":[],"responses":[]}"#, .guardian)
        for path in ["turnout", "turnout/stream", "ballots", "mobile-visits", "audit"] { add(.get, "/api/v1/observer/\(path)", nil, .observer, .admin) }
        return routes
    }()

    @Test("wrong role: 403; no token, unknown or revoked token: 401; nothing changes")
    func refused() async throws {
        // One referendum for every route (a key ceremony each would be slow): nothing may change anyway.
        let fixture = try await ServerFixture.open()
        let revoked = try await revokedToken(fixture)
        try await fixture.application.test(.router) { client in
            // A voter session exists, so a route that let the request through would change it.
            let checkIn = try await client.send(.post, "/api/v1/station/check-in", token: fixture.tokens["station:A-1"],
                                                json: ["device": "A-1-B1", "credential": fixture.cards["a1"]!])
            #expect(checkIn.status == .created)
            let before = try await fixture.snapshot()
            for route in Self.routes {
                let body = route.body?.replacingOccurrences(of: "CREDENTIAL", with: fixture.cards["a2"]!)
                var attempts: [(String, String?, HTTPResponse.Status)] = [("no token", nil, .unauthorized), ("unknown token", "plb_" + String(repeating: "0", count: 64), .unauthorized),
                                                                          ("revoked token", revoked, .unauthorized)]
                for role in ["admin", "observer", "station:A-1", "guardian:guardian1"] where !route.allowed.contains(try Role(parsing: role).kind) {
                    attempts.append((role, fixture.tokens[role], .forbidden))
                }
                for (who, token, expected) in attempts {
                    let response = try await client.send(route.method, route.path.replacingOccurrences(of: "SESSION", with: checkIn.string("session") ?? ""),
                                                         token: token, text: body)
                    #expect(response.status == expected, "\(route.testDescription) \(who): \(response.status) \(response.text)")
                    #expect(response.string("error")?.isEmpty == false, "\(route.testDescription) \(who): the refusal says why")
                }
                #expect(try await fixture.snapshot() == before, "\(route.testDescription) changed something")
            }
        }
    }

    @Test("pages that need a role send the browser to sign in, and change nothing")
    func pagesRedirect() async throws {
        let fixture = try await ServerFixture.open()
        try await fixture.application.test(.router) { client in
            let before = try await fixture.snapshot()
            for (method, path) in [(HTTPRequest.Method.get, "/booth"), (.post, "/booth/check-in"), (.post, "/booth/encrypt"),
                                   (.post, "/booth/cast"), (.post, "/booth/challenge"), (.get, "/observer")] {
                for token in [nil, fixture.tokens["guardian:guardian1"]] {
                    var headers = HTTPFields()
                    if let token { headers[.cookie] = "plebiscite_token=\(token); plebiscite_device=A-1-B1" }
                    let response = try await client.send(method, path, text: "credential=\(fixture.cards["a1"]!)", headers: headers)
                    #expect(response.status == .seeOther, "\(method) \(path)")
                    #expect(response.headers[.location]?.hasPrefix("/login") == true)
                }
            }
            #expect(try await fixture.snapshot() == before)
        }
    }

    func revokedToken(_ fixture: ServerFixture) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        let issued = try await AccessTokens.issue(.admin, label: "revoked", setup: nil, store: fixture.components.tokens,
                                                  at: fixture.clock.now(), using: &generator)
        _ = try await fixture.components.tokens.revokeToken(id: issued.record.id, at: fixture.clock.now())
        return issued.token
    }
}
