import ElectionGuard
import Foundation
import Hummingbird
import HummingbirdTesting
import Referendum
@testable import Server
import Testing

/// A whole referendum through the API: the administrator creates, announces, imports the register,
/// runs the ceremony, issues tokens and opens; stations cast; the polls close and the count runs;
/// guardians upload both rounds (a wrong answer is refused on arrival); the result is decrypted,
/// certified and published, and the record downloads.
@Suite("Administration and guardians: a referendum from draft to published record")
struct LifecycleAPITests {
    @Test("draft to published through the API")
    func wholeReferendum() async throws {
        let clock = ManualClock(SmallReferendum.beforeVoting)
        let tokenStore = InMemoryTokenStore()
        let record = temporaryPath("record")
        let components = ServerComponents(store: InMemoryStore(), tokens: tokenStore, options: ServerOptions(recordDirectory: record), clock: clock)
        var random = SystemRandomNumberGenerator()
        let admin = try await AccessTokens.issue(.admin, label: "commission", setup: nil, store: tokenStore, at: clock.now(), using: &random).token
        try await Application(router: buildRouter(components), logger: quietLogger).test(.router) { client in
            var generator = SystemRandomNumberGenerator()
            func post(_ path: String, json: (any Encodable)? = nil, text: String? = nil, token: String? = admin,
                      sourceLocation: SourceLocation = #_sourceLocation) async throws -> TestResponse {
                let response = try await client.send(.post, path, token: token, json: json, text: text)
                #expect(response.status.code < 300, "\(path): \(response.text)", sourceLocation: sourceLocation)
                return response
            }
            // Stations cannot have tokens before the referendum defines them.
            #expect(try await client.send(.post, "/api/v1/admin/tokens", token: admin, json: ["role": "station:A-1"]).status == .conflict)
            let bad = try await client.send(.post, "/api/v1/admin/referendum", token: admin, text: "id: x\ntitle: 3\n")
            #expect(bad.status == .unprocessableContent && bad.string("error")?.isEmpty == false)
            _ = try await post("/api/v1/admin/referendum", text: SmallReferendum.yaml)
            #expect(try await client.send(.post, "/api/v1/admin/referendum", token: admin, text: SmallReferendum.yaml).status == .conflict)
            _ = try await post("/api/v1/admin/lifecycle/announce")
            let badRegister = try await client.send(.post, "/api/v1/admin/register", token: admin, text: "voter_id,home_region,displaced\nq1,gamma,no\n")
            #expect(badRegister.status == .unprocessableContent && badRegister.string("error")?.contains("unknown region gamma") == true)
            let cards = try await post("/api/v1/admin/register", text: SmallReferendum.register).text
                .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
            let credentials = Dictionary(uniqueKeysWithValues: cards.map { ($0[0], $0[2]) })
            #expect(credentials.count == 6)
            // Opening before the ceremony is refused, naming the state needed.
            let early = try await client.send(.post, "/api/v1/admin/lifecycle/open", token: admin)
            #expect(early.status == .conflict && early.string("error")?.contains("keys-ready") == true)
            // The administrator cannot run the ceremony (no one but a guardian ever holds its key).
            let refused = try await client.send(.post, "/api/v1/admin/lifecycle/ceremony", token: admin)
            #expect(refused.status == .gone && !refused.text.contains("keyShare"))
            var tokens = [String: String]()
            for role in ["station:A-1", "station:B-1", "guardian:guardian1", "guardian:guardian2", "guardian:guardian3", "observer"] {
                tokens[role] = try #require(try await post("/api/v1/admin/tokens", json: ["role": role, "label": "test"]).string("token"))
            }
            // Each guardian, on "its own machine", exchanges public messages through the guardian API.
            func bundle(_ guardian: String) async throws -> CeremonyBundle {
                let text = try await client.send(.get, "/api/v1/guardian/ceremony", token: tokens["guardian:\(guardian)"]).text
                return try JSONDecoder().decode(CeremonyBundle.self, from: Data(text.utf8))
            }
            let first = try await bundle("guardian1")
            var ceremonies = try ["guardian1", "guardian2", "guardian3"].map { try GuardianCeremony.start(first, guardian: $0, using: &generator) }
            // Broken bodies get 400 and change nothing.
            for body in ["{not json", "[{\"kind\":\"secret-key\",\"body\":{}}]", "[{\"kind\":\"reveal\",\"body\":{\"sender\":\"guardian1\",\"receiver\":\"guardian2\",\"value\":\"ZZ\"}}]"] {
                let broken = try await client.send(.post, "/api/v1/guardian/ceremony", token: tokens["guardian:guardian1"], text: body)
                #expect(broken.status == .badRequest, "\(body): \(broken.text)")
            }
            #expect(try await bundle("guardian1").log == CeremonyLog())
            // A guardian cannot speak for another.
            let forged = try await client.send(.post, "/api/v1/guardian/ceremony", token: tokens["guardian:guardian2"],
                                               json: [CeremonyMessage.publicKeys(ceremonies[0].publicKeys)])
            #expect(forged.status == .unprocessableContent, "\(forged.text)")
            for _ in 0..<6 {
                for index in ceremonies.indices {
                    let id = ceremonies[index].id
                    let messages = try ceremonies[index].step(try await bundle(id), using: &generator)
                    if !messages.isEmpty { _ = try await post("/api/v1/guardian/ceremony", json: messages, token: tokens["guardian:\(id)"]) }
                }
            }
            let secrets = ceremonies.compactMap(\.secret)
            #expect(secrets.count == 3)
            #expect(try await components.engine.setup().state == .keysReady)
            #expect(try await components.engine.setup().election?.extendedBaseHash == secrets[0].extendedBaseHash)
            #expect(try await client.send(.post, "/api/v1/admin/tokens", token: admin, json: ["role": "station:NOPE"]).status == .unprocessableContent)
            _ = try await post("/api/v1/admin/lifecycle/open")
            clock.set(SmallReferendum.duringVoting)

            for (voter, station, choice) in [("a1", "A-1", "yes"), ("a2", "A-1", "no"), ("b1", "B-1", "yes"), ("a1", "A-1", "no")] {
                let session = try #require(try await post("/api/v1/station/check-in", json: ["device": "\(station)-B1", "credential": credentials[voter]!],
                                                          token: tokens["station:\(station)"]).string("session"))
                _ = try await post("/api/v1/station/sessions/\(session)/encrypt", json: ["choice": choice], token: tokens["station:\(station)"])
                _ = try await post("/api/v1/station/sessions/\(session)/cast", token: tokens["station:\(station)"])
            }
            let status = try await client.send(.get, "/api/v1/admin/status", token: admin)
            #expect((status.object["ballots"] as? [String: Int])?["cast"] == 4)
            #expect(try await client.send(.get, "/api/v1/results").status == .conflict)

