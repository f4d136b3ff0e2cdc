import CGMP
import CMontgomery
import ElectionGuard

/// A worker's scratch memory for products modulo p in Montgomery form; one per task, never shared.
///
/// Two backends compute the same values in different representations:
/// - IFMA (`CMontgomery`, when `MontgomeryField.ifma` is there): 80 digits of 52 bits, R = 2^4160;
/// - GMP's `mpn` functions: 64 limbs, R = 2^4096 (REDC in Swift).
/// A `Number` is opaque outside this type except through `toMontgomery`, `plain`, `fromMontgomery`
/// and `reduced`. Montgomery-form numbers are only partially reduced (below 2p for IFMA, below R for
/// GMP) until they leave.
final class MontgomeryWorkspace {
    /// A number of this workspace's backend.
    typealias Number = [mp_limb_t]

    let field: MontgomeryField
    /// The IFMA field, or nil for GMP.
    let ifma: IFMAModulus?
    /// 1 in Montgomery form.
    let one: Number
    private let product: UnsafeMutablePointer<mp_limb_t>
    private let modulus: UnsafeMutablePointer<mp_limb_t>
    private let n = MontgomeryField.limbCount

    /// - Parameter useIFMA: false forces GMP even where the CPU has IFMA (for tests comparing the two).
    init(field: MontgomeryField = .standard, useIFMA: Bool = true) {
        self.field = field
        ifma = useIFMA ? field.ifma : nil
        if let ifma {
            one = Array(UnsafeBufferPointer(start: cmont_field_one(ifma.pointer), count: Int(CMONT_DIGITS)))
        } else {
            one = field.one
        }
        product = .allocate(capacity: 2 * MontgomeryField.limbCount)
        modulus = .allocate(capacity: MontgomeryField.limbCount)
        modulus.initialize(from: field.modulus, count: MontgomeryField.limbCount)
    }

    deinit {
        product.deallocate()
        modulus.deallocate()
    }

    /// Whether products run on AVX-512 IFMA.
    var usesIFMA: Bool { ifma != nil }

    /// a·b·R⁻¹ mod p.
    func multiply(_ a: Number, _ b: Number) -> Number {
        var result = a
        multiply(&result, by: b)
        return result
    }

    /// a ← a·b·R⁻¹ mod p.
    func multiply(_ a: inout Number, by b: Number) {
        a.withUnsafeMutableBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                if let ifma {
                    cmont_mul(ifma.pointer, pa.baseAddress, pa.baseAddress, pb.baseAddress)
                } else {
                    __gmpn_mul_n(product, pa.baseAddress, pb.baseAddress, n)
                    reduce(into: pa.baseAddress!)
                }
            }
        }
    }

    /// a ← a²·R⁻¹ mod p, `count` times.
    func square(_ a: inout Number, times count: Int = 1) {
        guard count > 0 else { return }
        a.withUnsafeMutableBufferPointer { pa in
            if let ifma {
                cmont_square(ifma.pointer, pa.baseAddress, count)
                return
            }
            for _ in 0..<count {
                __gmpn_sqr(product, pa.baseAddress, n)
                reduce(into: pa.baseAddress!)
            }
        }
    }

    /// x·R mod p: a number below p (64 limbs) into Montgomery form.
    func toMontgomery(_ x: [mp_limb_t]) -> Number {
        guard let ifma else { return multiply(x, field.rSquared) }
        var result = Number(repeating: 0, count: Int(CMONT_DIGITS))
        cmont_to_montgomery(ifma.pointer, &result, x)
        return result
    }

    /// A plain number below p (64 limbs) as this backend's number, not in Montgomery form: a
    /// Montgomery-form number times it is the plain product.
    func plain(_ x: [mp_limb_t]) -> Number {
        guard ifma != nil else { return x }
        var result = Number(repeating: 0, count: Int(CMONT_DIGITS))
        cmont_digits(&result, x)
        return result
    }

    /// x·R⁻¹ mod p, fully reduced, as 64 limbs: out of Montgomery form.
    func fromMontgomery(_ x: Number) -> [mp_limb_t] {
        if let ifma {
            var result = [mp_limb_t](repeating: 0, count: n)
            cmont_from_montgomery(ifma.pointer, &result, x)
            return result
        }
        var result = x
        result.withUnsafeMutableBufferPointer { pr in
            product.update(from: pr.baseAddress!, count: n)
            (product + n).update(repeating: 0, count: n)
            reduce(into: pr.baseAddress!)
        }
        normalize(&result)
        return result
    }

    /// x mod p as 64 limbs, for a plain (not Montgomery-form) number of this backend, such as the product
    /// of a Montgomery-form number and a `plain` one.
    func reduced(_ x: Number) -> [mp_limb_t] {
        guard let ifma else {
            var result = x
            normalize(&result)
            return result
        }
        var result = [mp_limb_t](repeating: 0, count: n)
        cmont_to_limbs(ifma.pointer, &result, x)
        return result
    }

    /// The element in Montgomery form, from its 512 bytes.
    func montgomery(_ element: ElementModP) -> Number {
        toMontgomery(MontgomeryField.limbs(bigEndian: element.bytes))
    }

    /// x ← x mod p for a GMP-backend x below R (R < 2p, so one subtraction at most).
    private func normalize(_ x: inout [mp_limb_t]) {
        x.withUnsafeMutableBufferPointer { px in
            if compare(px.baseAddress!, modulus) >= 0 { __gmpn_sub_n(px.baseAddress, px.baseAddress, modulus, n) }
        }
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
