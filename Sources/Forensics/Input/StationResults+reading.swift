import Foundation
import ZIPFoundation

extension StationResults {
    /// Reads a CSV file, or the CSV entry of a zip archive, through `profile`.
    /// - Parameters:
    ///   - path: A `.csv` file or a `.zip` holding one.
    ///   - profile: The column mapping.
    ///   - skipBadRows: Go on without unusable rows (they are kept in `badRows`) instead of stopping.
    /// - Throws: `ForensicsError` naming the file, the line and the field.
    public static func read(path: String, profile: ColumnProfile, skipBadRows: Bool) throws -> StationResults {
        let bytes = try readBytes(path: path, zipEntry: profile.source.zipEntry)
        return try parse(csv: bytes, path: path, profile: profile, skipBadRows: skipBadRows)
    }

    /// The bytes of a CSV file, or of the CSV entry of a zip archive.
    static func readBytes(path: String, zipEntry: String?) throws -> [UInt8] {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ForensicsError.unreadable(path: path, reason: "no such file, or not readable")
        }
        if url.pathExtension.lowercased() != "zip" {
            do {
                return [UInt8](try Data(contentsOf: url))
            } catch {
                throw ForensicsError.unreadable(path: path, reason: error.localizedDescription)
            }
        }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw ForensicsError.unreadable(path: path, reason: "not a zip archive (\(error))")
        }
        let files = archive.filter { $0.type == .file }
        let entry: Entry?
        if let zipEntry {
            entry = files.first { $0.path == zipEntry }
        } else {
            let csvs = files.filter { $0.path.lowercased().hasSuffix(".csv") }
            entry = csvs.count == 1 ? csvs[0] : nil
        }
        guard let entry else { throw ForensicsError.zipEntryMissing(path: path, entry: zipEntry) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 20) { chunk in bytes.append(contentsOf: chunk) }
        } catch {
            throw ForensicsError.unreadable(path: "\(path):\(entry.path)", reason: "\(error)")
        }
        return bytes
    }

    /// Parses CSV bytes through `profile`; `path` is used in messages.
    public static func parse(
        csv bytes: [UInt8], path: String, profile: ColumnProfile, skipBadRows: Bool
    ) throws -> StationResults {
        let delimiter = profile.source.delimiter?.utf8.first ?? UInt8(ascii: ",")
        var scanner = CSVScanner(bytes: bytes, delimiter: delimiter)
        var fields: [CSVScanner.Field] = []
        guard scanner.nextRecord(into: &fields) != nil else {
            throw ForensicsError.badHeader(path: path, reason: "the file is empty")
        }
        let header = fields.map { normalise(scanner.string($0)) }
        let layout = try ColumnLayout(header: header, profile: profile, path: path)
        var stations: [Station] = []
        stations.reserveCapacity(bytes.count / 200)
        var badRows: [BadRow] = []
        while let line = scanner.nextRecord(into: &fields) {
            switch layout.station(from: fields, line: line, scanner: scanner, rules: profile.rules) {
            case let .success(station): stations.append(station)
            case let .failure(bad): badRows.append(bad)
            }
        }
        if !badRows.isEmpty, !skipBadRows { throw ForensicsError.badRows(path: path, rows: badRows) }
        guard !stations.isEmpty else { throw ForensicsError.noStations(path: path) }
        let names = profile.options.map(\.name)
        let leader: Int
        if let name = profile.leader, let index = names.firstIndex(of: name) {
            leader = index
        } else {
            let totals = Totals(stations, leader: 0)
            leader = totals.votes.indices.max { totals.votes[$0] < totals.votes[$1] } ?? 0
        }
        let columns = profile.columns
        return StationResults(
            source: path, profileName: profile.name, options: names, leader: leader,
            stations: stations, badRows: badRows, rules: profile.rules,
            mapped: MappedFields(
                issued: columns.issued != nil, found: columns.found != nil, mobile: columns.mobile != nil,
                valid: columns.valid != nil, invalid: columns.invalid != nil))
    }

    /// Header names are compared with runs of white space collapsed.
    static func normalise(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// The header positions of every field a profile maps, and the conversion of one row into a station.
struct ColumnLayout {
    private let region: Int
    private let station: Int
    private let group: Int?
    private let registered: [Int]
    private let issued: [Int]?
    private let found: [Int]?
    private let mobile: [Int]?
    private let valid: [Int]?
    private let invalid: [Int]?
    private let options: [[Int]]
    private let optionNames: [String]
    private let header: [String]
    private let widest: Int

    init(header: [String], profile: ColumnProfile, path: String) throws {
        func index(_ name: String, _ field: String) throws -> Int {
            let wanted = StationResults.normalise(name)
            guard let position = header.firstIndex(of: wanted) else {
                throw ForensicsError.missingColumn(
                    path: path, column: name, field: field,
                    suggestions: ColumnProfile.closestHeaders(to: name, in: header))
            }
            return position
        }
        func indices(_ sum: ColumnSum?, _ field: String) throws -> [Int]? {
            guard let sum else { return nil }
            return try sum.names.map { try index($0, field) }
        }
        let columns = profile.columns
        region = try index(columns.region, "columns.region")
        station = try index(columns.station, "columns.station")
        group = try columns.group.map { try index($0, "columns.group") }
        registered = try indices(columns.registered, "columns.registered") ?? []
        issued = try indices(columns.issued, "columns.issued")
        found = try indices(columns.found, "columns.found")
        mobile = try indices(columns.mobile, "columns.mobile")
        valid = try indices(columns.valid, "columns.valid")
        invalid = try indices(columns.invalid, "columns.invalid")
        options = try profile.options.enumerated().map { position, option in
            try indices(option.column, "options[\(position)].column") ?? []
        }
        optionNames = profile.options.map(\.name)
        self.header = header
        let all = [region, station, group ?? 0] + registered + (issued ?? []) + (found ?? [])
            + (mobile ?? []) + (valid ?? []) + (invalid ?? []) + options.flatMap { $0 }
        widest = all.max() ?? 0
    }

    func station(
        from fields: [CSVScanner.Field], line: Int, scanner: CSVScanner, rules: ColumnProfile.Rules
    ) -> Result<Station, BadRow> {
        guard fields.count > widest else {
            return .failure(BadRow(
                line: line, field: "row", reason: .tooFewFields,
                detail: "\(fields.count) fields, the profile needs at least \(widest + 1)"))
        }
        var problem: BadRow?
        func sum(_ columns: [Int], _ name: String) -> Int {
            var total = 0
            for column in columns {
                let field = columns.count > 1 || header[column] != name ? "\(name) ('\(header[column])')" : name
                switch scanner.count(fields[column]) {
                case let .value(value):
                    if value < 0, problem == nil {
                        problem = BadRow(line: line, field: field, reason: .negative, detail: "negative count \(value)")
                    }
                    total += value
                case .empty:
                    if problem == nil {
                        problem = BadRow(line: line, field: field, reason: .notANumber, detail: "empty field")
                    }
                case .notANumber:
                    if problem == nil {
                        problem = BadRow(
                            line: line, field: field, reason: .notANumber,
                            detail: "'\(scanner.raw(fields[column]))' is not a whole number")
                    }
                }
            }
            return total
        }
        let registeredVoters = sum(registered, "registered")
        let record = Station(
            region: scanner.string(fields[region]),
            group: group.map { scanner.string(fields[$0]) },
            id: scanner.string(fields[station]),
            line: line,
            registered: registeredVoters,
            issued: issued.map { sum($0, "issued") },
            found: found.map { sum($0, "found") },
            mobile: mobile.map { sum($0, "mobile") },
            valid: valid.map { sum($0, "valid") },
            invalid: invalid.map { sum($0, "invalid") },
            votes: options.enumerated().map { sum($1, "option \(optionNames[$0])") })
        if let problem { return .failure(problem) }
        if !rules.ballotsMayExceedRegistered {
            if let issuedBallots = record.issued, issuedBallots > registeredVoters {
                return .failure(BadRow(
                    line: line, field: "issued", reason: .moreBallotsThanVoters,
                    detail: "\(issuedBallots) ballots issued but \(registeredVoters) registered voters"))
            }
            if record.cast > registeredVoters {
                return .failure(BadRow(
                    line: line, field: "cast", reason: .moreBallotsThanVoters,
                    detail: "\(record.cast) ballots cast but \(registeredVoters) registered voters"))
            }
        }
        return .success(record)
    }
}
