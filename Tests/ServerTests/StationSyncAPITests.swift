import Foundation
import Hummingbird
import HummingbirdTesting
import Referendum
@testable import Server
import Testing

/// The central server's routes for offline stations, through the router: who may use them, and how
/// hostile bodies are refused without a change.
@Suite("Station sync API: package, uploads, the observers' device list")
struct StationSyncAPITests {
    @Test("the package is a station's own, for station tokens only; it names no voter id")
    func package() async throws {
        let fixture = try await ServerFixture.open()
        try await fixture.application.test(.router) { client in
            let response = try await client.send(.get, "/api/v1/station/package", token: fixture.tokens["station:B-1"])
            #expect(response.status == .ok)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let package = try decoder.decode(StationPackage.self, from: Data(response.text.utf8))
            #expect(package.station == "B-1" && package.voters.count == 2 && package.voters.allSatisfy { $0.homeRegion == "beta" })
            #expect(!response.text.contains("\"b1\""))
            #expect(try await client.send(.get, "/api/v1/station/package").status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/station/package", token: fixture.tokens["observer"]).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/station/package", token: fixture.tokens["admin"]).status == .forbidden)
        }
    }

    @Test("hostile uploads get a 4xx naming what is wrong, and change nothing")
    func hostileUploads() async throws {
        let fixture = try await ServerFixture.open()
        let before = try await fixture.snapshot()
        let token = fixture.tokens["station:A-1"]
        try await fixture.application.test(.router) { client in
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("", .badRequest, "JSON body"),
                ("{\"devices\": [{\"device\": \"A-1-B1\"}]}", .badRequest, "stationLength"),
                ("{\"devices\": [{\"device\": \"B-1-B1\", \"stationLength\": 0, \"ballots\": []}], \"visits\": []}", .forbidden, "B-1"),
                ("{\"devices\": [{\"device\": \"A-1-B1\", \"stationLength\": -1, \"ballots\": []}], \"visits\": []}", .unprocessableContent, "stationLength"),
                ("{\"devices\": [{\"device\": \"NOPE\", \"stationLength\": 0, \"ballots\": []}], \"visits\": []}", .unprocessableContent, "device"),
                ("{\"devices\": [], \"visits\": [{\"id\": \"V1\", \"stationId\": \"A-1\", \"requestedAt\": \"2026-09-02T07:00:00Z\", \"request\": \"x\", \"officials\": [\"o\"], \"observers\": [], \"departedAt\": \"2026-09-02T07:00:00Z\", \"ballotIds\": []}]}", .forbidden, "A-1"),
            ]
            for (body, status, mention) in cases {
                let response = try await client.send(.post, "/api/v1/station/uploads", token: token, text: body,
                                                     headers: [.contentType: "application/json"])
                #expect(response.status == status, "\(body.prefix(60)): \(response.text)")
                #expect(response.text.contains(mention), "\(response.text)")
            }
            let tooMany = StationUpload(devices: (0..<65).map { .init(device: "A-1-D\($0)", stationLength: 0, ballots: []) })
            #expect(try await client.send(.post, "/api/v1/station/uploads", token: token, json: tooMany).status == .unprocessableContent)
            let huge = String(repeating: " ", count: BodyLimit.stationUpload + 10)
            #expect(try await client.send(.post, "/api/v1/station/uploads", token: token, text: huge).status == .contentTooLarge)
            #expect(try await client.send(.post, "/api/v1/station/uploads", token: fixture.tokens["observer"], text: "{}").status == .forbidden)
            // A heads query: answered, and heard for observers.
            let heads = try await client.send(.post, "/api/v1/station/uploads", token: token,
                                              json: StationUpload(devices: [.init(device: "A-1-B1", stationLength: 3, ballots: [])]))
            #expect(heads.status == .ok && heads.text.contains("\"received\":0"), "\(heads.text)")
            let devices = try await client.send(.get, "/api/v1/observer/devices", token: fixture.tokens["observer"])
            #expect(devices.text.contains("\"missing\":3") && devices.text.contains("\"station\":\"A-1\""), "\(devices.text)")
            #expect(try await client.send(.get, "/api/v1/observer/devices", token: token).status == .forbidden)
            let page = try await client.send(.get, "/observer?lang=en", headers: [.cookie: "plebiscite_token=\(fixture.tokens["observer"]!)"])
            #expect(page.text.contains("<tr data-device=\"A-1-B1\"><td>A-1-B1</td><td>A-1</td><td class=\"num\">0</td><td>–</td><td class=\"num\">3</td></tr>"),
                    "the observers' page shows the device, nothing received and 3 still at the station")
        }
        #expect(try await fixture.snapshot() == before)
    }
}
