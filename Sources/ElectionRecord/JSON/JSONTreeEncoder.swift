/// An `Encoder` that builds a `JSONValue` keeping keys in the order they are encoded, which for a
/// synthesized `Encodable` is the order of declaration: the order egk writes.
///
/// An optional that is nil is left out (egk's writer omits null fields) unless `explicitNulls` is set,
/// in which case it is written as `null` (as in egk's `manifest.json`).
final class JSONTreeEncoder: Encoder {
    /// A value under construction; containers of the same encoder share it. Members and elements are
    /// separate stored arrays so that appending does not copy them.
    final class Node {
        enum Kind { case empty, value, object, array }

        var kind = Kind.empty
        var value = JSONValue.null
        var members: [(key: String, node: Node)] = []
        var elements: [Node] = []

        var json: JSONValue {
            switch kind {
            case .empty: .object([])
            case .value: value
            case .object: .object(members.map { ($0.key, $0.node.json) })
            case .array: .array(elements.map(\.json))
            }
        }

        func set(_ value: JSONValue) {
            kind = .value
            self.value = value
        }

        func appendMember(_ key: String) -> Node {
            kind = .object
            let node = Node()
            members.append((key, node))
            return node
        }

        func appendElement() -> Node {
            kind = .array
            let node = Node()
            elements.append(node)
            return node
        }
    }

    let node: Node
    let codingPath: [any CodingKey]
    let explicitNulls: Bool
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node = Node(), codingPath: [any CodingKey] = [], explicitNulls: Bool) {
        self.node = node
        self.codingPath = codingPath
        self.explicitNulls = explicitNulls
    }

    /// The JSON of `value`.
    static func encode<T: Encodable>(_ value: T, explicitNulls: Bool) throws -> JSONValue {
        let encoder = JSONTreeEncoder(explicitNulls: explicitNulls)
        try value.encode(to: encoder)
        return encoder.node.json
    }

    func child(_ node: Node, _ key: any CodingKey) -> JSONTreeEncoder {
        JSONTreeEncoder(node: node, codingPath: codingPath + [key], explicitNulls: explicitNulls)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.kind != .object { node.kind = .object }
        return KeyedEncodingContainer(ObjectEncodingContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.kind != .array { node.kind = .array }
        return ArrayEncodingContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }
}

extension JSONTreeEncoder: SingleValueEncodingContainer {
    func encodeNil() { node.set(.null) }
    func encode(_ value: Bool) { node.set(.bool(value)) }
    func encode(_ value: String) { node.set(.string(value)) }
    func encode(_ value: Double) { node.set(.number("\(value)")) }
    func encode(_ value: Float) { node.set(.number("\(value)")) }
    func encode(_ value: Int) { node.set(.number("\(value)")) }
    func encode(_ value: Int8) { node.set(.number("\(value)")) }
    func encode(_ value: Int16) { node.set(.number("\(value)")) }
    func encode(_ value: Int32) { node.set(.number("\(value)")) }
    func encode(_ value: Int64) { node.set(.number("\(value)")) }
    func encode(_ value: UInt) { node.set(.number("\(value)")) }
    func encode(_ value: UInt8) { node.set(.number("\(value)")) }
    func encode(_ value: UInt16) { node.set(.number("\(value)")) }
    func encode(_ value: UInt32) { node.set(.number("\(value)")) }
    func encode(_ value: UInt64) { node.set(.number("\(value)")) }
    func encode<T: Encodable>(_ value: T) throws { try value.encode(to: self) }
}

private struct ObjectEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    func member(_ key: Key) -> JSONTreeEncoder { encoder.child(encoder.node.appendMember(key.stringValue), key) }

    mutating func encodeNil(forKey key: Key) { member(key).encodeNil() }
    mutating func encode(_ value: Bool, forKey key: Key) { member(key).encode(value) }
    mutating func encode(_ value: String, forKey key: Key) { member(key).encode(value) }
    mutating func encode(_ value: Double, forKey key: Key) { member(key).encode(value) }
    mutating func encode(_ value: Float, forKey key: Key) { member(key).encode(value) }
    mutating func encode(_ value: Int, forKey key: Key) { member(key).encode(value) }
    mutating func encode(_ value: Int8, forKey key: Key) { member(key).encode(value) }
    mutating func encode(_ value: Int16, forKey key: Key) { member(key).encode(value) }
    mutating func encode(_ value: Int32, forKey key: Key) { member(key).encode(value) }
    mutating func encode(_ value: Int64, forKey key: Key) { member(key).encode(value) }
    mutating func encode(_ value: UInt, forKey key: Key) { member(key).encode(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) { member(key).encode(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) { member(key).encode(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) { member(key).encode(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) { member(key).encode(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try value.encode(to: member(key)) }

    // Synthesized conformances call these for optionals; the default would always drop nil.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) { encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) { encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) { encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) { encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) { encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) { encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) { encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) { encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) { encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) { encodeOptional(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) { encodeOptional(value, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value {
            try value.encode(to: member(key))
        } else if encoder.explicitNulls {
            member(key).encodeNil()
        }
    }

    private func encodeOptional<T: Encodable>(_ value: T?, _ key: Key) {
        if let value {
            // Primitive values cannot fail to encode.
            try? value.encode(to: member(key))
        } else if encoder.explicitNulls {
            member(key).encodeNil()
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        member(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { member(key).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { member(Key(stringValue: "super")!) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { member(key) }
}

private struct ArrayEncodingContainer: UnkeyedEncodingContainer {
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    var count: Int { encoder.node.elements.count }

    func element() -> JSONTreeEncoder {
        let key = PathKey(intValue: count)
        return encoder.child(encoder.node.appendElement(), key)
    }

    mutating func encodeNil() { element().encodeNil() }
    mutating func encode(_ value: Bool) { element().encode(value) }
    mutating func encode(_ value: String) { element().encode(value) }
    mutating func encode(_ value: Double) { element().encode(value) }
    mutating func encode(_ value: Float) { element().encode(value) }
    mutating func encode(_ value: Int) { element().encode(value) }
    mutating func encode(_ value: Int8) { element().encode(value) }
    mutating func encode(_ value: Int16) { element().encode(value) }
    mutating func encode(_ value: Int32) { element().encode(value) }
    mutating func encode(_ value: Int64) { element().encode(value) }
    mutating func encode(_ value: UInt) { element().encode(value) }
    mutating func encode(_ value: UInt8) { element().encode(value) }
    mutating func encode(_ value: UInt16) { element().encode(value) }
    mutating func encode(_ value: UInt32) { element().encode(value) }
    mutating func encode(_ value: UInt64) { element().encode(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: element()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        element().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { element().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { element() }
}
