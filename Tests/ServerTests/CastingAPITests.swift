import Foundation
import Hummingbird
import HummingbirdTesting
import Referendum
@testable import Server
import Testing

/// The station device's API through the router: check-in, encrypt, cast, challenge, revote, the
/// tracker's answers before and after the count, and every refusal with its status and message.
@Suite("Station API: casting, challenging, tracking")
struct CastingAPITests {
    /// Checks `voter` in at `station`'s token on `device`; returns the session id.
    static func checkIn(_ client: some TestClientProtocol, _ fixture: ServerFixture, voter: String, station: String = "A-1",
                        device: String? = nil) async throws -> String {
        let response = try await client.send(.post, "/api/v1/station/check-in", token: fixture.tokens["station:\(station)"],
                                             json: ["device": device ?? "\(station)-B1", "credential": fixture.cards[voter]!])
        #expect(response.status == .created, "\(response.text)")
        return try #require(response.string("session"))
    }

    /// Encrypts `choice` in `session`; returns the confirmation code.
    static func encrypt(_ client: some TestClientProtocol, _ fixture: ServerFixture, _ session: String, choice: String = "yes",
                        station: String = "A-1") async throws -> String {
        let response = try await client.send(.post, "/api/v1/station/sessions/\(session)/encrypt", token: fixture.tokens["station:\(station)"],
                                             json: ["choice": choice])
        #expect(response.status == .created, "\(response.text)")
        return try #require(response.string("confirmationCode"))
    }

    /// A whole ballot: check-in, encrypt, cast; returns the code.
    static func vote(_ client: some TestClientProtocol, _ fixture: ServerFixture, voter: String, choice: String = "yes",
                     station: String = "A-1") async throws -> String {
        let session = try await checkIn(client, fixture, voter: voter, station: station)
        let code = try await encrypt(client, fixture, session, choice: choice, station: station)
        let cast = try await client.send(.post, "/api/v1/station/sessions/\(session)/cast", token: fixture.tokens["station:\(station)"])
        #expect(cast.status == .ok, "\(cast.text)")
        #expect(cast.string("status") == "cast")
        return code
    }

    @Test("cast, challenge, revote; the tracker says received until the count, then cast or superseded")
    func castChallengeRevote() async throws {
        let fixture = try await ServerFixture.open()
        try await fixture.application.test(.router) { client in
            let station = fixture.tokens["station:A-1"]
            let first = try await Self.vote(client, fixture, voter: "a1", choice: "yes")

            // Challenge: the ballot is opened and shows what the device encrypted.
            let session = try await Self.checkIn(client, fixture, voter: "a1")
            let challengedCode = try await Self.encrypt(client, fixture, session, choice: "no")
            let challenged = try await client.send(.post, "/api/v1/station/sessions/\(session)/challenge", token: station)
            #expect(challenged.status == .ok)
            #expect(challenged.string("choice") == "no")
            #expect(challenged.string("nonce")?.count == 64)
            // A challenged ballot is never cast.
            let reuse = try await client.send(.post, "/api/v1/station/sessions/\(session)/cast", token: station)
            #expect(reuse.status == .conflict)
            #expect(reuse.string("error")?.contains("challenged") == true, "\(reuse.text)")
            // The voter votes again in the same session: a revote of a1.
            let second = try await Self.encrypt(client, fixture, session, choice: "no")
            let cast = try await client.send(.post, "/api/v1/station/sessions/\(session)/cast", token: station)
            #expect(cast.status == .ok)
            // A retried cast (lost answer) gets the same answer; the session is then over.
            let again = try await client.send(.post, "/api/v1/station/sessions/\(session)/cast", token: station)
            #expect(again.status == .ok && again.string("confirmationCode") == second)

            // While the polls are open, both of a1's cast ballots are only "received".
            for code in [first, second] {
                let answer = try await client.send(.get, "/api/v1/tracker/\(code)")
                #expect(answer.status == .ok)
                #expect(answer.string("status") == "received", "\(answer.text)")
            }
            #expect(try await client.send(.get, "/api/v1/tracker/\(challengedCode)").string("status") == "challenged")
            let missing = try await client.send(.get, "/api/v1/tracker/" + String(repeating: "0", count: 64))
            #expect(missing.status == .notFound && missing.string("status") == "not-found")
            let malformed = try await client.send(.get, "/api/v1/tracker/12345")
            #expect(malformed.status == .badRequest && malformed.string("error")?.contains("64 hexadecimal") == true)

            // After the count, the published status.
            fixture.clock.set(SmallReferendum.afterVoting)
            try await fixture.components.engine.close()
            try await fixture.components.engine.count()
            #expect(try await client.send(.get, "/api/v1/tracker/\(first)").string("status") == "superseded")
            #expect(try await client.send(.get, "/api/v1/tracker/\(second)").string("status") == "cast")
        }
    }

