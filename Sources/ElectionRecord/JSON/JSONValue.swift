/// A parsed JSON document that keeps what the record format depends on: the order of object keys
/// (egk writes them in declaration order and `metadata` maps in insertion order) and the exact text
/// of numbers (so that an integer out of range is reported, not rounded).
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's text as written, validated against the JSON grammar.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Keys in document order; no key twice.
    case object([(key: String, value: JSONValue)])

    /// The kind of value, for messages: "a string", "an object", ...
    var kind: String {
        switch self {
        case .null: "null"
        case .bool(let value): "the boolean \(value)"
        case .number(let text): "the number \(text.count > 24 ? String(text.prefix(24)) + "…" : text)"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }
}
