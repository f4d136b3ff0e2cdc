import CGMP
import ElectionGuard

/// Montgomery arithmetic modulo the standard 4096-bit prime p, on GMP's low-level `mpn` functions.
///
/// The verifier's batched path needs what `ElementModP` does not offer: many products with one
/// scratch buffer, squarings shared between exponentiations, and Jacobi symbols. GMP itself is
/// not code that produced the record, so using it here keeps the verifier independent of the
/// producer (docs/architecture.md); every result is cross-checked against `ElementModP` in the tests.
///
/// Numbers are 64 little-endian limbs. A value x is held as x·R mod p with R = 2^4096, and is only
/// partially reduced (below R, not necessarily below p) until `normalize`.
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

/// A worker's scratch memory for `MontgomeryField` products; one per task, never shared.
final class MontgomeryWorkspace {
    let field: MontgomeryField
    private let product: UnsafeMutablePointer<mp_limb_t>
    private let modulus: UnsafeMutablePointer<mp_limb_t>
    private let n = MontgomeryField.limbCount

    init(field: MontgomeryField = .standard) {
        self.field = field
        product = .allocate(capacity: 2 * MontgomeryField.limbCount)
        modulus = .allocate(capacity: MontgomeryField.limbCount)
        modulus.initialize(from: field.modulus, count: MontgomeryField.limbCount)
    }

    deinit {
        product.deallocate()
        modulus.deallocate()
    }

    /// a·b·R⁻¹ mod p (below R).
    func multiply(_ a: [mp_limb_t], _ b: [mp_limb_t]) -> [mp_limb_t] {
        var result = a
        multiply(&result, by: b)
        return result
    }

    /// a ← a·b·R⁻¹ mod p.
    func multiply(_ a: inout [mp_limb_t], by b: [mp_limb_t]) {
        a.withUnsafeMutableBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                __gmpn_mul_n(product, pa.baseAddress, pb.baseAddress, n)
                reduce(into: pa.baseAddress!)
            }
        }
    }

    /// a ← a²·R⁻¹ mod p, `count` times.
    func square(_ a: inout [mp_limb_t], times count: Int = 1) {
        guard count > 0 else { return }
        a.withUnsafeMutableBufferPointer { pa in
            for _ in 0..<count {
                __gmpn_sqr(product, pa.baseAddress, n)
                reduce(into: pa.baseAddress!)
            }
        }
    }

    /// x·R mod p: a number below p into Montgomery form.
    func toMontgomery(_ x: [mp_limb_t]) -> [mp_limb_t] { multiply(x, field.rSquared) }

    /// x·R⁻¹ mod p, fully reduced: out of Montgomery form (or, for a normal-form product, the product).
    func fromMontgomery(_ x: [mp_limb_t]) -> [mp_limb_t] {
        var result = x
        result.withUnsafeMutableBufferPointer { pr in
            product.update(from: pr.baseAddress!, count: n)
            (product + n).update(repeating: 0, count: n)
            reduce(into: pr.baseAddress!)
        }
        normalize(&result)
        return result
    }

    /// x ← x mod p for x below R (R < 2p, so one subtraction at most).
    func normalize(_ x: inout [mp_limb_t]) {
        x.withUnsafeMutableBufferPointer { px in
            if compare(px.baseAddress!, modulus) >= 0 { __gmpn_sub_n(px.baseAddress, px.baseAddress, modulus, n) }
        }
    }

    /// The element in Montgomery form, from its 512 bytes.
    func montgomery(_ element: ElementModP) -> [mp_limb_t] {
        toMontgomery(MontgomeryField.limbs(bigEndian: element.bytes))
    }

    /// Montgomery reduction of the 2n limbs in `product` (GMP's redc_1 scheme): each step clears the
    /// lowest limb by adding a multiple of p and parks the carry in the cleared limb; the parked
    /// carries are added at the end.
    private func reduce(into result: UnsafeMutablePointer<mp_limb_t>) {
        var low = product
        for _ in 0..<n {
            let factor = low[0] &* field.inverse
            low[0] = __gmpn_addmul_1(low, modulus, n, factor)
            low += 1
        }
        if __gmpn_add_n(result, low, low - n, n) != 0 {
            __gmpn_sub_n(result, result, modulus, n)
        }
    }

    private func compare(_ a: UnsafePointer<mp_limb_t>, _ b: UnsafePointer<mp_limb_t>) -> Int {
        var index = n - 1
        while index >= 0 {
            if a[index] != b[index] { return a[index] < b[index] ? -1 : 1 }
            index -= 1
        }
        return 0
    }
}
