/// An integer mod q, the exponent group of ElectionGuard (spec 3.1.1): nonces, secret keys,
/// challenges and responses. Immutable; its memory is zeroed when the last copy goes, since many
/// values of this type are secrets.
public struct ElementModQ: Sendable, Hashable, CustomStringConvertible {
    let value: GMPInteger

    init(unchecked value: GMPInteger) {
        self.value = value
    }

    /// An element from big-endian bytes (at most 32 after leading zeros).
    /// - Throws: `wrongLength` for more than 32 significant bytes, `outOfRange` when the value is not below q.
    public init(bytes: [UInt8], field: String = "ElementModQ") throws {
        let significant = bytes.drop { $0 == 0 }
        guard significant.count <= GroupParameters.qByteCount else {
            throw ElectionGuardError.wrongLength(field: field, expected: GroupParameters.qByteCount, actual: bytes.count)
        }
        let value = GMPInteger(bigEndian: significant, secret: true)
        guard value.compare(GroupParameters.q) < 0 else { throw ElectionGuardError.outOfRange(field: field, bound: "q") }
        self.value = value
    }

    /// An element from hex, as records write it.
    /// - Throws: `invalidHex`, `wrongLength` or `outOfRange`, naming `field`.
    public init(hex: String, field: String = "ElementModQ") throws {
        guard let bytes = Base16.decode(hex) else { throw ElectionGuardError.invalidHex(field: field) }
        try self.init(bytes: bytes, field: field)
    }

    /// The small integer `value` mod q.
    public init(_ value: UInt) {
        self.value = GMPInteger.mod(GMPInteger(value, secret: true), GroupParameters.q, secret: true)
    }

    /// Any bytes read as a big-endian integer and reduced mod q (how the spec turns a hash into an exponent).
    public init(reducing bytes: [UInt8]) {
        value = GMPInteger.mod(GMPInteger(bigEndian: bytes, secret: true), GroupParameters.q, secret: true)
    }

    /// A uniformly random element of Z_q, from 64 random bytes reduced mod q (bias below 2^-256).
    public static func random<R: RandomNumberGenerator>(using generator: inout R) -> ElementModQ {
        var bytes = [UInt8](repeating: 0, count: 64)
        for index in stride(from: 0, to: 64, by: 8) {
            let word = generator.next()
            for shift in 0..<8 { bytes[index + shift] = UInt8(truncatingIfNeeded: word >> (8 * shift)) }
        }
        defer { for index in bytes.indices { bytes[index] = 0 } }
        return ElementModQ(reducing: bytes)
    }

    /// A uniformly random element from the system's secure generator.
    public static func random() -> ElementModQ {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    public static let zero = ElementModQ(0)
    public static let one = ElementModQ(1)

    /// The 32-byte big-endian encoding.
    public var bytes: [UInt8] { value.bigEndianBytes(width: GroupParameters.qByteCount)! }

    /// Upper-case hex of the 32-byte encoding.
    public var hex: String { Base16.encode(bytes) }

    public var isZero: Bool { value.compare(0) == 0 }

    /// The value as a machine integer when it is small enough.
    public var smallValue: Int? { value.bitWidth <= 62 ? Int(value.lowWord) : nil }

    /// Redacted: many elements mod q are secrets, and descriptions end up in logs. Use `hex` to see the value.
    public var description: String { "ElementModQ(…)" }

    public static func + (a: ElementModQ, b: ElementModQ) -> ElementModQ {
        ElementModQ(unchecked: .addMod(a.value, b.value, GroupParameters.q, secret: true))
    }

    public static func - (a: ElementModQ, b: ElementModQ) -> ElementModQ {
        ElementModQ(unchecked: .subMod(a.value, b.value, GroupParameters.q, secret: true))
    }

    public static func * (a: ElementModQ, b: ElementModQ) -> ElementModQ {
        ElementModQ(unchecked: .mulMod(a.value, b.value, GroupParameters.q, secret: true))
    }

    public static prefix func - (a: ElementModQ) -> ElementModQ { .zero - a }

    /// The multiplicative inverse mod q, or nil for zero.
    public var inverse: ElementModQ? {
        GMPInteger.invertMod(value, GroupParameters.q, secret: true).map(ElementModQ.init(unchecked:))
    }

    public static func == (a: ElementModQ, b: ElementModQ) -> Bool { a.value.compare(b.value) == 0 }

    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}
