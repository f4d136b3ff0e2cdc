/// A 256-bit value: a hash output or a hash key (spec 3.1.3). Compared in constant time.
public struct UInt256: Sendable, Hashable, CustomStringConvertible {
    /// The 32 bytes, big-endian.
    public let bytes: [UInt8]

    /// - Throws: `wrongLength` unless `bytes` has exactly 32 bytes.
    public init(bytes: [UInt8], field: String = "UInt256") throws {
        guard bytes.count == 32 else { throw ElectionGuardError.wrongLength(field: field, expected: 32, actual: bytes.count) }
        self.bytes = bytes
    }

    init(exactly bytes: [UInt8]) {
        precondition(bytes.count == 32)
        self.bytes = bytes
    }

    /// - Throws: `invalidHex` or `wrongLength`, naming `field`.
    public init(hex: String, field: String = "UInt256") throws {
        guard let bytes = Base16.decode(hex) else { throw ElectionGuardError.invalidHex(field: field) }
        try self.init(bytes: bytes, field: field)
    }

    /// Upper-case hex of the 32 bytes.
    public var hex: String { Base16.encode(bytes) }

    /// The value reduced mod q, as the spec turns a hash into an exponent.
    public var modQ: ElementModQ { ElementModQ(reducing: bytes) }

    public var description: String { hex }

    public static func == (a: UInt256, b: UInt256) -> Bool {
        var difference: UInt8 = 0
        for index in 0..<32 { difference |= a.bytes[index] ^ b.bytes[index] }
        return difference == 0
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}

extension UInt256 {
    /// 32 random bytes, e.g. a ballot's primary nonce.
    public static func random<R: RandomNumberGenerator>(using generator: inout R) -> UInt256 {
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        for _ in 0..<4 {
            let word = generator.next()
            for shift in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: word >> (8 * shift))) }
        }
        return UInt256(exactly: bytes)
    }
}
