import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Referendum
@testable import Server
import Testing

/// The observers' stream, the pages in three languages, metrics, and what the logs never hold.
@Suite("Observers, pages, metrics, logs")
struct ObserverAndPagesTests {
    @Test("the turnout stream sends an event with the turnout")
    func turnoutStream() async throws {
        let fixture = try await ServerFixture.open()
        let components = ServerComponents(store: fixture.components.engine.store, tokens: fixture.components.tokens,
                                          options: ServerOptions(streamLifetime: .milliseconds(1_500)), clock: fixture.clock)
        try await Application(router: buildRouter(components), logger: quietLogger).test(.router) { client in
            _ = try await CastingAPITests.vote(client, fixture, voter: "a1")
            let stream = try await client.send(.get, "/api/v1/observer/turnout/stream", token: fixture.tokens["observer"])
            #expect(stream.headers[.contentType]?.hasPrefix("text/event-stream") == true)
            let event = try #require(stream.text.components(separatedBy: "\n\n").first { $0.hasPrefix("event: turnout") })
            let json = try #require(event.split(separator: "\n").first { $0.hasPrefix("data: ") }?.dropFirst(6))
            let snapshot = try JSONDecoder.iso8601.decode(TurnoutSnapshot.self, from: Data(json.utf8))
            #expect(snapshot.voters == 1 && snapshot.ballots["cast"] == 1)
            #expect(snapshot.regions.first { $0.id == "alpha" }?.voters == 1)
            #expect(!stream.text.contains("pseudonym"))
        }
    }

    @Test("pages render in Ukrainian, Russian and English", arguments: ["uk", "ru", "en"])
    func pages(language: String) async throws {
        let fixture = try await ServerFixture.open()
        try await fixture.application.test(.router) { client in
            let code = try await CastingAPITests.vote(client, fixture, voter: "a1")
            let words = Localization.strings(language)
            for path in ["/", "/tracker", "/results", "/login?next=/booth"] {
                let page = try await client.send(.get, "\(path)\(path.contains("?") ? "&" : "?")lang=\(language)")
                #expect(page.status == .ok, "\(path)")
                #expect(page.text.contains("<html lang=\"\(language)\">"))
                #expect(page.text.contains(words["nav.tracker"]!), "\(path) in \(language)")
                for outside in ["src=\"http", "href=\"http", "url(http", "@import"] {
                    #expect(!page.text.contains(outside), "\(path) loads nothing from elsewhere")
                }
            }
            let tracker = try await client.send(.get, "/tracker?lang=\(language)&code=\(code.grouped.replacingOccurrences(of: " ", with: "+"))")
            #expect(tracker.text.contains("data-status=\"received\"") && tracker.text.contains(String(words["tracker.status.received"]!.prefix(8))))
            let observer = try await client.send(.get, "/observer?lang=\(language)",
                                                 headers: [.cookie: "plebiscite_token=\(fixture.tokens["observer"]!)"])
            #expect(observer.status == .ok && observer.text.contains(words["observer.title"]!) && observer.text.contains("EventSource"))
        }
    }

