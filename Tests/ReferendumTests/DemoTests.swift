import ElectionGuard
import ElectionRecord
import Demo
import Foundation
import Testing
@testable import Referendum

@Suite("The demo scenario, end to end")
struct DemoTests {
    static func fourRegions() throws -> ReferendumDefinition {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/four-regions.yaml")
        return try ReferendumDefinition.load(contentsOf: url)
    }

    @Test("the scenario has displaced voters, mobile ballots overridden at a station, and challenges")
    func scenario() throws {
        let scenario = DemoScenario(definition: try Self.fourRegions(), voters: 3_000, seed: 42)
        let external = Set(scenario.definition.stations.filter { $0.kind == .external }.map(\.id))
        let mobile = Set(scenario.definition.stations.filter { $0.kind == .mobile }.map(\.id))
        #expect(scenario.actions.contains { external.contains($0.station) })
        let mobileVoters = Set(scenario.actions.filter { mobile.contains($0.station) }.map(\.voterId))
        let overridden = scenario.actions.filter { mobileVoters.contains($0.voterId) && !mobile.contains($0.station) }
        #expect(!mobileVoters.isEmpty && !overridden.isEmpty)
        #expect(scenario.actions.contains { $0.kind == .challengeThenCast })
        #expect(scenario.expected.values.map { $0.values.reduce(0, +) }.reduce(0, +) > 1_000)
        let again = DemoScenario(definition: try Self.fourRegions(), voters: 3_000, seed: 42)
        #expect(again.actions == scenario.actions, "a seed gives the same scenario")
    }

    @Test("a small demo decrypts to exactly the counts it generated")
    func smallDemo() async throws {
        let scenario = DemoScenario(definition: try Self.fourRegions(), voters: 250, seed: 7)
        let outcome = try await DemoRunner(scenario: scenario, decryptingGuardians: [1, 3, 5], seed: 9).run(store: InMemoryStore())
        #expect(outcome.matchesExpected)
        for region in outcome.results.regions {
            #expect(region.votes == scenario.expected[region.id], "\(region.id)")
        }
        #expect(outcome.setup.state == .certified)
        #expect(outcome.castBallots == scenario.actions.count)
        let stationSum = outcome.results.stations.reduce(0) { $0 + $1.ballots } + outcome.results.remainders.reduce(0) { $0 + $1.ballots }
        #expect(stationSum == outcome.results.totalBallots, "station results and the remainders add up to the total")
        #expect(outcome.results.stations.allSatisfy { $0.ballots >= 10 }, "no published station count below the default threshold")
        for remainder in outcome.results.remainders {
            let region = try #require(outcome.results.regions.first { $0.id == remainder.region })
            #expect(remainder.ballots >= 10 || remainder.ballots == region.ballots, "a remainder under 10 is its whole region")
        }
        #expect(outcome.results.regions.reduce(0) { $0 + $1.ballots } == outcome.results.totalBallots)
    }

    @Test("the published record reads back: egk files, tally, and a station CSV that sums to the totals")
    func publish() async throws {
        let scenario = DemoScenario(definition: try Self.fourRegions(), voters: 120, seed: 11)
        let store = InMemoryStore()
        let outcome = try await DemoRunner(scenario: scenario, decryptingGuardians: [2, 4, 5], seed: 3).run(store: store)
        let engine = ReferendumEngine(store: store, clock: ManualClock(Date()))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plebiscite-publish-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let summary = try await RecordPublisher.publish(engine, to: path)
        #expect(try await store.state() == .published)
        let record = try ElectionRecordDirectory(root: path)
        let config = try record.config()
        let initialized = try record.initialized()
        #expect(initialized.extendedBaseHash == outcome.setup.election!.extendedBaseHash)
        #expect(config.chainConfirmationCodes)
        var files = 0
        for device in try record.devices() { files += Array(try record.ballotFiles(device: device)).count }
        #expect(files == summary.ballots)
        let tally = try record.tally()
        for contest in tally.contests {
            for selection in contest.selections {
                let option = outcome.setup.definition.option(region: contest.contestId, selectionId: selection.selectionId)!
                #expect(selection.tally == scenario.expected[contest.contestId]![option], "\(contest.contestId) \(option)")
            }
        }
        // The station CSV adds up to the published totals, option by option.
        let root = URL(fileURLWithPath: path)
        let rows = try ReferendumRecord.readCSV(.stations, in: root, header: ["region", "station", "kind", "registered", "ballots", "mobile_ballots", "yes", "no"])
        let totals = try ReferendumRecord.read([RecordedTotal].self, .totals, in: root)
        for option in ["yes", "no"] {
            let column = option == "yes" ? 6 : 7
            let csvSum = rows.reduce(0) { $0 + Int($1.fields[column])! }
            #expect(csvSum == totals.first { $0.scope == "all" && $0.option == option }!.value, "stations.csv \(option)")
        }
        let ballotRows = try ReferendumRecord.readCSV(.ballots, in: root, header: BallotRow.header).map { try BallotRow(fields: $0.fields, line: $0.line) }
        #expect(ballotRows.count == summary.ballots)
        #expect(ballotRows.filter { $0.status == .counted }.count == outcome.results.totalBallots)
        // No secret in the record: no credential code, no voter id.
        let register = try String(contentsOf: root.appendingPathComponent("referendum/register.csv"), encoding: .utf8)
        #expect(!register.contains("V0000001"))
        #expect(!outcome.cards.contains { register.contains($0.credential) })

        // A voter finds their code in the record, with what happened to the ballot and its file.
        for status in BallotRow.Status.allCases {
            guard let row = ballotRows.first(where: { $0.status == status }) else { continue }
            let typed = stride(from: 0, to: 64, by: 4).map { index -> String in
                let start = row.confirmationCode.index(row.confirmationCode.startIndex, offsetBy: index)
                return String(row.confirmationCode[start..<row.confirmationCode.index(start, offsetBy: 4)]).lowercased()
            }.joined(separator: " ")
            let code = try #require(ConfirmationCodeLookup.normalize(typed))
            let matches = try ConfirmationCodeLookup.find(code, inRecordAt: path)
            #expect(matches.map(\.row) == [row], "\(status)")
            #expect(matches.first?.fileAgrees == true, "\(status)")
        }
        #expect(ConfirmationCodeLookup.normalize("12 34") == nil)
        #expect(try ConfirmationCodeLookup.find(String(repeating: "0", count: 64), inRecordAt: path).isEmpty)
        // A ballot file whose code was changed no longer agrees with its row.
        let counted = try #require(ballotRows.first { $0.status == .counted })
        let file = root.appendingPathComponent(try BallotFile(device: counted.device, ballotId: counted.ballotId).path)
        let original = try String(contentsOf: file, encoding: .utf8)
        let replacement = String(repeating: "A", count: 64)
        try original.replacingOccurrences(of: counted.confirmationCode, with: replacement, options: .caseInsensitive)
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try ConfirmationCodeLookup.find(counted.confirmationCode, inRecordAt: path).first?.fileAgrees == false)
    }
}
