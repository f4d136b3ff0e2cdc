/// Elements and hashes encode as one upper-case, fixed-width hex string, as the record writes them;
/// decoding validates (range, and the subgroup for elements mod p). For storage and messages; the
/// record's own JSON types live in ElectionRecord.
extension CodingUserInfoKey {
    /// Set to true in a decoder's userInfo to skip the subgroup check of elements mod p (about 1 ms
    /// each). Only for data this system wrote itself into its own store; never for input from outside.
    public static let trustedElectionGuardStore = CodingUserInfoKey(rawValue: "plebiscite.trustedElectionGuardStore")!
}

/// A value written as hex and read back with validation.
protocol HexCodable: Codable {
    init(hex: String, field: String) throws
    var hex: String { get }
}

extension HexCodable {
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

extension ElementModQ: HexCodable {}
extension UInt256: HexCodable {}

extension ElementModP: HexCodable {
    public init(from decoder: any Decoder) throws {
        guard decoder.userInfo[.trustedElectionGuardStore] as? Bool == true else {
            try self.init(hexDecoder: decoder)
            return
        }
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let field = decoder.codingPath.map(\.stringValue).joined(separator: ".")
        do {
            guard let bytes = Base16.decode(text) else { throw ElectionGuardError.invalidHex(field: field) }
            try self.init(bytesDeferringSubgroupCheck: bytes, field: field)
        } catch let error as ElectionGuardError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// The validating decoding of `HexCodable`.
    private init(hexDecoder decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(hex: text, field: decoder.codingPath.map(\.stringValue).joined(separator: "."))
        } catch let error as ElectionGuardError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }
}
