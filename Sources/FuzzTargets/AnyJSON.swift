/// Any JSON value, decoded through the record's own parser and tree decoder: exercises every path of
/// both (objects, arrays, numbers of every kind, strings with escapes) without a fixed schema.
struct AnyJSON: Decodable {
    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            while !array.isAtEnd { _ = try array.decode(AnyJSON.self) }
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            for key in object.allKeys { _ = try object.decode(AnyJSON.self, forKey: key) }
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { return }
        if (try? single.decode(Bool.self)) != nil { return }
        if (try? single.decode(String.self)) != nil { return }
        if (try? single.decode(Int64.self)) != nil { return }
        if (try? single.decode(UInt64.self)) != nil { return }
        _ = try? single.decode(Double.self)
    }

    struct AnyKey: CodingKey {
        let stringValue: String
        let intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue; intValue = nil }
        init(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
    }
}
