import Foundation
import Testing

@testable import Forensics

@Suite("Integer percentages")
struct IntegerPercentagesTests {
    /// The shortcut (one uniform per ratio against its exact probability) must give the count the
    /// distribution of the paper's literal redraw of both binomials; compare the literal procedure's
    /// mean over 400 draws with the exact mean, within four standard errors.
    @Test func shortcutMatchesLiteralRedraws() async {
        let results = SyntheticElection(stations: 400).make(seed: 11)
        var random = Xoshiro256(seed: 5)
        let test = await IntegerPercentages.run(results, draws: 50, random: &random)
        var literal = Xoshiro256(seed: 99)
        let draws = 400
        var total = 0
        let included = results.stations.filter { IntegerPercentages.included($0, leader: 0) }
        for _ in 0..<draws {
            for station in included {
                let issued = literal.binomial(
                    n: station.registered, p: Double(station.turnoutBallots) / Double(station.registered))
                let leader = literal.binomial(n: station.cast, p: Double(station.votes[0]) / Double(station.cast))
                if WholePercent.near(issued, station.registered) || WholePercent.near(leader, station.cast) {
                    total += 1
                }
            }
        }
        let mean = Double(total) / Double(draws)
        #expect(included.count == test.stationsIncluded)
        #expect(abs(mean - test.exactExpected) < 4 * test.exactSD / Double(draws).squareRoot())
        #expect(abs(test.expected - test.exactExpected) < 4 * test.exactSD / 50.0.squareRoot())
    }

    /// Stations whose protocols were rounded to whole percents must show as an excess.
    @Test func roundedProtocolsShowAnExcess() async {
        var results = SyntheticElection(stations: 2000).make(seed: 3)
        let fair = results
        var rounded = 0
        for index in stride(from: 0, to: results.stations.count, by: 10) {
            var station = results.stations[index]
            let percent = (100 * station.votes[0] / station.cast) + 5
            let leader = min(station.cast, Int((Double(percent) / 100 * Double(station.cast)).rounded()))
            guard WholePercent.near(leader, station.cast), !WholePercent.near(station.votes[0], station.cast) else { continue }
            station.votes = [leader, station.cast - leader]
            results.stations[index] = station
            rounded += 1
        }
        var random = Xoshiro256(seed: 8)
        let clean = await IntegerPercentages.run(fair, draws: 100, random: &random)
        let forged = await IntegerPercentages.run(results, draws: 100, random: &random)
        #expect(rounded > 100)
        #expect(abs(clean.zScore) < 3)
        #expect(forged.excess > 0.5 * Double(rounded))
        #expect(forged.excess > 3 * forged.sd)
        #expect(forged.pValue < 0.02)
    }
}
