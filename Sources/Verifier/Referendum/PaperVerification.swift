import ElectionRecord
import Foundation

/// R.6: the stations' protocols (`referendum/protocols.json`), re-derived from docs/referendum-record.md
/// without Referendum's code: every published protocol keeps its control relations and names a station
/// that serves its region; each cell's paper is the sum of its protocols; its electronic count is
/// totals.json's; its superseded count is ballots.csv's (each needs an envelope set aside); its
/// differences follow, and any difference marks it; and each region's reported result is its
/// electronic totals plus its paper-only stations.
enum PaperVerification {
    static let file = ReferendumFiles.path(.protocols)

    static func run(_ facts: ReferendumFacts, paper: Result<RecordedPaper, ReferendumRecordError>?, totals: [RecordedTotal]?,
                    rows: [(line: Int, row: BallotRow)]?, _ ledger: inout CheckLedger) {
        guard let paper else {
            ledger.skip(.r6, "the record has no protocols.json: no paper was kept")
            return
        }
        guard let paper = ReferendumVerification.need(paper, [.r6], &ledger) else { return }
        guard let totals, let rows else {
            ledger.fail(.r6, CheckFailure(file: file, message: "R.6: totals.json or ballots.csv is unreadable, so the protocols cannot be compared"))
            return
        }
        let options = facts.definition.options.map(\.id)
        var failures = 0
        func fail(_ field: String, _ message: String) {
            failures += 1
            ledger.fail(.r6, CheckFailure(file: file, field: field, message: "R.6: \(message)"))
        }

        var published = [String: StationProtocol]()
        for (index, entry) in paper.protocols.enumerated() {
            let field = "protocols[\(index)]"
            if let problem = relationProblem(entry, options: options) { fail(field, "\(entry.station)/\(entry.region): \(problem)") }
            guard let station = facts.stations[entry.station], station.kind != "mobile", station.serves.contains(entry.region) else {
                fail(field, "\(entry.station) is not a station serving \(entry.region)")
                continue
            }
            let scope = entry.mode == .paperOnly ? RecordedPaper.paperOnlyScope(station: entry.station, region: entry.region)
                                                  : facts.merge.scope(station: entry.station, region: entry.region)
            if scope.hasPrefix("remainder/") { fail(field, "\(entry.station)/\(entry.region) is merged: its own protocol must not be published") }
            if published.updateValue(entry, forKey: scope) != nil { fail(field, "a second protocol for \(scope)") }
        }

        var electronic = [String: RecordedPaper.Count]()
        for total in totals {
            let count = electronic[total.scope] ?? .init(ballots: total.ballots, votes: [:])
            electronic[total.scope] = .init(ballots: max(count.ballots, total.ballots), votes: count.votes.merging([total.option: total.value]) { $1 })
        }
        var superseded = [String: Int]()
        for (_, row) in rows where row.status == .superseded {
            let station = (facts.stations[row.station]?.parent) ?? row.station
            superseded[facts.merge.scope(station: station, region: row.region), default: 0] += 1
        }

        func own(_ cell: RecordedPaper.Cell) -> StationProtocol? { cell.scope.hasPrefix("remainder/") ? nil : published[cell.scope] }
        for (index, cell) in paper.cells.enumerated() {
            let field = "cells[\(index)]"
            if cell.superseded != (superseded[cell.scope] ?? 0) {
                fail("\(field).superseded", "\(cell.scope) lists \(cell.superseded) superseded ballots; ballots.csv has \(superseded[cell.scope] ?? 0)")
            }
            let device = cell.scope.hasPrefix("paper/") ? nil : (electronic[cell.scope] ?? .init(ballots: 0, votes: Dictionary(uniqueKeysWithValues: options.map { ($0, 0) })))
            if cell.electronic != device {
                fail("\(field).electronic", "\(cell.scope)'s electronic count is not totals.json's")
            }
            var issuedAbove = cell.differences.first { $0.field == "issued" }
            if !cell.scope.hasPrefix("remainder/") {
                let own = published[cell.scope]
                issuedAbove = own.flatMap { $0.found > $0.issued ? .init(field: "issued", paper: $0.found, electronic: $0.issued) : nil }
                if cell.differences.contains(where: { $0.field == "issued" }) != (issuedAbove != nil) {
                    fail("\(field).differences", "\(cell.scope): whether more ballots were found than issued is misstated")
                }
                let expected = own.map { RecordedPaper.Count(ballots: $0.found - $0.setAside, votes: votes(of: [$0], options)) }
                if cell.paper != expected { fail("\(field).paper", "\(cell.scope)'s paper is not its protocol's count") }
            } else if let sum = cell.paper, sum.votes.values.reduce(cell.invalid ?? 0, +) != sum.ballots {
                fail("\(field).paper", "\(cell.scope): votes + invalid is not the ballots found")
            }
            let setAside = own(cell).map(\.setAside)
            let differences = compare(cell, options: options, setAside: setAside, issuedAbove: issuedAbove)
            if differences != cell.differences || (!differences.isEmpty) != cell.unexplained {
                fail("\(field).differences", "\(cell.scope)'s differences are not those of its paper and electronic counts")
            }
        }

        for (index, region) in paper.regions.enumerated() {
            let paperOnly = paper.protocols.filter { $0.mode == .paperOnly && $0.region == region.region }
            let extra = RecordedPaper.Count(ballots: paperOnly.reduce(0) { $0 + $1.found - $1.setAside }, votes: votes(of: paperOnly, options))
            let device = electronic["region/\(region.region)"]
            let reported = device.map { RecordedPaper.Count(ballots: $0.ballots + extra.ballots, votes: $0.votes.merging(extra.votes, uniquingKeysWith: +)) }
            if region.paperOnly != extra || region.electronic != device || region.reported != reported {
                fail("regions[\(index)]", "\(region.region)'s reported result is not its electronic totals plus its paper-only protocols")
            }
        }
        if failures == 0 { ledger.pass(.r6, count: paper.protocols.count + paper.cells.count) }
    }

