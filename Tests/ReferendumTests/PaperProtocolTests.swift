import ElectionRecord
import Foundation
import Testing
import TestSupport
import Verifier
@testable import Referendum

@Suite("Station protocols: the paper's hand count beside the electronic totals")
struct PaperProtocolTests {
    static func entry(_ station: String, _ region: String, yes: Int, no: Int, invalid: Int = 0, setAside: Int = 0,
                      mode: StationProtocol.Mode? = nil, extra: Int = 0) -> ProtocolEntry {
        let found = yes + no + invalid + setAside
        return ProtocolEntry(station: station, region: region, mode: mode, received: 20, issued: found, spoiled: 0, unused: 20 - found,
                             stationary: found + extra, mobile: 0, found: found + extra, setAside: setAside, votes: ["yes": yes, "no": no],
                             invalid: invalid, signedBy: ["Chair", "Secretary"])
    }

    /// Casts `choice` for `voter` at `station` on the station's first device.
    static func cast(_ running: SmallReferendum.Running, _ voter: String, _ choice: String, at station: String) async throws {
        var generator = SeededGenerator(seed: UInt64(voter.utf8.reduce(0) { $0 &* 31 &+ Int($1) }) &+ UInt64(choice.count))
        let session = try await running.desk.checkIn(credential: running.cards[voter]!, stationId: station)
        _ = try await running.desk.cast(try await running.desk.encrypt(session, choice: choice, deviceId: "\(station)-d1", using: &generator))
    }

    /// The small referendum voted and closed: a1 yes and a2 no then yes at A-1 (the no superseded),
    /// a3 yes at EXT for alpha, b1 no at B-1; nobody voted electronically at EXT for beta.
    static func closed() async throws -> SmallReferendum.Running {
        let running = try await SmallReferendum.open(seed: 21)
        try await cast(running, "a1", "yes", at: "A-1")
        try await cast(running, "a2", "no", at: "A-1")
        running.clock.set(SmallReferendum.duringVoting.addingTimeInterval(600))
        try await cast(running, "a2", "yes", at: "A-1")
        try await cast(running, "a3", "yes", at: "EXT")
        try await cast(running, "b1", "no", at: "B-1")
        running.clock.set(SmallReferendum.afterVoting)
        try await running.engine.close()
        return running
    }

    @Test("a protocol file names the file, line and field of what is wrong")
    func reading() throws {
        let good = """
            station: A-1
            region: alpha
            received: 20
            issued: 3
            spoiled: 0
            unused: 17
            stationary: 3
            mobile: 0
            found: 3
            votes: {"yes": 2, "no": 1}
            invalid: 0
            signed_by: [Chair]
            """
        #expect(try ProtocolEntry.read(good, file: "p.yaml").first?.found == 3)
        #expect(try ProtocolEntry.read("- \(good.replacingOccurrences(of: "\n", with: "\n  "))", file: "list.yaml").count == 1)
        let cases: [(String, String)] = [
            (good.replacingOccurrences(of: "issued: 3", with: "issued: -3"), "p.yaml:4: issued"),
            (good.replacingOccurrences(of: "found: 3", with: "found: many"), "found"),
            (good.replacingOccurrences(of: "signed_by: [Chair]", with: "signed_by: []"), "signed_by"),
            (good.replacingOccurrences(of: "region: alpha\n", with: ""), "region"),
            (good.replacingOccurrences(of: "votes: {\"yes\": 2, \"no\": 1}", with: "votes: {\"yes\": 20000000, \"no\": 1}"), "votes.yes"),
            ("station: [", "p.yaml"),
            ("", "empty"),
        ]
        for (text, expected) in cases {
            do {
                _ = try ProtocolEntry.read(text, file: "p.yaml")
                Issue.record("accepted: \(text)")
            } catch {
                #expect("\(error)".contains(expected), "\(error) should name \(expected)")
            }
        }
    }

    @Test("protocols are refused before the polls close, for a mobile box, a station not serving the region, a missing option or a broken relation; a refused entry changes nothing")
    func refusals() async throws {
        let running = try await SmallReferendum.open(seed: 22)
        await #expect(throws: ReferendumError.self) { try await running.engine.enterProtocols([Self.entry("A-1", "alpha", yes: 0, no: 0)]) }
        running.clock.set(SmallReferendum.afterVoting)
        try await running.engine.close()
        var missing = Self.entry("A-1", "alpha", yes: 1, no: 1)
        missing.votes = ["yes": 2]
        missing.invalid = 0
        let refused: [(ProtocolEntry, String)] = [
            (Self.entry("A-1-M", "alpha", yes: 1, no: 0), "parent station's protocol"),
            (Self.entry("B-1", "alpha", yes: 1, no: 0), "does not serve region alpha"),
            (Self.entry("NOPE", "alpha", yes: 1, no: 0), "no station NOPE"),
            (missing, "votes.no is missing"),
            (Self.entry("A-1", "alpha", yes: 1, no: 0, extra: 1), "votes + invalid + set_aside = found"),
        ]
        for (entry, message) in refused {
            do {
                // A good protocol first: the whole entry must be refused, the good one too.
                try await running.engine.enterProtocols([Self.entry("B-1", "beta", yes: 0, no: 0), entry])
                Issue.record("accepted \(entry.station)/\(entry.region)")
            } catch let error as ReferendumError {
                #expect("\(error)".contains(message), "\(error)")
            }
        }
        var broken = Self.entry("A-1", "alpha", yes: 1, no: 0)
        broken.received = 21
        await #expect { try await running.engine.enterProtocols([broken]) } throws: { "\($0)".contains("received = issued + unused + spoiled: 21 is not 20") }
        broken = Self.entry("A-1", "alpha", yes: 1, no: 0)
        broken.mobile = 1
        await #expect { try await running.engine.enterProtocols([broken]) } throws: { "\($0)".contains("found = stationary + mobile") }
        #expect(try await running.engine.setup().paper == nil, "nothing entered")
    }

