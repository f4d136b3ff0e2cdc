/// A `metadata` map (string to string) that keeps its entries in order, as egk's Kotlin maps do, so
/// that a file re-encodes to the same bytes. Written only when it has entries (egk omits an empty map).
public struct RecordMetadata: Codable, Sendable, Hashable, ExpressibleByDictionaryLiteral, Sequence {
    /// One annotation.
    public struct Entry: Sendable, Hashable {
        /// The annotation's name.
        public let key: String
        /// Its text.
        public let value: String

        /// An entry.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The entries in order; keys are unique.
    public private(set) var entries: [Entry]

    /// Metadata with `entries` in order.
    /// - Precondition: no key appears twice (use `setting` to build a map from untrusted keys).
    public init(_ entries: [Entry] = []) {
        precondition(Set(entries.map(\.key)).count == entries.count, "metadata keys are unique")
        self.entries = entries
    }

    /// Metadata from a literal, in its order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements.map { Entry(key: $0, value: $1) })
    }

    /// No entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// The value of `key`, if any.
    public subscript(key: String) -> String? { entries.first { $0.key == key }?.value }

    /// This map with `key` set to `value` (replacing in place, or appended).
    public func setting(_ key: String, to value: String) -> RecordMetadata {
        var copy = self
        if let index = copy.entries.firstIndex(where: { $0.key == key }) {
            copy.entries[index] = Entry(key: key, value: value)
        } else {
            copy.entries.append(Entry(key: key, value: value))
        }
        return copy
    }

    /// The entries in order.
    public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }

    /// Reads a JSON object of strings, in document order (the record's decoder keeps it).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: PathKey.self)
        entries = try container.allKeys.map { Entry(key: $0.stringValue, value: try container.decode(String.self, forKey: $0)) }
    }

    /// Writes a JSON object of strings, in order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PathKey.self)
        for entry in entries { try container.encode(entry.value, forKey: PathKey(stringValue: entry.key)) }
    }

    /// Nil for an empty map, so that the writer leaves the field out as egk does.
    var nonEmpty: RecordMetadata? { isEmpty ? nil : self }
}
