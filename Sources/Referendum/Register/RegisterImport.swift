import Foundation

/// Reads a register from CSV: `voter_id,home_region,displaced[,home_station]` with a header line.
/// Every row is checked before anything is stored, so a bad file changes nothing.
public enum RegisterImport {
    /// A row that passed the checks.
    public struct Row: Sendable, Hashable {
        public let voterId: String
        public let homeRegion: String
        public let displaced: Bool
        public let homeStation: String?
    }

    /// Parses and checks `text` against `definition`.
    /// - Throws: `ReferendumError.register` with the file, line and column of the first bad row
    ///   (unknown region, duplicate voter, a home station in another region, ...).
    public static func parse(_ text: String, file: String, definition: ReferendumDefinition, existing: Set<String> = []) throws -> [Row] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        guard let header = lines.first else {
            throw ReferendumError.register(file: file, line: 1, field: "(header)", reason: "the file is empty")
        }
        let columns = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func index(_ name: String, required: Bool) throws -> Int? {
            if let position = columns.firstIndex(of: name) { return position }
            if required {
                throw ReferendumError.register(file: file, line: 1, field: name,
                                               reason: "missing column (expected voter_id,home_region,displaced[,home_station])")
            }
            return nil
        }
        let idColumn = try index("voter_id", required: true)!
        let regionColumn = try index("home_region", required: true)!
        let displacedColumn = try index("displaced", required: true)!
        let stationColumn = try index("home_station", required: false)
        let regions = Set(definition.regions.map(\.id))
        var seen = existing
        var rows = [Row]()
        rows.reserveCapacity(lines.count)
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            func field(_ column: Int, _ name: String) throws -> String {
                guard column < fields.count else {
                    throw ReferendumError.register(file: file, line: number, field: name, reason: "missing (the row has \(fields.count) fields)")
                }
                return fields[column]
            }
            let voterId = try field(idColumn, "voter_id")
            guard !voterId.isEmpty else { throw ReferendumError.register(file: file, line: number, field: "voter_id", reason: "empty") }
            guard seen.insert(voterId).inserted else {
                throw ReferendumError.register(file: file, line: number, field: "voter_id", reason: "voter \(voterId) is already on the register")
            }
            let region = try field(regionColumn, "home_region")
            guard regions.contains(region) else {
                throw ReferendumError.register(file: file, line: number, field: "home_region",
                                               reason: "unknown region \(region) (regions: \(definition.regions.map(\.id).joined(separator: ", ")))")
            }
            let displaced: Bool
            switch try field(displacedColumn, "displaced").lowercased() {
            case "yes", "true", "1": displaced = true
            case "no", "false", "0", "": displaced = false
            case let other:
                throw ReferendumError.register(file: file, line: number, field: "displaced", reason: "\(other) is not yes or no")
            }
            var homeStation: String?
            if let stationColumn, stationColumn < fields.count, !fields[stationColumn].isEmpty {
                let id = fields[stationColumn]
                guard let station = definition.station(id), station.kind == .regional else {
                    throw ReferendumError.register(file: file, line: number, field: "home_station", reason: "\(id) is not a regional station")
                }
                guard station.serves.contains(region) else {
                    throw ReferendumError.register(file: file, line: number, field: "home_station",
                                                   reason: "station \(id) is not in region \(region)")
                }
                homeStation = id
            }
            rows.append(Row(voterId: voterId, homeRegion: region, displaced: displaced, homeStation: homeStation))
        }
        return rows
    }
}
