import TestSupport
import ElectionGuard
import Foundation
import Testing
@testable import Referendum

@Suite("Small station counts are merged before decryption")
struct SmallCellMergeTests {
    @Test("cells below the threshold join the remainder; the remainder grows by the smallest cells until it reaches it",
          arguments: [
              // (cells of one region, threshold, merged)
              (["A": 30, "B": 25], 10, [String]()),
              (["A": 30, "B": 4, "C": 7], 10, ["B", "C"]),
              (["A": 30, "B": 3, "C": 12, "D": 12], 10, ["B", "C"]),     // 3 alone could be subtracted: C (tie with D, lower id) joins
              (["A": 5, "B": 2], 10, ["A", "B"]),                         // the region is smaller than the threshold
              (["A": 30, "B": 9], 10, ["A", "B"]),                        // only one other cell: it joins too
              (["A": 30, "B": 1], 1, [String]()),                          // threshold 1 publishes every count
              (["A": 30, "B": 0], 10, [String]()),                         // an empty cell is not a count
          ])
    func merge(cells: [String: Int], threshold: Int, merged: [String]) {
        let merge = SmallCellMerge(counts: ["r": cells], threshold: threshold)
        #expect(merge.merged["r"] ?? [] == merged)
        let remainder = merged.reduce(0) { $0 + cells[$1]! }
        #expect(merged.isEmpty || remainder >= threshold || remainder == cells.values.reduce(0, +),
                "a remainder is at least the threshold unless it is the whole region")
        for (station, count) in cells where count > 0 && !merged.contains(station) {
            #expect(count >= threshold)
            #expect(merge.scope(station: station, region: "r") == .station(station, region: "r"))
        }
        for station in merged { #expect(merge.scope(station: station, region: "r") == .remainder(region: "r")) }
    }

    @Test("a definition's threshold: 10 by default, 1 to 1000 when given")
    func threshold() throws {
        #expect(try ReferendumDefinition.parse(SmallReferendumText.mergingYAML).cellThreshold == 10)
        #expect(try ReferendumDefinition.parse(SmallReferendumText.yaml).cellThreshold == 1)
        for bad in ["0", "1001", "-3"] {
            let yaml = SmallReferendumText.yaml.replacingOccurrences(of: "minimum_cell_ballots: 1", with: "minimum_cell_ballots: \(bad)")
            #expect(throws: ReferendumError.self) { try ReferendumDefinition.parse(yaml) }
        }
    }

    @Test("with the default threshold, the count decrypts only region remainders, and results and the station CSV say which stations")
    func countWithMerging() async throws {
        let running = try await SmallReferendum.open(seed: 12, yaml: SmallReferendumText.mergingYAML)
        for (voter, choice, station) in [("a1", "no", "A-1"), ("a2", "yes", "A-1"), ("a3", "yes", "EXT"), ("b1", "yes", "B-1"), ("b2", "no", "EXT")] {
            var generator = SeededGenerator(seed: UInt64(voter.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
            let session = try await running.desk.checkIn(credential: running.cards[voter]!, stationId: station)
            _ = try await running.desk.cast(try await running.desk.encrypt(session, choice: choice, deviceId: "\(station)-d1", using: &generator))
        }
        running.clock.set(SmallReferendum.afterVoting)
        try await running.engine.close()
        let count = try await running.engine.count()
        let scopes = Set(count.totals.map(\.scope.key))
        #expect(scopes == ["region/alpha", "region/beta", "remainder/alpha", "remainder/beta", "all"])
        #expect(count.merge?.merged == ["alpha": ["A-1", "EXT"], "beta": ["B-1", "EXT"]])
        var generator = SeededGenerator(seed: 3)
        let decryption = try await running.engine.decrypt(with: [running.secrets[0], running.secrets[1]], using: &generator)
        let values = Dictionary(uniqueKeysWithValues: zip(count.totals, decryption.values).map { ("\($0.scope.key)#\($0.option)", $1.value) })
        #expect(values["remainder/alpha#yes"] == 2 && values["remainder/alpha#no"] == 1)
        #expect(values["remainder/beta#yes"] == 1 && values["remainder/beta#no"] == 1)
        let setup = try await running.engine.setup()
        let results = try ReferendumResults.compute(setup: setup, register: try await running.engine.store.registerCounts(),
                                                    summaries: try await running.engine.store.summaries())
        #expect(results.stations.isEmpty, "no station count of one or two voters is published")
        try #require(results.remainders.map(\.region) == ["alpha", "beta"])
        #expect(results.remainders[0].stations == ["A-1", "EXT"] && results.remainders[0].ballots == 3)
        #expect(results.remainders[0].votes == ["yes": 2, "no": 1])
        #expect(results.stationCSV.contains("\nalpha,merged,merged,,3,0,2,1\n"), "EXT lists no voters, so neither does the remainder")
    }
}