    /// The relation a protocol breaks, or a missing option; nil when it holds (written apart from Referendum's).
    static func relationProblem(_ p: StationProtocol, options: [String]) -> String? {
        if Set(p.votes.keys) != Set(options) { return "its votes name \(p.votes.keys.sorted()), not the options \(options)" }
        if ([p.received, p.issued, p.spoiled, p.unused, p.stationary, p.mobile, p.found, p.invalid] + Array(p.votes.values)).contains(where: { $0 < 0 }) {
            return "a negative count"
        }
        if p.stationary + p.mobile != p.found { return "found \(p.found) is not stationary + mobile" }
        if p.issued + p.unused + p.spoiled != p.received { return "received \(p.received) is not issued + unused + spoiled" }
        if p.setAside < 0 || p.votes.values.reduce(p.invalid + p.setAside, +) != p.found { return "votes + invalid + set_aside is not found \(p.found)" }
        return nil
    }

    static func votes(of protocols: [StationProtocol], _ options: [String]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: options.map { option in (option, protocols.reduce(0) { $0 + ($1.votes[option] ?? 0) }) })
    }

    /// The differences between a cell's paper and electronic counts, in the order the record lists
    /// them: ballots, each option, envelopes set aside against superseded ballots (when the cell's
    /// protocol is published), and more found than issued.
    static func compare(_ cell: RecordedPaper.Cell, options: [String], setAside: Int?, issuedAbove: RecordedPaper.Difference?) -> [RecordedPaper.Difference] {
        guard let paper = cell.paper else { return [.init(field: "protocol", paper: nil, electronic: cell.electronic?.ballots)] }
        var differences = [RecordedPaper.Difference]()
        if let device = cell.electronic {
            if paper.ballots != device.ballots { differences.append(.init(field: "ballots", paper: paper.ballots, electronic: device.ballots)) }
            for option in options where (paper.votes[option] ?? 0) != (device.votes[option] ?? 0) {
                differences.append(.init(field: "votes.\(option)", paper: paper.votes[option] ?? 0, electronic: device.votes[option] ?? 0))
            }
            // A remainder's protocols are not published: its recorded set-aside difference is taken as written.
            let aside = setAside.map { $0 == cell.superseded ? nil : RecordedPaper.Difference(field: "set_aside", paper: $0, electronic: cell.superseded) }
                ?? cell.differences.first { $0.field == "set_aside" }
            if let aside { differences.append(aside) }
        }
        if let issuedAbove { differences.append(issuedAbove) }
        return differences
    }
}