    @Test("the report lists each cell's differences (a superseded ballot's envelope must be set aside), and adds paper-only stations to the reported result; the record's R.6 re-derives it")
    func report() async throws {
        let running = try await Self.closed()
        let engine = running.engine
        // A paper-only station cannot be one whose devices cast ballots for the region.
        await #expect { try await engine.enterProtocols([Self.entry("A-1", "alpha", yes: 2, no: 1, mode: .paperOnly)]) }
            throws: { "\($0)".contains("counting its paper as well would count them twice") }
        _ = try await engine.count()
        // a2's superseded ballot: its envelope code is listed for the commission to set aside unopened.
        let envelopes = try await engine.envelopesToSetAside()
        #expect(envelopes.map { "\($0.station)/\($0.region)" } == ["A-1/alpha"] && envelopes[0].envelopes.count == 1)
        let setup = try await engine.setup()
        let superseded = try #require(setup.count?.resolution.supersededBy.keys.first)
        #expect(envelopes[0].envelopes == [setup.credentials.envelopeCode(ballotId: superseded)])
        // A commission that opened the superseded envelope too: its count is off by it.
        try await engine.enterProtocols([Self.entry("A-1", "alpha", yes: 2, no: 1)])
        // The correction replaces the first protocol, which stays on file.
        try await engine.enterProtocols([
            Self.entry("A-1", "alpha", yes: 2, no: 0, setAside: 1),   // three envelopes, a2's superseded one set aside
            Self.entry("EXT", "alpha", yes: 0, no: 1),          // the paper says no; the device counted yes
            Self.entry("B-1", "beta", yes: 0, no: 1),
            Self.entry("EXT", "beta", yes: 1, no: 0, mode: .paperOnly),
        ])
        var generator = SeededGenerator(seed: 5)
        _ = try await engine.decrypt(with: Array(running.secrets.prefix(2)), using: &generator)
        let report = try await engine.paperReport()
        let cells = Dictionary(uniqueKeysWithValues: report.cells.map { ($0.scope, $0) })
        let a1 = try #require(cells["station/A-1/alpha"])
        #expect(a1.superseded == 1 && a1.paper?.ballots == 2 && a1.electronic?.ballots == 2)
        #expect(a1.differences.isEmpty && !a1.unexplained, "\(a1.differences)")
        let ext = try #require(cells["station/EXT/alpha"])
        #expect(ext.differences.map(\.field) == ["votes.yes", "votes.no"] && ext.unexplained)
        #expect(cells["station/B-1/beta"]?.differences == [])
        #expect(cells["paper/EXT/beta"]?.electronic == nil && cells["paper/EXT/beta"]?.paper?.votes == ["yes": 1, "no": 0])
        let beta = try #require(report.regions.first { $0.region == "beta" })
        #expect(beta.electronic.votes == ["yes": 0, "no": 1] && beta.reported.votes == ["yes": 1, "no": 1] && beta.reported.ballots == 2)
        #expect(report.replaced.count == 1 && report.replaced[0].votes == ["yes": 2, "no": 1])
        // Had the first protocol stood, the report would show the unset-aside envelope.
        let opened = PaperReport.cell(scope: "station/A-1/alpha", region: "alpha", stations: ["A-1"], protocols: [report.replaced[0]], complete: true,
                                      electronic: a1.electronic, superseded: 1, options: ["yes", "no"])
        #expect(opened.differences.map(\.field) == ["ballots", "votes.no", "set_aside"] && opened.unexplained)

        try await engine.certify(by: ["Commission"], statement: "test")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plebiscite-paper-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await RecordPublisher.publish(engine, to: path)
        let verified = try await Verifier.verify(recordAt: path)
        #expect(verified.checks.first { $0.id == .r6 }?.status == .passed, "\(verified.failures)")
        #expect(verified.passed, "\(verified.failures)")

        // A protocol altered in the record fails R.6, naming the file.
        let file = URL(fileURLWithPath: path).appendingPathComponent("referendum/protocols.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        let altered = text.replacingOccurrences(of: "\"found\" : 3", with: "\"found\" : 4")
        #expect(altered != text)
        try altered.write(to: file, atomically: true, encoding: .utf8)
        let failed = try await Verifier.verify(recordAt: path)
        let r6 = try #require(failed.failures.first { $0.id == .r6 })
        #expect(r6.status == .failed && failed.failures.allSatisfy { $0.id == .r6 })
    }
}
