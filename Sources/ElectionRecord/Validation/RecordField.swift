/// A place in a record: a file (relative to the record's root) and a field path inside it.
///
/// Conversions from JSON to domain values carry one of these down the tree, so that a bad number
/// deep inside a ballot is reported as `encrypted_ballots/d/eballot-7.json`,
/// `contests[3].selections[1].encrypted_vote.pad`.
public struct RecordField: Sendable, Hashable, CustomStringConvertible {
    /// One step of a field path.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The file, relative to the record's root.
    public let file: String
    /// The path inside the file; empty for the top level.
    public let components: [Component]
    /// How elements mod p read at this field and below are checked for subgroup membership.
    public let subgroupCheck: SubgroupCheck

    /// The top level of `file`.
    /// - Parameter subgroupCheck: `.each` (the default) checks every element mod p as it is decoded;
    ///   `.deferred` leaves that check to the collector's owner (see `SubgroupCheck`).
    public init(file: String, components: [Component] = [], subgroupCheck: SubgroupCheck = .each) {
        self.file = file
        self.components = components
        self.subgroupCheck = subgroupCheck
    }

    /// The field `key` of this object.
    public subscript(key: String) -> RecordField {
        RecordField(file: file, components: components + [.key(key)], subgroupCheck: subgroupCheck)
    }

    /// The element at `index` (from 0) of this array.
    public subscript(index: Int) -> RecordField {
        RecordField(file: file, components: components + [.index(index)], subgroupCheck: subgroupCheck)
    }

    /// The path as text: `contests[3].selections[1].encrypted_vote.pad`.
    public var path: String { Self.path(components) }

    /// "file: path".
    public var description: String { path.isEmpty ? file : "\(file): \(path)" }

    /// An `invalidValue` error at this field.
    public func invalid(_ problem: ElectionRecordError.Problem) -> ElectionRecordError {
        .invalidValue(file: file, field: path, problem: problem)
    }

    /// An `invalidValue` error at this field, for a rule stated in words.
    public func invalid(_ rule: String) -> ElectionRecordError { invalid(.violates(rule)) }

    static func path(_ components: [Component]) -> String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
