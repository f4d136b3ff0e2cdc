import Foundation
@testable import Referendum
@testable import Server
import Testing

/// The server's pieces without HTTP: roles, languages, voter sessions, the chart.
@Suite("Server parts")
struct PartsTests {
    @Test("roles parse from their written form, and nothing else does")
    func roles() throws {
        #expect(try Role(parsing: "admin") == .admin)
        #expect(try Role(parsing: "station:A-1") == .station("A-1"))
        #expect(try Role(parsing: "guardian:g:1") == .guardian("g:1"))
        for bad in ["", "root", "station", "station:", "admin:x", "observer:1"] {
            #expect(throws: APIError.self) { try Role(parsing: bad) }
        }
    }

    @Test("the language: query, then cookie, then Accept-Language, then Ukrainian")
    func languages() {
        #expect(Localization.language(query: "ru", cookie: "en", acceptLanguage: "uk") == "ru")
        #expect(Localization.language(query: "de", cookie: "en", acceptLanguage: "uk") == "en")
        #expect(Localization.language(query: nil, cookie: nil, acceptLanguage: "de-DE,ru;q=0.8,en;q=0.5") == "ru")
        #expect(Localization.language(query: nil, cookie: nil, acceptLanguage: nil) == "uk")
        let keys = Set(Localization.english.keys)
        #expect(Set(Localization.ukrainian.keys) == keys, "every word in Ukrainian")
        #expect(Set(Localization.russian.keys) == keys, "every word in Russian")
    }

    @Test("voter sessions: one per device, one request at a time, idle ones expire")
    func sessions() async throws {
        let sessions = BoothSessions(idleLifetime: .seconds(60))
        let voter = VoterSession(pseudonym: "p", region: "alpha",
                                 station: ReferendumDefinition.Station(id: "A-1", kind: .regional, serves: ["alpha"], location: "x"))
        let first = try sessions.start(tokenId: "t1", tokenStation: "A-1", device: "A-1-B1", voter: voter, visitId: nil)
        let second = try sessions.start(tokenId: "t1", tokenStation: "A-1", device: "A-1-B1", voter: voter, visitId: nil)
        #expect(sessions.peek(first.id, station: "A-1") == nil, "a new check-in ends the device's session")
        #expect(sessions.peek(second.id, station: "B-1") == nil, "another station cannot see it")
        try await sessions.with(second.id, station: "A-1") { _ in
            await #expect(throws: APIError.self) { try await sessions.with(second.id, station: "A-1") { _ in (nil, ()) } }
            return (nil, ())
        }
        #expect(sessions.expire(now: .now + .seconds(30)) == 0)
        #expect(sessions.expire(now: .now + .seconds(61)) == 1)
        #expect(sessions.openSessions().isEmpty)
    }

    @Test("voter sessions: a check-in never ends another token's device session, and a token has a cap")
    func sessionLimits() throws {
        let sessions = BoothSessions(idleLifetime: .seconds(60), maximumPerToken: 2)
        let voter = VoterSession(pseudonym: "p", region: "alpha",
                                 station: ReferendumDefinition.Station(id: "A-1", kind: .regional, serves: ["alpha"], location: "x"))
        let mine = try sessions.start(tokenId: "t1", tokenStation: "A-1", device: "A-1-B1", voter: voter, visitId: nil)
        #expect(throws: APIError.self, "another token cannot take over A-1-B1") {
            try sessions.start(tokenId: "t2", tokenStation: "A-1", device: "A-1-B1", voter: voter, visitId: nil)
        }
        #expect(sessions.peek(mine.id, station: "A-1") != nil, "the device's session lives on")
        _ = try sessions.start(tokenId: "t1", tokenStation: "A-1", device: "A-1-B2", voter: voter, visitId: nil)
        do {
            _ = try sessions.start(tokenId: "t1", tokenStation: "A-1", device: "A-1-B3", voter: voter, visitId: nil)
            Issue.record("a third session of a token with a cap of 2 was opened")
        } catch let error as APIError {
            #expect(error.status == .tooManyRequests && error.reason == "too-many-sessions")
        }
        // The same device checking in again replaces its own session, within the cap.
        _ = try sessions.start(tokenId: "t1", tokenStation: "A-1", device: "A-1-B2", voter: voter, visitId: nil)
    }

    @Test("the chart escapes region names and draws one line per region with a register")
    func chart() throws {
        let json = #"""
            {"state":"open","at":"2026-09-02T10:00:00Z","voters":3,"registered":5,"ballots":{"cast":3},
             "regions":[{"id":"a","name":{"en":"A"},"registered":4,"voters":3,"turnout":0.75,
                         "timeline":[{"hour":"2026-09-02T07:00:00Z","count":1},{"hour":"2026-09-02T08:00:00Z","count":3}]},
                        {"id":"b","name":{"en":"B"},"registered":0,"voters":0,"timeline":[]}],
             "stations":[]}
            """#
        let snapshot = try JSONDecoder.iso8601.decode(TurnoutSnapshot.self, from: Data(json.utf8))
        let svg = TurnoutChart.svg(snapshot, names: ["a": "<A & co>"])
        #expect(svg.contains("&lt;A &amp; co&gt;") && !svg.contains("<A & co>"))
        #expect(svg.components(separatedBy: "<polyline").count == 2)
    }
}
