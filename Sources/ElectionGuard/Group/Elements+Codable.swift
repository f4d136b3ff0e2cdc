/// Elements and hashes encode as one upper-case, fixed-width hex string, as the record writes them;
/// decoding validates (range, and the subgroup for elements mod p). For storage and messages; the
/// record's own JSON types live in ElectionRecord.
extension CodingUserInfoKey {
    /// Set to true in a decoder's userInfo to skip the subgroup check of elements mod p (about 1 ms
    /// each). Only for data this system wrote itself into its own store; never for input from outside.
    public static let trustedElectionGuardStore = CodingUserInfoKey(rawValue: "plebiscite.trustedElectionGuardStore")!
}

extension ElementModP: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let field = decoder.codingPath.map(\.stringValue).joined(separator: ".")
        do {
            if decoder.userInfo[.trustedElectionGuardStore] as? Bool == true {
                guard let bytes = Base16.decode(text) else { throw ElectionGuardError.invalidHex(field: field) }
                let value = GMPInteger(bigEndian: bytes)
                guard value.compare(0) > 0, value.compare(GroupParameters.p) < 0 else {
                    throw ElectionGuardError.outOfRange(field: field, bound: "p")
                }
                self.init(unchecked: value)
            } else {
                try self.init(hex: text, field: field)
            }
        } catch let error as ElectionGuardError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}

extension ElementModQ: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(hex: text, field: decoder.codingPath.map(\.stringValue).joined(separator: "."))
        } catch let error as ElectionGuardError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}

extension UInt256: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(hex: text, field: decoder.codingPath.map(\.stringValue).joined(separator: "."))
        } catch let error as ElectionGuardError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
