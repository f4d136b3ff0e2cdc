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
        let stationSum = outcome.results.stations.reduce(0) { $0 + $1.ballots }
        #expect(stationSum == outcome.results.totalBallots, "station results add up to the total")
        #expect(outcome.results.regions.reduce(0) { $0 + $1.ballots } == outcome.results.totalBallots)
    }
}