    @Test("refusals: 4xx with a message, and nothing stored")
    func refusals() async throws {
        let fixture = try await ServerFixture.open()
        try await fixture.application.test(.router) { client in
            let station = fixture.tokens["station:A-1"]
            let before = try await fixture.snapshot()
            func expect(_ response: TestResponse, _ status: HTTPResponse.Status, _ words: String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
                #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
                #expect(response.string("error")?.contains(words) == true, "\(response.text)", sourceLocation: sourceLocation)
            }
            expect(try await client.send(.post, "/api/v1/station/check-in", token: station, text: "{not json"),
                   .badRequest, "JSON body")
            expect(try await client.send(.post, "/api/v1/station/check-in", token: station, json: ["device": "A-1-B1"]),
                   .badRequest, "missing field credential")
            expect(try await client.send(.post, "/api/v1/station/check-in", token: station,
                                         json: ["device": "A-1-B1", "credential": "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF"]),
                   .unprocessableContent, "not on the register")
            expect(try await client.send(.post, "/api/v1/station/check-in", token: station,
                                         json: ["device": "A-1-B1", "credential": fixture.cards["b1"]!]),
                   .unprocessableContent, "does not serve voters of beta")
            expect(try await client.send(.post, "/api/v1/station/check-in", token: station,
                                         json: ["device": "B-1-B1", "credential": fixture.cards["a1"]!]),
                   .unprocessableContent, "not a device of A-1")
            expect(try await client.send(.post, "/api/v1/station/check-in", token: station,
                                         json: ["device": "A-1-B1", "credential": fixture.cards["a1"]!, "station": "B-1"]),
                   .forbidden, "this token is for station A-1")
            expect(try await client.send(.post, "/api/v1/station/check-in", token: fixture.tokens["station:EXT"],
                                         json: ["device": "EXT-B1", "credential": fixture.cards["a1"]!]),
                   .unprocessableContent, "external stations are for displaced voters")
            expect(try await client.send(.post, "/api/v1/station/sessions/nope/encrypt", token: station, json: ["choice": "yes"]),
                   .notFound, "no voter session")

            let session = try await Self.checkIn(client, fixture, voter: "a2")
            expect(try await client.send(.post, "/api/v1/station/sessions/\(session)/encrypt", token: station, json: ["choice": "maybe"]),
                   .unprocessableContent, "maybe is not an option")
            expect(try await client.send(.post, "/api/v1/station/sessions/\(session)/cast", token: station),
                   .conflict, "encrypt a choice first")
            // Another station's token cannot use the session.
            expect(try await client.send(.post, "/api/v1/station/sessions/\(session)/encrypt", token: fixture.tokens["station:B-1"],
                                         json: ["choice": "yes"]), .notFound, "no voter session")
            #expect(try await fixture.snapshot() == before.replacingOccurrences(of: "[:]", with: "[\"A-1\": [\"A-1-B1\"]]"))

            // Outside the window.
            fixture.clock.set(SmallReferendum.afterVoting)
            expect(try await client.send(.post, "/api/v1/station/check-in", token: station,
                                         json: ["device": "A-1-B1", "credential": fixture.cards["a1"]!]),
                   .conflict, "voting in alpha is open from")
            // The failed requests stored no ballot.
            #expect(try await fixture.components.engine.store.summaries().isEmpty)
        }
    }

