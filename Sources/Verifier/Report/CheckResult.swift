/// The outcome of one check over the whole record.
public struct CheckResult: Sendable, Hashable, Codable {
    /// Passed, failed, or not applicable to this record.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Every item checked passed.
        case passed
        /// At least one item failed.
        case failed
        /// Nothing in the record to check (no challenged ballots, chaining off, no referendum files).
        case skipped
    }

    /// The check's id, "5.A".
    public let id: CheckID
    /// What the check establishes (`CheckID.title`).
    public let title: String
    /// The spec (as egk numbers it), a check egk does not make, or a referendum rule.
    public let origin: CheckID.Origin
    /// Passed, failed or not applicable.
    public let status: Status
    /// Items checked (ballots, proofs, elements, files...).
    public let checked: Int
    /// Items that failed.
    public let failed: Int
    /// The first failing item in record order: file, field and message.
    public let firstFailure: CheckFailure?
    /// Why the check was skipped, or how it was made (e.g. batched, with its error probability).
    public let detail: String?

    /// True unless the check failed.
    public var isPassing: Bool { status != .failed }
}

/// One failing item: where it is and what is wrong, the message starting with the check's id
/// ("8.A ballot aggregation does not match ...").
public struct CheckFailure: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file, relative to the record's root ("" for the record as a whole).
    public let file: String
    /// The field path inside the file ("" for the whole file).
    public let field: String
    /// What is wrong, starting with the check's id.
    public let message: String

    /// - Parameters: file and field locate the item; message says what is wrong.
    public init(file: String, field: String = "", message: String) {
        self.file = file
        self.field = field
        self.message = message
    }

    /// "file: field: message".
    public var description: String {
        [file, field, message].filter { !$0.isEmpty }.joined(separator: ": ")
    }
}