    @Test("the booth pages: sign in, check in, encrypt, challenge, vote again, cast")
    func boothPages() async throws {
        let fixture = try await ServerFixture.open()
        try await fixture.application.test(.router) { client in
            let login = try await client.send(.post, "/login", text: "token=\(fixture.tokens["station:A-1"]!)&device=A-1-B2&next=%2Fbooth",
                                              headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(login.status == .seeOther && login.headers[.location] == "/booth")
            let badDevice = try await client.send(.post, "/login", text: "token=\(fixture.tokens["station:A-1"]!)&device=B-1-B2&next=%2Fbooth")
            #expect(badDevice.status == .unprocessableContent)
            let cookie: HTTPFields = [.cookie: "plebiscite_token=\(fixture.tokens["station:A-1"]!); plebiscite_device=A-1-B2"]
            let wrong = try await client.send(.post, "/booth/check-in?lang=en", text: "credential=AAAA", headers: cookie)
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("not on the register"))
            let checkedIn = try await client.send(.post, "/booth/check-in?lang=en", text: "credential=\(fixture.cards["a2"]!)", headers: cookie)
            #expect(checkedIn.text.contains("Yes or no?"))
            let session = try #require(checkedIn.text.firstMatch(of: /name="session" value="([0-9a-f]+)"/)?.1)
            let shown = try await client.send(.post, "/booth/encrypt?lang=en", text: "session=\(session)&choice=no", headers: cookie)
            #expect(shown.text.contains("id=\"code\"") && shown.text.contains("id=\"challenge\""))
            let opened = try await client.send(.post, "/booth/challenge?lang=en", text: "session=\(session)", headers: cookie)
            #expect(opened.text.contains("id=\"revealed-choice\">No<"))
            _ = try await client.send(.post, "/booth/encrypt?lang=en", text: "session=\(session)&choice=yes", headers: cookie)
            let cast = try await client.send(.post, "/booth/cast?lang=en", text: "session=\(session)", headers: cookie)
            #expect(cast.status == .ok && cast.text.contains("id=\"cast-done\""))
            // The paper slip: the choice, region and station, and a sheet code that is not the confirmation code.
            #expect(cast.text.contains("id=\"paper-choice\"><strong>Yes</strong>") && cast.text.contains("Alpha · A-1"))
            let sheet = try #require(cast.text.firstMatch(of: /id="paper-sheet">([0-9A-Z]{4}-[0-9A-Z]{4})</)?.1)
            let castCode = try #require(cast.text.firstMatch(of: /id="cast-code">([^<]*)</)?.1)
            #expect(!castCode.replacingOccurrences(of: " ", with: "").contains(sheet.replacingOccurrences(of: "-", with: "")))
            // A retried cast shows the same slip: a second sheet would put two ballots in the box.
            let again = try await client.send(.post, "/booth/cast?lang=en", text: "session=\(session)", headers: cookie)
            #expect(again.text.contains("id=\"paper-sheet\">\(sheet)<"))
            let summaries = try await fixture.components.engine.store.summaries()
            #expect(Set(summaries.map(\.status)) == [.cast, .challenged] && summaries.allSatisfy { $0.stationId == "A-1" })
        }
    }

    @Test("metrics count cast and rejected ballots and time the steps")
    func metrics() async throws {
        let fixture = try await ServerFixture.open()
        try await fixture.application.test(.router) { client in
            _ = try await CastingAPITests.vote(client, fixture, voter: "a1")
            _ = try await client.send(.post, "/api/v1/station/check-in", token: fixture.tokens["station:A-1"],
                                      json: ["device": "A-1-B1", "credential": "NOPE"])
            let text = try await client.send(.get, "/metrics").text
            #expect(text.contains(#"plebiscite_ballots_cast_total{channel="station"} 1"#), "\(text)")
            #expect(text.contains(#"plebiscite_ballots_rejected_total{reason="unknown-credential"} 1"#))
            #expect(text.contains(#"plebiscite_ballot_step_duration_seconds_bucket{step="encrypt""#))
            #expect(text.contains("plebiscite_http_request_duration_seconds_count{route=\"/api/v1/station/sessions/{session}/cast\""))
        }
    }

    @Test("the logs hold no credential, token, nonce or choice")
    func logsHoldNoSecrets() async throws {
        let fixture = try await ServerFixture.open()
        let lines = LogCapture()
        var logger = Logger(label: "test") { _ in lines }
        logger.logLevel = .trace
        try await Application(router: buildRouter(fixture.components), logger: logger).test(.router) { client in
            let session = try await CastingAPITests.checkIn(client, fixture, voter: "a3", station: "EXT")
            _ = try await CastingAPITests.encrypt(client, fixture, session, choice: "no", station: "EXT")
            let opened = try await client.send(.post, "/api/v1/station/sessions/\(session)/challenge", token: fixture.tokens["station:EXT"])
            let nonce = try #require(opened.string("nonce"))
            _ = try await client.send(.post, "/api/v1/admin/tokens", token: fixture.tokens["admin"], json: ["role": "observer"])
            let text = lines.text
            #expect(!text.isEmpty)
            for secret in [fixture.cards["a3"]!, nonce, fixture.tokens["station:EXT"]!, fixture.tokens["admin"]!, "plb_"] {
                #expect(!text.contains(secret), "the log holds \(secret.prefix(8))…")
            }
        }
    }
}

extension JSONDecoder {
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

/// A log handler that keeps every line (message and metadata) in memory.
final class LogCapture: LogHandler, @unchecked Sendable {
    // @unchecked: `storage` is only touched under `lock`.
    private let lock = NSLock()
    private var storage = [String]()
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.withLock { storage.append("\(event.level) \(event.message) \(metadata) \(event.metadata ?? [:])") }
    }

    var text: String { lock.withLock { storage.joined(separator: "\n") } }
}
