import CGMP
import CMontgomery
import ElectionGuard

/// Montgomery arithmetic modulo the standard 4096-bit prime p: AVX-512 IFMA (`CMontgomery`) where the CPU
/// has it, else GMP's low-level `mpn` functions.
///
/// The verifier's batched path needs what `ElementModP` does not offer: many products with one
/// scratch buffer, squarings shared between exponentiations, and Jacobi symbols. Neither GMP nor
/// CMontgomery is code that produced the record, so using them here keeps the verifier independent of
/// the producer (docs/architecture.md); every result is cross-checked against `ElementModP` in the tests.
///
/// The field's own numbers (`modulus`, `rSquared`, `one`) are GMP's: 64 little-endian limbs, R = 2^4096.
/// A workspace's numbers depend on its backend (`MontgomeryWorkspace`).
struct MontgomeryField: Sendable {
    /// Limbs of a number mod p.
    static let limbCount = 64

    /// p, little-endian limbs.
    let modulus: [mp_limb_t]
    /// −p⁻¹ mod 2^64.
    let inverse: mp_limb_t
    /// R² mod p, to bring a number into Montgomery form.
    let rSquared: [mp_limb_t]
    /// 1 in Montgomery form (R mod p).
    let one: [mp_limb_t]
    /// The same field for CMontgomery, when the CPU has AVX-512 IFMA and PLEBISCITE_NO_IFMA is not set.
    let ifma: IFMAModulus?

    /// The field of ElectionGuard's standard p.
    static let standard = MontgomeryField(modulusBigEndian: GroupParameters.largePrime)

    init(modulusBigEndian bytes: [UInt8]) {
        precondition(bytes.count == 8 * Self.limbCount && bytes.last! & 1 == 1, "an odd 4096-bit modulus")
        modulus = Self.limbs(bigEndian: bytes)
        var inverse: mp_limb_t = 1
        for _ in 0..<6 { inverse = inverse &* (2 &- modulus[0] &* inverse) }
        self.inverse = 0 &- inverse
        rSquared = Self.power2Mod(bits: 2 * 64 * Self.limbCount, modulus: bytes)
        one = Self.power2Mod(bits: 64 * Self.limbCount, modulus: bytes)
        ifma = cmont_ifma_available() != 0 ? IFMAModulus(modulus) : nil
    }

    /// The limbs of a big-endian number of exactly 512 bytes.
    static func limbs(bigEndian bytes: [UInt8]) -> [mp_limb_t] {
        precondition(bytes.count == 8 * limbCount)
        var limbs = [mp_limb_t](repeating: 0, count: limbCount)
        for index in 0..<limbCount {
            var limb: mp_limb_t = 0
            let start = bytes.count - 8 * (index + 1)
            for offset in 0..<8 { limb = limb << 8 | mp_limb_t(bytes[start + offset]) }
            limbs[index] = limb
        }
        return limbs
    }

    /// The 512 big-endian bytes of a number below 2^4096.
    static func bigEndian(_ limbs: [mp_limb_t]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 8 * limbCount)
        for index in 0..<limbCount {
            let limb = limbs[index]
            let start = bytes.count - 8 * (index + 1)
            for offset in 0..<8 { bytes[start + offset] = UInt8(truncatingIfNeeded: limb >> (8 * (7 - offset))) }
        }
        return bytes
    }

    /// 2^bits mod the modulus, as limbs (with GMP's integer functions; done once per field).
    private static func power2Mod(bits: Int, modulus: [UInt8]) -> [mp_limb_t] {
        let p = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 1)
        let value = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 1)
        cgmp_init(p)
        cgmp_init(value)
        defer {
            cgmp_clear(p)
            cgmp_clear(value)
            p.deallocate()
            value.deallocate()
        }
        modulus.withUnsafeBytes { cgmp_import_be(p, $0.baseAddress, $0.count) }
        cgmp_set_ui(value, 1)
        cgmp_mul_2exp(value, value, mp_bitcnt_t(bits))
        cgmp_mod(value, value, p)
        var bytes = [UInt8](repeating: 0, count: modulus.count)
        _ = bytes.withUnsafeMutableBytes { cgmp_export_be(value, $0.baseAddress, $0.count) }
        return limbs(bigEndian: bytes)
    }
}

/// CMontgomery's precomputed field of a modulus, in 64-byte-aligned C memory.
///
/// `@unchecked Sendable` is safe because the field is written once, in `init`, and only read afterwards.
final class IFMAModulus: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ modulus: [mp_limb_t]) {
        guard let pointer = cmont_field_new(modulus) else { fatalError("out of memory") }
        self.pointer = pointer
    }

    deinit { cmont_field_free(pointer) }
}
