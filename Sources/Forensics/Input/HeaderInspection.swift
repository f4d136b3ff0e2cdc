/// What a results file holds, for writing its profile: the header, a few rows, which columns are
/// counts, and a proposed profile for the layouts we recognise (`plebiscite audit --inspect FILE`).
public struct HeaderInspection: Sendable {
    /// The file (and the zip entry read, if any).
    public var source: String
    /// The separator found on the header line.
    public var delimiter: Character
    /// Header names as read (quotes undone).
    public var headers: [String]
    /// The first rows' values, per column.
    public var samples: [[String]]
    /// Whether every sampled value of the column is a whole number.
    public var numeric: [Bool]
    /// The layout recognised, in words.
    public var layout: String
    /// A proposed profile (YAML), to be checked and edited.
    public var proposal: String

    /// Rows read to tell counts from names.
    static let sampleRows = 20

    /// Reads the header and the first rows of a CSV file or of the only CSV inside a zip.
    /// - Throws: `ForensicsError` when the file cannot be read or has no header.
    public static func inspect(path: String, zipEntry: String? = nil) throws -> HeaderInspection {
        let bytes = try StationResults.readBytes(path: path, zipEntry: zipEntry)
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
        let delimiter = candidates.max { a, b in
            firstLine.filter { $0 == a }.count < firstLine.filter { $0 == b }.count
        } ?? UInt8(ascii: ",")
        var scanner = CSVScanner(bytes: bytes, delimiter: delimiter)
        var fields: [CSVScanner.Field] = []
        guard scanner.nextRecord(into: &fields) != nil else {
            throw ForensicsError.badHeader(path: path, reason: "the file is empty")
        }
        let headers = fields.map { StationResults.normalise(scanner.string($0)) }
        var samples = [[String]](repeating: [], count: headers.count)
        var counts = [Int](repeating: 0, count: headers.count), filled = [Int](repeating: 0, count: headers.count)
        var rows = 0
        while rows < sampleRows, scanner.nextRecord(into: &fields) != nil {
            rows += 1
            for column in headers.indices {
                guard column < fields.count else { continue }
                if samples[column].count < 3 { samples[column].append(scanner.string(fields[column])) }
                switch scanner.count(fields[column]) {
                case .value: counts[column] += 1; filled[column] += 1
                case .notANumber: filled[column] += 1
                case .empty: break
                }
            }
        }
        // A column of counts may hold the odd typo; names never parse as numbers.
        let numeric = headers.indices.map { filled[$0] > 0 && 5 * counts[$0] >= 4 * filled[$0] }
        let roles = ColumnRoles(headers: headers, numeric: numeric)
        return HeaderInspection(
            source: path, delimiter: Character(UnicodeScalar(delimiter)), headers: headers, samples: samples,
            numeric: numeric, layout: roles.layout, proposal: roles.profile(delimiter: Character(UnicodeScalar(delimiter))))
    }

    /// The inspection for the terminal: numbered headers with sample values, then the proposal.
    public var text: String {
        var lines = ["\(source): \(headers.count) columns, separated by '\(delimiter == "\t" ? "\\t" : String(delimiter))'"]
        for (index, header) in headers.enumerated() {
            let values = samples[index].map { $0.isEmpty ? "(empty)" : $0 }.joined(separator: " | ")
            lines.append("  \(index + 1). \(ColumnProfile.yamlQuoted(header))\(numeric[index] ? " (counts)" : "")  e.g. \(values)")
        }
        lines.append("")
        lines.append("# Proposed profile (\(layout)); check every mapping before use.")
        lines.append(proposal)
        return lines.joined(separator: "\n")
    }
}
