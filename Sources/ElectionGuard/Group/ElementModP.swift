/// An element of Z_p (spec 3.1.1); most are in the order-q subgroup Z_p^r: public keys, ciphertexts,
/// commitments. Immutable `Sendable` value over GMP memory.
public struct ElementModP: Sendable, Hashable, CustomStringConvertible {
    let value: GMPInteger

    init(unchecked value: GMPInteger) {
        self.value = value
    }

    /// An element of Z_p^r from big-endian bytes (at most 512 after leading zeros).
    /// - Throws: `wrongLength`, `outOfRange` (not in 1..<p) or `notInSubgroup` (x^q != 1 mod p), naming `field`.
    public init(bytes: [UInt8], field: String = "ElementModP") throws {
        try self.init(bytesDeferringSubgroupCheck: bytes, field: field)
        guard isInSubgroup else { throw ElectionGuardError.notInSubgroup(field: field) }
    }

    /// An element of Z_p from big-endian bytes, checked for length and range (1..<p) but not yet for
    /// the subgroup (x^q = 1, about 1 ms): for a caller that checks many elements at once afterwards (the
    /// verifier's batch test) or reads back what it wrote itself. Whoever uses it owns that check.
    /// - Throws: `wrongLength` or `outOfRange`, naming `field`.
    public init(bytesDeferringSubgroupCheck bytes: [UInt8], field: String = "ElementModP") throws {
        let significant = bytes.drop { $0 == 0 }
        guard significant.count <= GroupParameters.pByteCount else {
            throw ElectionGuardError.wrongLength(field: field, expected: GroupParameters.pByteCount, actual: bytes.count)
        }
        let value = GMPInteger(bigEndian: significant)
        guard value.compare(0) > 0, value.compare(GroupParameters.p) < 0 else {
            throw ElectionGuardError.outOfRange(field: field, bound: "p")
        }
        self.value = value
    }

    /// An element of Z_p^r from hex, as records write it.
    /// - Throws: `invalidHex`, `wrongLength`, `outOfRange` or `notInSubgroup`, naming `field`.
    public init(hex: String, field: String = "ElementModP") throws {
        guard let bytes = Base16.decode(hex) else { throw ElectionGuardError.invalidHex(field: field) }
        try self.init(bytes: bytes, field: field)
    }

    /// The generator g of Z_p^r.
    public static let g = ElementModP(unchecked: GroupParameters.g)
    public static let one = ElementModP(unchecked: GMPInteger(1))

    /// True when this element has order dividing q: x^q mod p == 1 (one exponentiation).
    public var isInSubgroup: Bool {
        if let field = IFMAField.shared {
            return field.power(value, exponent: GroupParameters.qBytes).compare(1) == 0
        }
        return GMPInteger.powMod(value, GroupParameters.q, GroupParameters.p).compare(1) == 0
    }

    /// The 512-byte big-endian encoding.
    public var bytes: [UInt8] { value.bigEndianBytes(width: GroupParameters.pByteCount)! }

    /// Upper-case hex of the 512-byte encoding.
    public var hex: String { Base16.encode(bytes) }

    public var description: String { "ElementModP(\(hex.prefix(8))…)" }

    public static func * (a: ElementModP, b: ElementModP) -> ElementModP {
        ElementModP(unchecked: .mulMod(a.value, b.value, GroupParameters.p))
    }

    /// The multiplicative inverse mod p (every element of Z_p^* has one).
    public var inverse: ElementModP {
        ElementModP(unchecked: GMPInteger.invertMod(value, GroupParameters.p)!)
    }

    /// self^e mod p for a public exponent (not constant-time): AVX-512 IFMA where the CPU has it
    /// (`IFMAField`), else GMP's fastest exponentiation.
    public func power(_ e: ElementModQ) -> ElementModP {
        if let field = IFMAField.shared { return ElementModP(unchecked: field.power(value, exponent: e.bytes)) }
        return ElementModP(unchecked: .powMod(value, e.value, GroupParameters.p))
    }

    /// self^e mod p for each public exponent: with IFMA the exponents share their squarings (about 110
    /// products a power after about 260 once, against about 320 each), else one GMP exponentiation each.
    public func powers(_ exponents: [ElementModQ]) -> [ElementModP] {
        guard let field = IFMAField.shared, exponents.count > 1 else { return exponents.map(power) }
        return field.powers(value, exponents: exponents.map(\.bytes)).map(ElementModP.init(unchecked:))
    }

    /// self^e mod p for a secret exponent, in constant time (mpz_powm_sec).
    public func powerSecret(_ e: ElementModQ) -> ElementModP {
        ElementModP(unchecked: .powModSecret(value, e.value, GroupParameters.p))
    }

    /// self^e mod p for a small public exponent.
    public func power(_ e: UInt) -> ElementModP {
        ElementModP(unchecked: .powMod(value, GMPInteger(e), GroupParameters.p))
    }

    public static func == (a: ElementModP, b: ElementModP) -> Bool { a.value.compare(b.value) == 0 }

    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}
