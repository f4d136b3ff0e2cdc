import ElectionRecord
import Foundation

/// The protocols beside the electronic totals (`referendum/protocols.json`): cell by cell, what the
/// paper says, what the devices said, and every difference; and each region's reported result, the
/// electronic totals plus the paper-only stations.
public enum PaperReport {
    /// Builds the report from decrypted results and the protocols entered.
    public static func compute(setup: ReferendumSetup, results: ReferendumResults, summaries: [CastSummary]) -> RecordedPaper {
        let paper = setup.paper ?? PaperState()
        let definition = setup.definition
        var superseded = [String: Int]()
        for summary in summaries where setup.count?.resolution.supersededBy[summary.ballotId] != nil {
            let station = definition.tallyStation(of: summary.stationId)
            let scope = (setup.count?.merge?.isMerged(station: station, region: summary.region) ?? false)
                ? TallyScope.remainder(region: summary.region) : TallyScope.station(station, region: summary.region)
            superseded[scope.key, default: 0] += 1
        }
        let merge = setup.count?.merge ?? SmallCellMerge(counts: [:], threshold: 1)
        let options = setup.definition.options.map(\.id)
        let electronicProtocols = paper.protocols.filter { $0.mode == .electronic }
        let paperOnly = paper.protocols.filter { $0.mode == .paperOnly }
        var cells = [RecordedPaper.Cell]()

        // Station cells: every published electronic cell and every unmerged electronic protocol.
        var stationCells = [String: (station: String, region: String, electronic: RecordedPaper.Count?)]()
        for row in results.stations {
            stationCells[TallyScope.station(row.id, region: row.region).key] = (row.id, row.region, .init(ballots: row.ballots, votes: row.votes))
        }
        for entry in electronicProtocols where !merge.isMerged(station: entry.station, region: entry.region) && stationCells[entry.cell] == nil {
            stationCells[entry.cell] = (entry.station, entry.region, .init(ballots: 0, votes: Dictionary(uniqueKeysWithValues: options.map { ($0, 0) })))
        }
        for (scope, cell) in stationCells {
            let found = paper.protocolOf(station: cell.station, region: cell.region).map { [$0] } ?? []
            cells.append(self.cell(scope: scope, region: cell.region, stations: [cell.station], protocols: found, complete: !found.isEmpty,
                                   electronic: cell.electronic, superseded: superseded[scope] ?? 0, options: options))
        }
        for remainder in results.remainders {
            let found = remainder.stations.compactMap { paper.protocolOf(station: $0, region: remainder.region) }
            cells.append(cell(scope: TallyScope.remainder(region: remainder.region).key, region: remainder.region, stations: remainder.stations,
                              protocols: found, complete: found.count == remainder.stations.count,
                              electronic: .init(ballots: remainder.ballots, votes: remainder.votes),
                              superseded: superseded[TallyScope.remainder(region: remainder.region).key] ?? 0, options: options))
        }
        for entry in paperOnly {
            cells.append(cell(scope: RecordedPaper.paperOnlyScope(station: entry.station, region: entry.region), region: entry.region,
                              stations: [entry.station], protocols: [entry], complete: true, electronic: nil, superseded: 0, options: options))
        }
        cells.sort { $0.scope < $1.scope }

        let regions = results.regions.map { region in
            let extra = paperOnly.filter { $0.region == region.id }
            let paperVotes = votes(of: extra, options: options)
            let paperCount = RecordedPaper.Count(ballots: extra.reduce(0) { $0 + $1.found - $1.setAside }, votes: paperVotes)
            let electronic = RecordedPaper.Count(ballots: region.ballots, votes: region.votes)
            return RecordedPaper.Region(region: region.id, electronic: electronic, paperOnly: paperCount,
                                        reported: .init(ballots: electronic.ballots + paperCount.ballots,
                                                        votes: electronic.votes.merging(paperVotes, uniquingKeysWith: +)))
        }
        func published(_ entry: StationProtocol) -> Bool { entry.mode == .paperOnly || !merge.isMerged(station: entry.station, region: entry.region) }
        return RecordedPaper(protocols: paper.protocols.filter(published).sorted { $0.cell < $1.cell },
                             replaced: paper.replaced.filter(published), cells: cells, regions: regions)
    }

    /// The protocols' votes summed, option by option.
    static func votes(of protocols: [StationProtocol], options: [String]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: options.map { option in (option, protocols.reduce(0) { $0 + ($1.votes[option] ?? 0) }) })
    }

    /// One cell: the protocols' sum (when every station of the cell sent one) against the electronic count.
    /// The paper counted is the envelopes found less those set aside as superseded; it must equal the
    /// electronic count exactly, and the envelopes set aside the cell's superseded ballots.
    static func cell(scope: String, region: String, stations: [String], protocols: [StationProtocol], complete: Bool,
                     electronic: RecordedPaper.Count?, superseded: Int, options: [String]) -> RecordedPaper.Cell {
        guard complete else {
            return .init(scope: scope, region: region, stations: stations, paper: nil, invalid: nil, electronic: electronic,
                         superseded: superseded, differences: [.init(field: "protocol", paper: nil, electronic: electronic?.ballots)],
                         unexplained: true)
        }
        var differences = [RecordedPaper.Difference]()
        let found = protocols.reduce(0) { $0 + $1.found }, issued = protocols.reduce(0) { $0 + $1.issued }
        let setAside = protocols.reduce(0) { $0 + $1.setAside }
        let votes = Self.votes(of: protocols, options: options)
        if let electronic {
            if found - setAside != electronic.ballots {
                differences.append(.init(field: "ballots", paper: found - setAside, electronic: electronic.ballots))
            }
            for option in options where votes[option] != (electronic.votes[option] ?? 0) {
                differences.append(.init(field: "votes.\(option)", paper: votes[option] ?? 0, electronic: electronic.votes[option] ?? 0))
            }
            if setAside != superseded { differences.append(.init(field: "set_aside", paper: setAside, electronic: superseded)) }
        }
        if found > issued { differences.append(.init(field: "issued", paper: found, electronic: issued)) }
        return .init(scope: scope, region: region, stations: stations, paper: .init(ballots: found - setAside, votes: votes),
                     invalid: protocols.reduce(0) { $0 + $1.invalid }, electronic: electronic, superseded: superseded,
                     differences: differences, unexplained: !differences.isEmpty)
    }
}
