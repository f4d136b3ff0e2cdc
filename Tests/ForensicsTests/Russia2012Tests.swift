import Foundation
import Testing

@testable import Forensics

/// Acceptance on the 2012 Russian presidential election (95,415 stations, the zip read directly).
@Suite("Russia 2012: published figures")
struct Russia2012Tests {
    static let loaded = Result {
        try StationResults.read(
            path: Fixtures.path("russia-2012-president-stations.csv.zip"),
            profile: ColumnProfile.load(path: Fixtures.repository("Examples/profiles/russia-2012-president.yaml")),
            skipBadRows: false)
    }

    @Test func officialTotalsAreReproduced() throws {
        let results = try Self.loaded.get()
        let totals = results.totals
        #expect(totals.stations == 95_415)
        #expect(totals.registered == 109_860_331)
        #expect(results.badRows.isEmpty)
        #expect(results.leaderName == "Putin")
        #expect(String(format: "%.2f", totals.turnoutPercent) == "65.34")
        #expect(String(format: "%.2f", totals.leaderPercent) == "63.60")
    }

    /// The authors' figure is an excess of 1,160 stations. The exact null mean needs no draws; the
    /// Monte Carlo mean of 200 draws has a standard error of about 118 / √200 ≈ 8.3, so ± 40 is
    /// almost five standard errors.
    @Test func integerPercentageExcess() async throws {
        let results = try Self.loaded.get()
        var random = Xoshiro256(seed: 2016)
        let test = await IntegerPercentages.run(results, draws: 200, random: &random)
        #expect(test.stationsIncluded == 87_623)
        #expect(test.observed == 18_025)
        #expect(abs(Double(test.observed) - test.exactExpected - 1160) <= 40)
        #expect(abs(test.excess - 1160) <= 40)
        #expect(abs(test.sd - test.exactSD) < 0.2 * test.exactSD)
        #expect(test.pValue == 1.0 / 201)
        #expect(test.zScore > 8)
    }

    /// Clean stations are the majority in 2012, so the clean core is the global mode and the estimate
    /// stays where the classic method put it (about 11.0 million). Per region, a region whose every
    /// station moved up is measured against the national core; one with a clean hump of its own
    /// against that.
    @Test func shpilkinEstimateKeepsTheClassicCore() throws {
        let estimate = ShpilkinEstimate.run(try Self.loaded.get())
        #expect(!estimate.core.belowGlobalMode)
        #expect(estimate.coreTurnoutPercent == 60)
        #expect(abs(Double(estimate.anomalousVotes) - 11.0e6) < 0.05e6)
        #expect(estimate.regions.count == 85)
        let chechnya = try #require(estimate.regions.first { $0.name == "Чеченская Республика" })
        #expect(!chechnya.ownCore && chechnya.correctedSharePercent < 60)
        let tatarstan = try #require(estimate.regions.first { $0.name == "Республика Татарстан (Татарстан)" })
        #expect(tatarstan.ownCore && tatarstan.correctedSharePercent < tatarstan.reportedSharePercent - 5,
                "\(tatarstan)")
        let moscow = try #require(estimate.regions.first { $0.name == "Город Москва" })
        #expect(moscow.ownCore && moscow.correctedSharePercent > moscow.reportedSharePercent - 5)
    }
}
