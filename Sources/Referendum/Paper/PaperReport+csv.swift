import ElectionRecord
import Foundation

extension PaperReport {
    /// `referendum/protocols.csv`: the published protocols as a table that `plebiscite audit` reads
    /// with Examples/profiles/plebiscite-protocols.yaml. One row per protocol (a merged station's is
    /// not published); `counted` is found less set aside, the envelopes opened; `registered` is the
    /// station's list for a regional station and empty for an external one, as in stations.csv.
    public static func csv(_ paper: RecordedPaper, definition: ReferendumDefinition, register: RegisterCounts) -> String {
        let options = definition.options.map(\.id)
        var lines = [(["region", "station", "mode", "registered", "received", "issued", "spoiled", "unused", "stationary", "mobile",
                       "found", "set_aside", "counted", "invalid", "valid"] + options).joined(separator: ",")]
        for entry in paper.protocols {
            let regional = definition.station(entry.station)?.kind == .regional
            let registered = regional ? register.byHomeStation[entry.station].map(String.init) ?? "0" : ""
            let valid = options.reduce(0) { $0 + (entry.votes[$1] ?? 0) }
            let fields = [entry.region, entry.station, entry.mode.rawValue, registered] + [
                entry.received, entry.issued, entry.spoiled, entry.unused, entry.stationary, entry.mobile, entry.found, entry.setAside,
                entry.found - entry.setAside, entry.invalid, valid,
            ].map(String.init) + options.map { String(entry.votes[$0] ?? 0) }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
