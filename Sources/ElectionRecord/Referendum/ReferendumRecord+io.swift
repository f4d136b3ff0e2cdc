import Foundation

/// A problem in one of the referendum files, naming the file, the line (for CSV) and the field.
public struct ReferendumRecordError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let field: String
    public let reason: String

    public init(file: String, line: Int? = nil, field: String, reason: String) {
        self.file = file; self.line = line; self.field = field; self.reason = reason
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(field): \(reason)" }
}

extension ReferendumRecord {
    /// JSON as the referendum files are written: sorted keys, indented, ISO 8601 times in UTC.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Reads `referendum/<file>` of the record at `root` as `T`.
    /// - Throws: `ReferendumRecordError` naming the file and the field path of a decoding failure.
    public static func read<T: Decodable>(_ type: T.Type, _ file: File, in root: URL) throws -> T {
        let name = "\(directory)/\(file.rawValue)"
        let data: Data
        do {
            data = try Data(contentsOf: root.appendingPathComponent(name))
        } catch {
            throw ReferendumRecordError(file: name, field: "(file)", reason: "missing or unreadable")
        }
        return try decode(type, file, from: data)
    }

    /// Decodes the bytes of `referendum/<file>` as `T`.
    /// - Throws: `ReferendumRecordError` naming the file and the field path (or "(document)" for bytes
    ///   that are not JSON at all).
    public static func decode<T: Decodable>(_ type: T.Type, _ file: File, from data: Data) throws -> T {
        let name = "\(directory)/\(file.rawValue)"
        do {
            return try decoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw ReferendumRecordError(file: name, field: error.fieldPath, reason: error.reason)
        }
    }

    /// The lines of a CSV file in `referendum/`, header checked, split on commas (values hold no commas).
    /// - Returns: the data rows with their 1-based line numbers.
    public static func readCSV(_ file: File, in root: URL, header: [String]) throws -> [(line: Int, fields: [String])] {
        let name = "\(directory)/\(file.rawValue)"
        guard let text = try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8) else {
            throw ReferendumRecordError(file: name, field: "(file)", reason: "missing or unreadable")
        }
        return try rows(file, text: text, header: header)
    }

    /// The data rows of the text of a CSV file in `referendum/`, header checked, with their 1-based line numbers.
    public static func rows(_ file: File, text: String, header: [String]) throws -> [(line: Int, fields: [String])] {
        let name = "\(directory)/\(file.rawValue)"
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first, first.split(separator: ",", omittingEmptySubsequences: false).map(String.init) == header else {
            throw ReferendumRecordError(file: name, line: 1, field: "(header)", reason: "expected \(header.joined(separator: ","))")
        }
        return lines.dropFirst().enumerated().map { ($0.offset + 2, $0.element.split(separator: ",", omittingEmptySubsequences: false).map(String.init)) }
    }
}

extension RegisterRow {
    public static let header = ["pseudonym", "region", "displaced", "home_station"]

    public var csvLine: String { [pseudonym, region, displaced ? "yes" : "no", homeStation ?? ""].joined(separator: ",") }

    /// Parses one data row of register.csv.
    public init(fields: [String], line: Int) throws {
        let file = "\(ReferendumRecord.directory)/\(ReferendumRecord.File.register.rawValue)"
        guard fields.count == Self.header.count else {
            throw ReferendumRecordError(file: file, line: line, field: "(row)", reason: "\(fields.count) fields, expected \(Self.header.count)")
        }
        guard fields[2] == "yes" || fields[2] == "no" else {
            throw ReferendumRecordError(file: file, line: line, field: "displaced", reason: "\(fields[2]) is not yes or no")
        }
        self.init(pseudonym: fields[0], region: fields[1], displaced: fields[2] == "yes", homeStation: fields[3].isEmpty ? nil : fields[3])
    }
}

extension BallotRow {
    public static let header = ["ballot_id", "confirmation_code", "device", "station", "channel", "region", "pseudonym",
                                "encrypted_at", "decided_at", "status", "superseded_by", "mobile_visit"]

    /// The times of ballots.csv: `2026-09-23T14:05:09Z`. A format style, not an `ISO8601DateFormatter`:
    /// the formatter costs about 50 µs a call (it builds an ICU formatter), the style under 1 µs, and a
    /// record has two times on each of its 100,000s of rows.
    public static let timeStyle = Date.ISO8601FormatStyle()

    /// A time of ballots.csv, or nil; other ISO 8601 spellings (offsets) go through the formatter.
    static func time(_ text: String) -> Date? {
        (try? timeStyle.parse(text)) ?? ISO8601DateFormatter().date(from: text)
    }

    public var csvLine: String {
        [ballotId, confirmationCode, device, station, channel, region, pseudonym, encryptedAt.formatted(Self.timeStyle),
         decidedAt.map { $0.formatted(Self.timeStyle) } ?? "", status.rawValue, supersededBy ?? "", mobileVisit ?? ""]
            .joined(separator: ",")
    }

    /// Parses one data row of ballots.csv.
    public init(fields: [String], line: Int) throws {
        let file = "\(ReferendumRecord.directory)/\(ReferendumRecord.File.ballots.rawValue)"
        func fail(_ field: String, _ reason: String) -> ReferendumRecordError {
            ReferendumRecordError(file: file, line: line, field: field, reason: reason)
        }
        guard fields.count == Self.header.count else { throw fail("(row)", "\(fields.count) fields, expected \(Self.header.count)") }
        guard let encrypted = Self.time(fields[7]) else { throw fail("encrypted_at", "not an ISO 8601 time") }
        var decided: Date?
        if !fields[8].isEmpty {
            guard let date = Self.time(fields[8]) else { throw fail("decided_at", "not an ISO 8601 time") }
            decided = date
        }
        guard let status = Status(rawValue: fields[9]) else { throw fail("status", "\(fields[9]) is not a ballot status") }
        guard fields[4] == "station" || fields[4] == "mobile" else { throw fail("channel", "\(fields[4]) is not station or mobile") }
        self.init(ballotId: fields[0], confirmationCode: fields[1], device: fields[2], station: fields[3], channel: fields[4],
                  region: fields[5], pseudonym: fields[6], encryptedAt: encrypted, decidedAt: decided, status: status,
                  supersededBy: fields[10].isEmpty ? nil : fields[10], mobileVisit: fields[11].isEmpty ? nil : fields[11])
    }
}

extension DecodingError {
    /// The coding path of the failure, as a field path.
    var fieldPath: String {
        let path: [any CodingKey] = switch self {
        case .keyNotFound(let key, let context): context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): context.codingPath
        @unknown default: []
        }
        let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "(document)" : text)
    }

    var reason: String {
        switch self {
        case .keyNotFound: "missing"
        case .typeMismatch(let type, _): "expected \(type)"
        case .valueNotFound(let type, _): "expected \(type), found null"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "\(self)"
        }
    }
}
