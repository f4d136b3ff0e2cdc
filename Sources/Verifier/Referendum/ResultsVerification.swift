import ElectionRecord

/// R.5: counted ballots per region never exceed its register, and `results.json` and `stations.csv`
/// agree with the register, the ballot list and the decrypted totals (a region's merged stations as
/// one remainder row, station `merged`).
enum ResultsVerification {
    static let resultsFile = "\(ReferendumRecord.directory)/\(ReferendumRecord.File.results.rawValue)"
    static let stationsFile = "\(ReferendumRecord.directory)/\(ReferendumRecord.File.stations.rawValue)"

    /// What a station's row must say.
    struct StationFigures: Equatable {
        var kind = ""
        var registered: Int?
        var ballots = 0
        var mobileBallots = 0
        var votes = [String: Int]()
    }

    static func run(_ facts: ReferendumFacts, totals: [RecordedTotal], results: PublishedResults,
                    stationRows: [(line: Int, fields: [String])], _ ledger: inout CheckLedger) {
        let options = facts.definition.options.map(\.id)
        var values = [String: [String: Int]]()
        for total in totals { values[total.scope, default: [:]][total.option] = total.value }
        let registered = Dictionary(grouping: facts.voters.values, by: \.region)
        let countedByRegion = Dictionary(grouping: facts.counted, by: \.region)

        for (index, region) in facts.definition.regions.enumerated() {
            let voters = registered[region.id] ?? []
            let counted = countedByRegion[region.id] ?? []
            ledger.check(.r5, counted.count <= voters.count, CheckFailure(
                file: ReferendumFacts.ballotsFile, message: "R.5 \(region.id) has \(counted.count) counted ballots and \(voters.count) registered voters"))
            guard let published = results.regions.first(where: { $0.id == region.id }) else {
                ledger.fail(.r5, CheckFailure(file: resultsFile, field: "regions", message: "R.5 region \(region.id) is missing"))
                continue
            }
            let expected = [
                ("registered", published.registered, voters.count),
                ("displacedRegistered", published.displacedRegistered, voters.filter(\.displaced).count),
                ("ballots", published.ballots, counted.count),
                ("mobileBallots", published.mobileBallots, counted.filter { $0.channel == "mobile" }.count),
            ]
            let electorate = facts.regions[region.id]?.preConflictElectorate
            let shares = [
                ("coverage", published.coverage, ratio(voters.count, electorate)),
                ("turnout", published.turnout, ratio(counted.count, voters.count)),
                ("mobileShare", published.mobileShare, ratio(published.mobileBallots, counted.count)),
            ]
            let wrongShare = published.preConflictElectorate != electorate ? ("preConflictElectorate", 0, 1)
                : shares.first { !same($0.1, $0.2) }.map { ($0.0, 0, 1) }
            let wrong = expected.first { $0.1 != $0.2 } ?? wrongShare
            let votesMatch = published.votes == (values["region/\(region.id)"] ?? [:])
            ledger.check(.r5, wrong == nil && votesMatch, CheckFailure(
                file: resultsFile, field: "regions[\(index)].\(wrong?.0 ?? "votes")",
                message: wrong.map { "R.5 \(region.id): \($0.0) is \($0.1), the record gives \($0.2)" } ?? "R.5 \(region.id): votes differ from the totals"))
        }
        ledger.check(.r5, results.total == (values["all"] ?? [:]) && results.totalBallots == facts.counted.count, CheckFailure(
            file: resultsFile, field: "total", message: "R.5 total or totalBallots differ from the totals and the counted ballots"))

        let expected = stationFigures(facts)
        var published = [String: StationFigures]()
        for (index, station) in results.stations.enumerated() {
            let key = "\(station.id)/\(station.region)"
            published[key] = StationFigures(kind: station.kind, registered: station.registered, ballots: station.ballots,
                                            mobileBallots: station.mobileBallots, votes: station.votes)
            var figures = expected[key]
            figures?.votes = values[ReferendumFiles.stationScope(station.id, region: station.region)] ?? [:]
            let share = same(station.mobileShare, ratio(station.mobileBallots, station.ballots))
            ledger.check(.r5, figures == published[key] && share, CheckFailure(
                file: resultsFile, field: "stations[\(index)]", message: "R.5 station \(station.id) in \(station.region) differs from the record"))
        }
        for (index, remainder) in (results.remainders ?? []).enumerated() {
            let key = "\(mergedStation)/\(remainder.region)"
            published[key] = StationFigures(kind: mergedStation, registered: remainder.registered, ballots: remainder.ballots,
                                            mobileBallots: remainder.mobileBallots, votes: remainder.votes)
            var figures = expected[key]
            figures?.votes = values["remainder/\(remainder.region)"] ?? [:]
            let stations = facts.merge.merged[remainder.region] ?? []
            ledger.check(.r5, figures == published[key] && Set(remainder.stations) == stations && remainder.stations.count == stations.count,
                         CheckFailure(file: resultsFile, field: "remainders[\(index)]",
                                      message: "R.5 the remainder of \(remainder.region) differs from the record (merged: \(stations.sorted().joined(separator: ", ")))"))
        }
        for key in expected.keys.sorted() where published[key] == nil {
            ledger.fail(.r5, CheckFailure(file: resultsFile, field: "stations", message: "R.5 station \(key) counted ballots but has no result"))
        }
        var listed = Set<String>()
        for (line, fields) in stationRows {
            let key = fields.count > 1 ? "\(fields[1])/\(fields[0])" : ""
            listed.insert(key)
            let row = fields.count == 6 + options.count ? StationFigures(
                kind: fields[2], registered: fields[3].isEmpty ? nil : Int(fields[3]), ballots: Int(fields[4]) ?? -1,
                mobileBallots: Int(fields[5]) ?? -1,
                votes: Dictionary(uniqueKeysWithValues: zip(options, fields[6...].map { Int($0) ?? -1 }))) : nil
            ledger.check(.r5, row != nil && row == published[key], CheckFailure(
                file: stationsFile, field: "line \(line)", message: "R.5 the row of \(key) differs from results.json"))
        }
        for key in published.keys.sorted() where !listed.contains(key) {
            ledger.fail(.r5, CheckFailure(file: stationsFile, message: "R.5 station \(key) of results.json has no row"))
        }
    }

