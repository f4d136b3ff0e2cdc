import ElectionRecord
import Foundation
import Hummingbird
import HummingbirdTesting
import Referendum
import Testing
import TestSupport
@testable import Server

@Suite("Paper through the server: protocols, envelopes, the audit, and its pages")
struct PaperAPITests {
    static let protocolYAML = """
        station: B-1
        region: beta
        received: 10
        issued: 1
        spoiled: 0
        unused: 9
        stationary: 1
        mobile: 0
        found: 1
        votes: {yes: 0, no: 1}
        invalid: 0
        signed_by: [Chair]
        """

    @Test("protocols: admin only, refused while open (409) and out of shape (422 naming line and field), changing nothing; then entered, listed, and an audit started and entered through the API")
    func protocolsAndAudit() async throws {
        let fixture = try await ServerFixture.open(seed: 7)
        try await fixture.application.test(.router) { client in
            let admin = fixture.tokens["admin"]
            #expect(try await client.send(.post, "/api/v1/admin/protocols", token: fixture.tokens["observer"], text: Self.protocolYAML).status == .forbidden)
            let early = try await client.send(.post, "/api/v1/admin/protocols", token: admin, text: Self.protocolYAML)
            #expect(early.status == .conflict, "\(early.text)")
            _ = try await CastingAPITests.vote(client, fixture, voter: "b1", choice: "no", station: "B-1")
            fixture.clock.set(SmallReferendum.afterVoting)
            #expect(try await client.send(.post, "/api/v1/admin/lifecycle/close", token: admin).status == .ok)
            let before = try await fixture.snapshot()
            let broken = try await client.send(.post, "/api/v1/admin/protocols", token: admin,
                                               text: Self.protocolYAML.replacingOccurrences(of: "issued: 1", with: "issued: lots"))
            #expect(broken.status == .unprocessableContent && broken.text.contains("issued"), "\(broken.text)")
            let relation = try await client.send(.post, "/api/v1/admin/protocols", token: admin,
                                                 text: Self.protocolYAML.replacingOccurrences(of: "unused: 9", with: "unused: 8"))
            #expect(relation.status == .unprocessableContent && relation.text.contains("received = issued + unused + spoiled"))
            #expect(try await fixture.snapshot() == before, "refused protocols change nothing")
            let entered = try await client.send(.post, "/api/v1/admin/protocols", token: admin, text: Self.protocolYAML)
            #expect(entered.status == .created, "\(entered.text)")
            #expect(try await client.send(.post, "/api/v1/admin/lifecycle/count", token: admin).status == .ok)
            let envelopes = try await client.send(.get, "/api/v1/admin/envelopes", token: admin)
            #expect(envelopes.status == .ok && envelopes.text == "[]", "nobody revoted: \(envelopes.text)")
            // The audit cannot start before decryption.
            let tooEarly = try await client.send(.post, "/api/v1/admin/audit", token: admin, json: ["seed": "12345"])
            #expect(tooEarly.status == .conflict)
            var generator = SeededGenerator(seed: 2)
            _ = try await fixture.components.engine.decrypt(with: Array(fixture.secrets.prefix(2)), using: &generator)
            fixture.components.caches.invalidate()
            #expect(try await client.send(.get, "/api/v1/protocols").status == .ok)
            #expect(try await client.send(.get, "/api/v1/audit").status == .notFound)
            let badSeed = try await client.send(.post, "/api/v1/admin/audit", token: admin, json: ["seed": "1 2; drop"])
            #expect(badSeed.status == .unprocessableContent && badSeed.text.contains("seed"))
            let started = try await client.send(.post, "/api/v1/admin/audit", token: admin, json: ["seed": "12345", "method": "batch-comparison"])
            #expect(started.status == .created, "\(started.text)")
            let audit = try await client.send(.get, "/api/v1/audit")
            #expect(audit.status == .ok && audit.text.contains("\"seed\" : \"12345\"") || audit.text.contains("\"seed\":\"12345\""), "\(audit.text)")
            // One ballot per region cannot be sampled: each region calls for a full hand count, entered per batch.
            let beta = try await client.send(.post, "/api/v1/admin/audit/beta/hand-count", token: admin,
                                             text: "- {batch: station/B-1/beta, ballots: 1, votes: {yes: 0, no: 1}}\n")
            #expect(beta.status == .ok && beta.text.contains("hand-counted"), "\(beta.text)")
            let wrong = try await client.send(.post, "/api/v1/admin/audit/beta/round", token: admin, text: "[]")
            #expect(wrong.status == .unprocessableContent)
            // The board's form goes to the same engine call: its encoded fields decode, and the refusal is the engine's.
            let form = "region=beta&ballots.station%2FB-1%2Fbeta=1&votes.station%2FB-1%2Fbeta.yes=0&votes.station%2FB-1%2Fbeta.no=1"
            let board = try await client.send(.post, "/audit/board?lang=en", token: admin, text: form,
                                              headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(board.status == .unprocessableContent && board.text.contains("no round waits for counts"), "\(board.status) \(board.text.prefix(300))")
        }
    }

    @Test("the audit pages in three languages: public progress for anyone, the board's form for an admin only")
    func pages() async throws {
        let fixture = try await ServerFixture.open(seed: 8)
        try await fixture.application.test(.router) { client in
            for (language, words) in [("en", "No audit has started yet."), ("uk", "Аудит ще не розпочато."), ("ru", "Аудит ещё не начат.")] {
                let page = try await client.send(.get, "/audit?lang=\(language)")
                #expect(page.status == .ok && page.text.contains(words), "\(language)")
            }
            let board = try await client.send(.get, "/audit/board")
            #expect(board.status == .seeOther || board.status == .found, "\(board.status)")
            #expect(board.headers[.location]?.contains("/login?next=/audit/board") == true)
            let posted = try await client.send(.post, "/audit/board", token: fixture.tokens["observer"], text: "region=alpha")
            #expect(posted.headers[.location]?.contains("/login") == true)
        }
    }
}
