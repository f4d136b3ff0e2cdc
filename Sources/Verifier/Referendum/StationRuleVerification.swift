import ElectionRecord
import Foundation

/// R.3: each ballot was made and decided inside its region's voting window, at a station that serves
/// its region; external stations took only displaced voters; a voter listed at a home station voted
/// there or at its mobile box; a mobile ballot belongs to a logged visit of that box, which lists it,
/// and was taken while the box was out.
enum StationRuleVerification {
    static func run(_ facts: ReferendumFacts, rows: [(line: Int, row: BallotRow)], visits: [RecordedMobileVisit]?, _ ledger: inout CheckLedger) {
        let visitsById = Dictionary((visits ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (line, row) in rows {
            if let (field, message) = problem(row, facts: facts, visits: visits == nil ? nil : visitsById) {
                ledger.fail(.r3, ReferendumFacts.row(.r3, line, field, message))
            } else {
                ledger.pass(.r3)
            }
        }
        guard let visits else { return }
        let rowsById = Dictionary(rows.map { ($0.row.ballotId, $0.row) }, uniquingKeysWith: { first, _ in first })
        let file = "\(ReferendumRecord.directory)/\(ReferendumRecord.File.mobileVisits.rawValue)"
        for (index, visit) in visits.enumerated() {
            let strays = visit.ballotIds.filter { rowsById[$0]?.mobileVisit != visit.id || rowsById[$0]?.station != visit.box }
            ledger.check(.r3, strays.isEmpty && facts.stations[visit.box]?.kind == "mobile", CheckFailure(
                file: file, field: "[\(index)].ballot_ids",
                message: strays.isEmpty ? "R.3 visit \(visit.id): \(visit.box) is not a mobile box"
                                        : "R.3 visit \(visit.id) lists ballot \(strays[0]), which is not a ballot of this visit"))
        }
    }

    /// The first rule `row` breaks, as (field, message).
    static func problem(_ row: BallotRow, facts: ReferendumFacts, visits: [String: RecordedMobileVisit]?) -> (String, String)? {
        let id = row.ballotId
        guard let region = facts.regions[row.region] else { return ("region", "ballot \(id): unknown region \(row.region)") }
        guard let station = facts.stations[row.station] else { return ("station", "ballot \(id): unknown station \(row.station)") }
        guard station.serves.contains(row.region) else { return ("station", "ballot \(id): station \(station.id) does not serve \(row.region)") }
        guard region.opens <= region.closes else { return ("region", "\(row.region)'s voting window closes before it opens") }
        let window = region.opens...region.closes
        guard window.contains(row.encryptedAt) else { return ("encrypted_at", "ballot \(id) was made outside \(row.region)'s voting window") }
        if let decided = row.decidedAt, !window.contains(decided) {
            return ("decided_at", "ballot \(id) was decided outside \(row.region)'s voting window")
        }
        guard (row.channel == "mobile") == (station.kind == "mobile") else {
            return ("channel", "ballot \(id) is on channel \(row.channel) at a \(station.kind) station")
        }
        let voter = facts.voters[row.pseudonym]
        if station.kind == "external", row.status != .abandoned, voter?.displaced != true {
            return ("station", "ballot \(id): external station \(station.id) took a voter who is not displaced")
        }
        if let home = voter?.homeStation, row.status != .abandoned, station.kind != "external", facts.tallyStation(station.id) != home {
            return ("station", "ballot \(id): the voter is listed at \(home) but voted at \(station.id)")
        }
        if station.kind == "mobile" {
            guard let visitId = row.mobileVisit else { return ("mobile_visit", "mobile ballot \(id) names no visit") }
            if let visits {
                guard let visit = visits[visitId], visit.box == station.id else {
                    return ("mobile_visit", "mobile ballot \(id): no visit \(visitId) of box \(station.id)")
                }
                guard visit.ballotIds.contains(id) else { return ("mobile_visit", "visit \(visitId) does not list ballot \(id)") }
                let time = row.decidedAt ?? row.encryptedAt
                guard time >= visit.departedAt, time <= (visit.returnedAt ?? .distantFuture) else {
                    return ("decided_at", "mobile ballot \(id) was taken while box \(station.id) was not out on visit \(visitId)")
                }
            }
        } else if row.mobileVisit != nil {
            return ("mobile_visit", "ballot \(id) was cast at a station but names a mobile visit")
        }
        return nil
    }
}
