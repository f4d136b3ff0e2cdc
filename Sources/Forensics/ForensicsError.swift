import Foundation

/// Everything that can go wrong while reading results, profiles or facts, each with a message that
/// names the file, line or field to fix.
public enum ForensicsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not exist or cannot be opened.
    case unreadable(path: String, reason: String)
    /// A zip archive holds no CSV entry, or not the one the profile names.
    case zipEntryMissing(path: String, entry: String?)
    /// A profile or facts file is not valid YAML or does not match the expected shape.
    case invalidYAML(path: String, field: String, reason: String)
    /// A column the profile names is not in the CSV header; `suggestions` are the closest header names.
    case missingColumn(path: String, column: String, field: String, suggestions: [String])
    /// The CSV has no header line or a header that cannot be decoded as UTF-8.
    case badHeader(path: String, reason: String)
    /// Rows that cannot be used; the command stops with this list unless bad rows are skipped.
    case badRows(path: String, rows: [BadRow])
    /// After reading and skipping, no station is left to analyse.
    case noStations(path: String)
    /// A command-line value is malformed (the option and what was wrong).
    case invalidArgument(option: String, reason: String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .zipEntryMissing(path, entry):
            if let entry {
                return "\(path): the archive has no entry named '\(entry)' (set source.zipEntry in the profile)"
            }
            return "\(path): the archive holds no .csv entry (set source.zipEntry in the profile)"
        case let .invalidYAML(path, field, reason):
            return "\(path): \(field): \(reason)"
        case let .missingColumn(path, column, field, suggestions):
            let hint = suggestions.isEmpty
                ? "; `plebiscite audit --inspect FILE` lists the headers"
                : "; did you mean " + suggestions.map(ColumnProfile.yamlQuoted).joined(separator: " or ")
                    + "? (YAML as written here; `plebiscite audit --inspect FILE` lists all headers)"
            return "\(path): header has no column '\(column)' (profile field \(field))\(hint)"
        case let .badHeader(path, reason):
            return "\(path): line 1: \(reason)"
        case let .badRows(path, rows):
            let shown = rows.prefix(20).map { "  \(path):\($0)" }.joined(separator: "\n")
            let more = rows.count > 20 ? "\n  ... and \(rows.count - 20) more" : ""
            return "\(path): \(rows.count) bad row(s); fix them or pass --skip-bad-rows:\n\(shown)\(more)"
        case let .noStations(path):
            return "\(path): no usable station rows"
        case let .invalidArgument(option, reason):
            return "\(option): \(reason)"
        }
    }
}

/// One CSV row that cannot be used, with the reason and where it is.
public struct BadRow: Error, Codable, Equatable, Sendable, CustomStringConvertible {
    /// Why a row is unusable.
    public enum Reason: String, Codable, Sendable {
        /// A numeric field is empty or holds something that is not a whole number.
        case notANumber
        /// A count is below zero.
        case negative
        /// More ballots than registered voters where the profile says that cannot happen.
        case moreBallotsThanVoters
        /// The row has fewer fields than the header.
        case tooFewFields
    }

    /// Line number in the file (the header is line 1).
    public var line: Int
    /// The profile field (and column) concerned.
    public var field: String
    /// What is wrong.
    public var reason: Reason
    /// The offending text or numbers.
    public var detail: String

    /// Creates a bad-row record.
    public init(line: Int, field: String, reason: Reason, detail: String) {
        self.line = line
        self.field = field
        self.reason = reason
        self.detail = detail
    }

    /// `line: field: detail`, as compilers print it.
    public var description: String { "\(line): \(field): \(detail)" }
}