            clock.set(SmallReferendum.afterVoting)
            _ = try await post("/api/v1/admin/lifecycle/close")
            _ = try await post("/api/v1/admin/lifecycle/count")

            // Guardians 1 and 3 decrypt, each on "its own machine" with its key file.
            let targetsJSON = try await client.send(.get, "/api/v1/guardian/targets", token: tokens["guardian:guardian1"]).text
            let totals = try JSONDecoder().decode([EncryptedTotal].self, from: Data(targetsJSON.utf8))
            var nonces = [String: [ElementModQ]]()
            for secret in [secrets[0], secrets[2]] {
                let (round, kept) = GuardianDecryption.round1(secret: secret, totals: totals, using: &generator)
                nonces[secret.id] = kept
                // A guardian cannot upload another's round.
                let other = secret.id == "guardian1" ? "guardian:guardian3" : "guardian:guardian1"
                #expect(try await client.send(.post, "/api/v1/guardian/rounds", token: tokens[other], json: round).status == .forbidden)
                // Partial decryptions naming another coordinate than the round's: 422, and the server goes on.
                let stray = GuardianDecryptionRound(guardianId: round.guardianId, xCoordinate: round.xCoordinate, round: .partials, partials: round.partials.map {
                    PartialDecryption(guardianId: $0.guardianId, xCoordinate: $0.xCoordinate + 1, share: $0.share, commitmentA: $0.commitmentA, commitmentB: $0.commitmentB)
                })
                #expect(try await client.send(.post, "/api/v1/guardian/rounds", token: tokens["guardian:\(secret.id)"], json: stray).status == .unprocessableContent)
                _ = try await post("/api/v1/guardian/rounds", json: round, token: tokens["guardian:\(secret.id)"])
            }
            #expect(try await client.send(.post, "/api/v1/guardian/rounds", token: tokens["guardian:guardian1"], text: "{}").status == .badRequest)
            for secret in [secrets[0], secrets[2]] {
                let challengesJSON = try await client.send(.get, "/api/v1/guardian/challenges", token: tokens["guardian:\(secret.id)"]).text
                let challenges = try JSONDecoder().decode([ElementModQ].self, from: Data(challengesJSON.utf8))
                // A wrong answer (another guardian's nonces) is refused on arrival, naming the guardian.
                let wrong = try GuardianDecryption.round2(secret: secret, nonces: challenges.map { _ in ElementModQ.random(using: &generator) },
                                                          challenges: challenges)
                let refused = try await client.send(.post, "/api/v1/guardian/rounds", token: tokens["guardian:\(secret.id)"], json: wrong)
                #expect(refused.status == .unprocessableContent && refused.string("error")?.contains("guardian \(secret.id)") == true, "\(refused.text)")
                let round = try GuardianDecryption.round2(secret: secret, nonces: nonces[secret.id]!, challenges: challenges)
                _ = try await post("/api/v1/guardian/rounds", json: round, token: tokens["guardian:\(secret.id)"])
            }
            _ = try await post("/api/v1/admin/lifecycle/decrypt")

