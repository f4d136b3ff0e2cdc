import CGMP
import CMontgomery

/// The field of p for CMontgomery's AVX-512 IFMA arithmetic (about 3.5 times GMP's speed for a 4096-bit
/// exponentiation on the machines we measured), present only when the CPU has AVX-512 IFMA and
/// PLEBISCITE_NO_IFMA is not set; otherwise `shared` is nil and GMP does everything.
///
/// `@unchecked Sendable` is safe because the field is written once, in `init`, before `shared` publishes
/// it, and only read afterwards.
final class IFMAField: @unchecked Sendable {
    /// p's field when IFMA is available, nil for GMP.
    static let shared: IFMAField? = cmont_ifma_available() != 0 ? IFMAField(modulus: GroupParameters.p) : nil

    let pointer: OpaquePointer

    private init(modulus: GMPInteger) {
        guard let pointer = cmont_field_new(Self.limbs(of: modulus)) else { fatalError("out of memory") }
        self.pointer = pointer
    }

    deinit { cmont_field_free(pointer) }

    /// The 64 little-endian limbs of a number below 2^4096.
    static func limbs(of value: GMPInteger) -> [mp_limb_t] {
        var limbs = [mp_limb_t](repeating: 0, count: Int(CMONT_LIMBS))
        let status = limbs.withUnsafeMutableBufferPointer { cgmp_export_limbs(value.pointer, $0.baseAddress, $0.count) }
        precondition(status == 0, "a number below 2^4096")
        return limbs
    }

    /// The integer of 64 little-endian limbs.
    static func integer(_ limbs: [mp_limb_t]) -> GMPInteger {
        let result = GMPInteger(bits: 4096)
        limbs.withUnsafeBufferPointer { cgmp_import_limbs(result.pointer, $0.baseAddress, $0.count) }
        return result
    }

    /// base^exponent mod p for a public big-endian exponent (not constant-time).
    func power(_ base: GMPInteger, exponent: [UInt8]) -> GMPInteger {
        let baseLimbs = Self.limbs(of: base)
        var out = [mp_limb_t](repeating: 0, count: Int(CMONT_LIMBS))
        cmont_power_limbs(pointer, &out, baseLimbs, exponent, exponent.count)
        return Self.integer(out)
    }

    /// base^e mod p for several public 32-byte exponents, sharing the squarings (`cmont_powers_limbs`).
    func powers(_ base: GMPInteger, exponents: [[UInt8]]) -> [GMPInteger] {
        precondition(exponents.allSatisfy { $0.count == 32 })
        let limbCount = Int(CMONT_LIMBS)
        var out = [mp_limb_t](repeating: 0, count: limbCount * exponents.count)
        cmont_powers_limbs(pointer, &out, Self.limbs(of: base), exponents.flatMap { $0 }, exponents.count)
        return (0..<exponents.count).map { Self.integer(Array(out[limbCount * $0 ..< limbCount * ($0 + 1)])) }
    }
}

/// A fixed-base table in IFMA Montgomery form (see `FixedBaseTable`): rows × 2^window entries of 80 words.
///
/// `@unchecked Sendable` is safe because the buffer is filled in `init` and only read afterwards.
final class IFMAFixedBaseTable: @unchecked Sendable {
    let field: IFMAField
    let rows: Int
    let windowBits: Int
    private let entries: UnsafeMutablePointer<mp_limb_t>

    init(field: IFMAField, base: GMPInteger, rows: Int, windowBits: Int) {
        self.field = field
        self.rows = rows
        self.windowBits = windowBits
        entries = .allocate(capacity: (rows << windowBits) * Int(CMONT_DIGITS))
        cmont_fixed_base_build(field.pointer, entries, rows, UInt32(windowBits), IFMAField.limbs(of: base))
    }

    deinit { entries.deallocate() }

    /// base^e mod p for the 32 big-endian bytes of e.
    func power(_ exponent: [UInt8]) -> GMPInteger {
        var out = [mp_limb_t](repeating: 0, count: Int(CMONT_LIMBS))
        cmont_fixed_base_power(field.pointer, &out, entries, rows, UInt32(windowBits), exponent, exponent.count)
        return IFMAField.integer(out)
    }
}
