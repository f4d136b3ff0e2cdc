/// What is wrong with a record file, naming the file (relative to the record's root) and the field.
///
/// Every failure to read or write a record is one of these; none is a crash. `field` is a path such as
/// `contests[3].selections[1].encrypted_vote.pad` (indices from 0), empty for the whole file.
public enum ElectionRecordError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file the record needs is not there.
    case missingFile(file: String)
    /// A file or directory exists but cannot be read (permissions, not a regular file, I/O error).
    case unreadable(file: String, reason: String)
    /// The file is not JSON: truncated, a stray character, invalid UTF-8. `line` and `column` count from 1.
    case malformedJSON(file: String, line: Int, column: Int, reason: String)
    /// A required field is absent. (A required field that is `null` is `wrongType` with found "null".)
    case missingField(file: String, field: String)
    /// A field holds a JSON value of the wrong kind, e.g. a string where a number belongs.
    case wrongType(file: String, field: String, expected: String, found: String)
    /// A field has the right JSON type but a value the format forbids.
    case invalidValue(file: String, field: String, problem: Problem)
    /// The record's layout breaks a rule egk's reader depends on (a loose file among devices, a name
    /// that does not match its file).
    case invalidLayout(file: String, reason: String)
    /// An id that cannot be part of a file name (empty, `.`, `..`, or holding `/` or NUL).
    case invalidName(name: String, reason: String)
    /// Two things would be written to the same file.
    case duplicate(file: String)
    /// Writing failed; a record being written is discarded.
    case writeFailed(file: String, reason: String)
    /// The target of a record write already exists and replacing it was not asked for.
    case destinationExists(path: String)

    /// Why a field's value is rejected.
    public enum Problem: Equatable, Sendable, CustomStringConvertible {
        /// Text that should be hexadecimal holds another character or has an odd length.
        case notHexadecimal
        /// Hex of the wrong number of digits for its type (mod p: 1024, mod q and hashes: 64).
        case wrongWidth(expectedDigits: Int, actualDigits: Int)
        /// A number not in its range, e.g. "not in 1..<p", "not in 0..<q", "not in -128...127".
        case outOfRange(String)
        /// A number mod p that is not in the order-q subgroup Z_p^r.
        case notInSubgroup
        /// A name not among the enumeration's values.
        case unknownName(String, allowed: [String])
        /// Any other rule of the format, stated in words.
        case violates(String)

        /// The problem in words.
        public var description: String {
            switch self {
            case .notHexadecimal: "not hexadecimal (odd length or a character outside 0-9, A-F)"
            case .wrongWidth(let expected, let actual): "expected \(expected) hex digits, found \(actual)"
            case .outOfRange(let range): "value out of range: \(range)"
            case .notInSubgroup: "not an element of the order-q subgroup of Z_p (x^q mod p is not 1)"
            case .unknownName(let name, let allowed):
                "unknown value \"\(name)\" (allowed: \(allowed.joined(separator: ", ")))"
            case .violates(let rule): rule
            }
        }
    }

    /// The file the error is about, relative to the record's root ("" when there is none).
    public var file: String {
        switch self {
        case .missingFile(let file), .unreadable(let file, _), .malformedJSON(let file, _, _, _),
             .missingField(let file, _), .wrongType(let file, _, _, _), .invalidValue(let file, _, _),
             .invalidLayout(let file, _), .duplicate(let file), .writeFailed(let file, _):
            file
        case .destinationExists(let path): path
        case .invalidName: ""
        }
    }

    /// The field path the error is about, or nil when it concerns a whole file.
    public var field: String? {
        switch self {
        case .missingField(_, let field), .wrongType(_, let field, _, _), .invalidValue(_, let field, _): field
        default: nil
        }
    }

    /// The error in words, starting with the file.
    public var description: String {
        switch self {
        case .missingFile(let file): "\(file): file is missing"
        case .unreadable(let file, let reason): "\(file): cannot be read: \(reason)"
        case .malformedJSON(let file, let line, let column, let reason):
            "\(file): line \(line), column \(column): not valid JSON: \(reason)"
        case .missingField(let file, let field): "\(file): \(field): required field is missing"
        case .wrongType(let file, let field, let expected, let found):
            "\(file): \(Self.show(field)): expected \(expected), found \(found)"
        case .invalidValue(let file, let field, let problem): "\(file): \(Self.show(field)): \(problem)"
        case .invalidLayout(let file, let reason): "\(file): \(reason)"
        case .invalidName(let name, let reason): "\"\(name)\" cannot name a record file: \(reason)"
        case .duplicate(let file): "\(file): written twice"
        case .writeFailed(let file, let reason): "\(file): cannot be written: \(reason)"
        case .destinationExists(let path): "\(path) already exists (pass replacing: true to replace it)"
        }
    }

    private static func show(_ field: String) -> String { field.isEmpty ? "(top level)" : field }
}