            let results = try await client.send(.get, "/api/v1/results")
            #expect(results.status == .ok)
            let regions = try #require(results.object["regions"] as? [[String: Any]])
            let alpha = try #require(regions.first { $0["id"] as? String == "alpha" })
            #expect(alpha["votes"] as? [String: Int] == ["yes": 0, "no": 2])
            #expect((results.object["total"] as? [String: Int]) == ["yes": 1, "no": 2])
            let csv = try await client.send(.get, "/api/v1/results/stations.csv").text
            #expect(csv.hasPrefix("region,station,kind") && csv.contains("alpha,A-1,regional,2,2,0,0,2"))

            let certifyEmpty = try await client.send(.post, "/api/v1/admin/lifecycle/certify", token: admin, json: ["by": [String](), "statement": [""]])
            #expect(certifyEmpty.status == .badRequest || certifyEmpty.status == .unprocessableContent)
            _ = try await post("/api/v1/admin/lifecycle/certify", text: #"{"by":["Commission"],"statement":"Certified."}"#)
            #expect(try await client.send(.get, "/record.zip").status == .notFound)
            let published = try await post("/api/v1/admin/lifecycle/publish")
            #expect(published.object["ballots"] as? Int == 4)
            let listing = try await client.send(.get, "/api/v1/record")
            #expect(listing.object["published"] as? Bool == true)
            #expect((listing.object["files"] as? [[String: Any]])?.contains { $0["path"] as? String == "referendum/ballots.csv" } == true)
            let zip = try await client.send(.get, "/record.zip")
            #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip")
            #expect(zip.body.readableBytes > 1_000 && zip.body.getBytes(at: zip.body.readerIndex, length: 2) == [0x50, 0x4B])

            let audit = try await client.send(.get, "/api/v1/observer/audit", token: tokens["observer"])
            #expect((audit.object["history"] as? [Any])?.count == 9)
            #expect((audit.object["decryptionRounds"] as? [Any])?.count == 4)
            #expect(!audit.text.contains("tokenHash") && !audit.text.contains("plb_"))
            let page = try await client.send(.get, "/results?lang=en")
            #expect(page.status == .ok && page.text.contains("Alpha") && page.text.contains("<svg"))
        }
        try? FileManager.default.removeItem(atPath: (record as NSString).deletingLastPathComponent)
    }
}