    /// The station and kind of a region's remainder in results and stations.csv.
    static let mergedStation = "merged"

    /// Per station (not mobile) and region with counted ballots: kind, listed voters, ballots, mobile
    /// ballots; merged stations together under "merged/<region>".
    static func stationFigures(_ facts: ReferendumFacts) -> [String: StationFigures] {
        var listed = [String: Int]()
        for voter in facts.voters.values { if let home = voter.homeStation { listed[home, default: 0] += 1 } }
        var figures = [String: StationFigures]()
        for row in facts.counted {
            let station = facts.tallyStation(row.station)
            let kind = facts.stations[station]?.kind ?? ""
            let key: String, blank: StationFigures
            if let merged = facts.merge.merged[row.region], merged.contains(station) {
                // The remainder lists its stations' voters when all of them are regional, as a station row would.
                let allRegional = merged.allSatisfy { facts.stations[$0]?.kind == "regional" }
                key = "\(mergedStation)/\(row.region)"
                blank = StationFigures(kind: mergedStation, registered: allRegional ? merged.reduce(0) { $0 + (listed[$1] ?? 0) } : nil)
            } else {
                key = "\(station)/\(row.region)"
                blank = StationFigures(kind: kind, registered: kind == "regional" ? listed[station] : nil)
            }
            var entry = figures[key] ?? blank
            entry.ballots += 1
            if row.channel == "mobile" { entry.mobileBallots += 1 }
            figures[key] = entry
        }
        return figures
    }

    /// part / whole, nil when the whole is unknown or zero (as results.json writes it).
    static func ratio(_ part: Int, _ whole: Int?) -> Double? {
        guard let whole, whole > 0 else { return nil }
        return Double(part) / Double(whole)
    }

    /// Two published shares are the same (to 1e-9), or both absent.
    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let x?, let y?): abs(x - y) <= 1e-9
        default: false
        }
    }
}