    @Test("a mobile box: a visit is logged, a ballot taken on it, the visit closed; observers see it")
    func mobileBox() async throws {
        let fixture = try await ServerFixture.open()
        try await fixture.application.test(.router) { client in
            let station = fixture.tokens["station:A-1"]
            let visitBody = #"{"station":"A-1-M","request":"phone call 10:02","officials":["O. One","O. Two"],"observers":["Observer X"]}"#
            let visit = try await client.send(.post, "/api/v1/station/visits", token: station, text: visitBody)
            #expect(visit.status == .created, "\(visit.text)")
            let visitId = try #require(visit.string("id"))
            // Without the visit, a ballot at the box is refused.
            let withoutVisit = try await client.send(.post, "/api/v1/station/check-in", token: station,
                                                     json: ["device": "A-1-M-T1", "credential": fixture.cards["a4"]!, "station": "A-1-M"])
            #expect(withoutVisit.status == .conflict && withoutVisit.string("error")?.contains("needs an open visit") == true)
            let checkIn = try await client.send(.post, "/api/v1/station/check-in", token: station,
                                                json: ["device": "A-1-M-T1", "credential": fixture.cards["a4"]!, "station": "A-1-M", "visit": visitId])
            #expect(checkIn.status == .created, "\(checkIn.text)")
            let session = try #require(checkIn.string("session"))
            let code = try await Self.encrypt(client, fixture, session)
            #expect(try await client.send(.post, "/api/v1/station/sessions/\(session)/cast", token: station).status == .ok)
            let returned = try await client.send(.post, "/api/v1/station/visits/\(visitId)/return", token: station)
            #expect(returned.status == .ok && returned.object["returnedAt"] != nil)
            let log = try await client.send(.get, "/api/v1/observer/mobile-visits", token: fixture.tokens["observer"])
            let visits = try #require(try JSONSerialization.jsonObject(with: Data(log.text.utf8)) as? [[String: Any]])
            #expect(visits.count == 1)
            #expect((visits.first?["ballotIds"] as? [String])?.count == 1)
            #expect((visits.first?["observers"] as? [String]) == ["Observer X"])
            let board = try await client.send(.get, "/api/v1/observer/ballots", token: fixture.tokens["observer"])
            #expect(board.text.contains(code) && !board.text.contains("pseudonym"))
        }
    }
}

/// The same API over the stores on disk: SQLite always, PostgreSQL under CI or when named.
@Suite("Station API on SQLite and PostgreSQL")
struct StoresAPITests {
    @Test("vote, challenge, track, revoke a token", arguments: DatabaseKind.enabled)
    func onStore(kind: DatabaseKind) async throws {
        try await kind.withDatabase { database in
            try await DatabaseKind.withStore(database) { store in
                let fixture = try await ServerFixture.open(store: store, tokens: store)
                try await fixture.application.test(.router) { client in
                    let code = try await CastingAPITests.vote(client, fixture, voter: "a1", choice: "no")
                    let session = try await CastingAPITests.checkIn(client, fixture, voter: "b1", station: "B-1")
                    _ = try await CastingAPITests.encrypt(client, fixture, session, station: "B-1")
                    let opened = try await client.send(.post, "/api/v1/station/sessions/\(session)/challenge", token: fixture.tokens["station:B-1"])
                    #expect(opened.string("choice") == "yes")
                    #expect(try await client.send(.get, "/api/v1/tracker/\(code)").string("status") == "received")
                    let stored = try await store.entry(confirmationCode: try TrackerAnswer.parse(code))
                    #expect(stored?.status == .cast)
                    // Revoking a station's token ends its sessions and shuts it out.
                    let tokens = try await client.send(.get, "/api/v1/admin/tokens", token: fixture.tokens["admin"])
                    let list = try #require(try JSONSerialization.jsonObject(with: Data(tokens.text.utf8)) as? [[String: Any]])
                    let id = try #require(list.first { $0["role"] as? String == "station:A-1" }?["id"] as? String)
                    #expect(try await client.send(.delete, "/api/v1/admin/tokens/\(id)", token: fixture.tokens["admin"]).status == .ok)
                    let refused = try await client.send(.post, "/api/v1/station/check-in", token: fixture.tokens["station:A-1"],
                                                        json: ["device": "A-1-B1", "credential": fixture.cards["a2"]!])
                    #expect(refused.status == .unauthorized && refused.string("error")?.contains("revoked") == true)
                }
            }
        }
    }
}
