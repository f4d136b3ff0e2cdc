import CGMP
import ElectionGuard

/// Tests many elements of Z_p for membership in the order-q subgroup Z_p^r at once.
///
/// Z_p^* has order p − 1 = 2·q·r' with q and r' = (p − 1)/(2q) distinct primes (r' has 3840 bits; the
/// test `cofactorStructure` in VerifierTests checks this), so Z_p^* ≅ C_2 × C_q × C_r'. For elements
/// x_1...x_n in 1..<p the test is:
///
/// 1. each x_i is a quadratic residue (Jacobi symbol (x_i | p) = 1), which rules out a C_2 component
///    (about 30 µs each, no exponentiation);
/// 2. (Π x_i^(e_i))^q = 1 for fresh random 64-bit e_i from a cryptographic generator.
///
/// If every x_i is in Z_p^r both hold. If some x_k is not, write x_k = y_k·z_k with z_k ≠ 1 in C_r'.
/// Step 2's left side is (Π z_i^(e_i))^q, which is 1 only if Π z_i^(e_i) = 1 (q and r' are coprime);
/// fixing every other e_i, that holds for at most one value of e_k, because e ↦ z_k^e is injective on
/// 0..<2^64 (z_k has prime order r' > 2^64). So a batch with a bad element passes with probability at
/// most 2^−64 (Bellare, Garay and Rabin's small-exponent test). The product is a multi-exponentiation
/// with 64-bit exponents (Pippenger's buckets): about 64/c + 2^(c+1)·64/(c·n) multiplications an
/// element instead of the 256 squarings of x^q. When a batch fails, the caller tests its elements one
/// by one to name the culprits.
struct BatchSubgroupCheck {
    /// The bound on a wrong "all in the subgroup" answer, per batch.
    static let errorProbability = "2^-64"

    let workspace: MontgomeryWorkspace

    /// True when every element passes (see the type's comment for the error bound).
    /// - Parameter random: a cryptographically secure source of 64-bit exponents.
    func allInSubgroup(_ elements: [ElementModP], random: () -> UInt64) -> Bool {
        guard !elements.isEmpty else { return true }
        var bases = [[mp_limb_t]]()
        bases.reserveCapacity(elements.count)
        for element in elements {
            let limbs = MontgomeryField.limbs(bigEndian: element.bytes)
            guard Self.jacobi(limbs, workspace.field.modulus) == 1 else { return false }
            bases.append(workspace.toMontgomery(limbs))
        }
        let combined = multiExponentiation(bases, exponents: elements.map { _ in random() })
        let raised = workspace.fromMontgomery(workspace.power(combined, exponent: GroupParameters.smallPrime))
        return raised == [1] + [mp_limb_t](repeating: 0, count: MontgomeryField.limbCount - 1)
    }

    /// Π bases_i^(exponents_i) in Montgomery form, by Pippenger's bucket method with c-bit digits.
    func multiExponentiation(_ bases: [[mp_limb_t]], exponents: [UInt64]) -> [mp_limb_t] {
        let c = Self.window(for: bases.count)
        let rounds = (64 + c - 1) / c
        var accumulator: [mp_limb_t]?
        for round in stride(from: rounds - 1, through: 0, by: -1) {
            if accumulator != nil { workspace.square(&accumulator!, times: c) }
            var buckets = [[mp_limb_t]?](repeating: nil, count: 1 << c)
            for (base, exponent) in zip(bases, exponents) {
                let digit = Int(exponent >> UInt64(round * c) & UInt64((1 << c) - 1))
                guard digit != 0 else { continue }
                if buckets[digit] == nil { buckets[digit] = base } else { workspace.multiply(&buckets[digit]!, by: base) }
            }
            // Σ d·bucket_d as running products: total = Π_d (Π_{d' ≥ d} bucket_d').
            var running: [mp_limb_t]?, total: [mp_limb_t]?
            for digit in stride(from: (1 << c) - 1, through: 1, by: -1) {
                if let bucket = buckets[digit] {
                    if running == nil { running = bucket } else { workspace.multiply(&running!, by: bucket) }
                }
                if let running {
                    if total == nil { total = running } else { workspace.multiply(&total!, by: running) }
                }
            }
            if let total {
                if accumulator == nil { accumulator = total } else { workspace.multiply(&accumulator!, by: total) }
            }
        }
        return accumulator ?? workspace.one
    }

    /// The digit width that minimizes (64/c)·(n + 2^(c+1)).
    static func window(for count: Int) -> Int {
        func cost(_ c: Int) -> Int {
            let rounds: Int = (64 + c - 1) / c
            return rounds * (count + (2 << c))
        }
        var best = 1
        for c in 2...12 where cost(c) < cost(best) { best = c }
        return best
    }

    /// The Jacobi symbol (x | m) of two numbers given as 64 limbs.
    static func jacobi(_ x: [mp_limb_t], _ m: [mp_limb_t]) -> Int {
        x.withUnsafeBufferPointer { px in
            m.withUnsafeBufferPointer { pm in
                var a = __mpz_struct(), b = __mpz_struct()
                let za = __gmpz_roinit_n(&a, px.baseAddress, px.count)
                let zb = __gmpz_roinit_n(&b, pm.baseAddress, pm.count)
                return Int(__gmpz_jacobi(za, zb))
            }
        }
    }
}
