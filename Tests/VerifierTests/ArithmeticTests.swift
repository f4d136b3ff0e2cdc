import TestSupport
import CGMP
import ElectionGuard
import Testing
@testable import Verifier

/// The verifier's own Montgomery arithmetic agrees with ElectionGuard's `ElementModP`.
@Suite("Montgomery arithmetic and the batch subgroup test")
struct ArithmeticTests {
    let workspace = MontgomeryWorkspace()

    func limbs(_ element: ElementModP) -> [mp_limb_t] { MontgomeryField.limbs(bigEndian: element.bytes) }

    func element(_ limbs: [mp_limb_t]) throws -> ElementModP { try ElementModP(bytes: MontgomeryField.bigEndian(limbs)) }

    func randomElement(_ generator: inout some RandomNumberGenerator) -> ElementModP {
        GroupParameters.gTable.power(.random(using: &generator))
    }

    @Test("products, powers and table powers equal ElementModP's")
    func agreesWithElementModP() throws {
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<3 {
            let x = randomElement(&generator), y = randomElement(&generator)
            let e = ElementModQ.random(using: &generator), f = ElementModQ.random(using: &generator)
            let mx = workspace.montgomery(x), my = workspace.montgomery(y)
            #expect(try element(workspace.fromMontgomery(workspace.multiply(mx, my))) == x * y)
            #expect(try element(workspace.fromMontgomery(workspace.power(mx, exponent: e.bytes))) == x.power(e))
            let table = workspace.powerTable(mx)
            #expect(try element(workspace.fromMontgomery(workspace.power(table, exponent: e.bytes))) == x.power(e))
            #expect(try element(workspace.fromMontgomery(workspace.power(table, exponent: f.bytes))) == x.power(f))
            let product = workspace.powerTable(product: [table, workspace.powerTable(my)])
            #expect(try element(workspace.fromMontgomery(workspace.power(product, exponent: e.bytes))) == (x * y).power(e))
            // A Montgomery-form value times a plain one is the plain product.
            #expect(try element(workspace.reduced(workspace.multiply(mx, workspace.plain(limbs(y))))) == x * y)
            #expect(try element(workspace.fromMontgomery(workspace.powerProduct([mx, my], exponents: [e.bytes, f.bytes])))
                    == x.power(e) * y.power(f))
        }
        let zero = ElementModQ.zero, one = ElementModQ.one, top = -ElementModQ.one
        let x = randomElement(&generator), table = workspace.powerTable(workspace.montgomery(x))
        for e in [zero, one, top] {
            #expect(try element(workspace.fromMontgomery(workspace.power(table, exponent: e.bytes))) == x.power(e))
        }
    }

    @Test("IFMA and GMP workspaces give the same results on random inputs", .enabled(if: MontgomeryField.standard.ifma != nil))
    func backendsAgree() throws {
        var generator = SeededGenerator(seed: 5)
        let ifma = MontgomeryWorkspace(), gmp = MontgomeryWorkspace(useIFMA: false)
        #expect(ifma.usesIFMA && !gmp.usesIFMA)
        for _ in 0..<4 {
            let x = randomElement(&generator), y = randomElement(&generator), e = ElementModQ.random(using: &generator)
            for w in [ifma, gmp] {
                let mx = w.montgomery(x), my = w.montgomery(y)
                #expect(try element(w.fromMontgomery(w.multiply(mx, my))) == x * y)
                var squared = mx
                w.square(&squared, times: 3)
                #expect(try element(w.fromMontgomery(squared)) == x.power(8))
                #expect(try element(w.fromMontgomery(w.power(w.powerTable(mx), exponent: e.bytes))) == x.power(e))
                #expect(try element(w.fromMontgomery(w.power(mx, exponent: e.bytes))) == x.power(e))
            }
        }
        #expect(ifma.fromMontgomery(ifma.one) == gmp.fromMontgomery(gmp.one))
    }

    @Test("sliding windows reassemble the exponent")
    func slidingWindows() {
        var generator = SeededGenerator(seed: 2)
        for value in [0, 1, UInt64.max, 0x8000_0000_0000_0001, generator.next(), generator.next()] {
            let windows = MontgomeryWorkspace.slidingWindows(value, width: 4)
            #expect(windows.allSatisfy { $0.odd & 1 == 1 && $0.odd < 16 })
            #expect(windows.reduce(UInt64(0)) { $0 &+ UInt64($1.odd) << UInt64($1.position) } == value)
        }
    }

    @Test("the batch test passes subgroup elements and catches one element of order 2r' or of order 2")
    func batchSubgroup() throws {
        var generator = SeededGenerator(seed: 3)
        let check = BatchSubgroupCheck(workspace: workspace)
        var elements = (0..<20).map { _ in randomElement(&generator) }
        #expect(check.allInSubgroup(elements) { generator.next() })
        // −1 has order 2 (caught by the Jacobi symbol); 3 is a generator of a larger subgroup.
        let minusOne = try JSONTrusted.element(MontgomeryField.bigEndian(
            workspace.field.modulus.enumerated().map { $0.offset == 0 ? $0.element - 1 : $0.element }))
        #expect(!minusOne.isInSubgroup)
        for bad in [limbsElement(3), limbsElement(2), minusOne * elements[0]] {
            var mixed = elements
            mixed[7] = bad
            #expect(!check.allInSubgroup(mixed) { generator.next() })
        }
        // A quadratic residue outside Z_p^r: 4 = 2², of order dividing 2qr' but not q.
        elements[3] = limbsElement(4)
        #expect(BatchSubgroupCheck.jacobi(limbs(elements[3]), workspace.field.modulus) == 1)
        #expect(!check.allInSubgroup(elements) { generator.next() })
    }

    @Test("Pippenger's product equals the product of powers")
    func multiExponentiation() throws {
        var generator = SeededGenerator(seed: 4)
        let check = BatchSubgroupCheck(workspace: workspace)
        for count in [1, 2, 9, 40] {
            let elements = (0..<count).map { _ in randomElement(&generator) }
            let exponents = (0..<count).map { _ in generator.next() }
            let combined = check.multiExponentiation(elements.map(workspace.montgomery), exponents: exponents)
            var expected = ElementModP.one
            for (x, e) in zip(elements, exponents) { expected = expected * x.power(UInt(e)) }
            #expect(try element(workspace.fromMontgomery(combined)) == expected)
        }
    }

    @Test("p − 1 = 2·q·r' with r' prime, which the batch test's error bound rests on")
    func cofactorStructure() {
        let p = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 1), r = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 1)
        let q = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 1)
        defer { [p, q, r].forEach { cgmp_clear($0); $0.deallocate() } }
        [p, q, r].forEach { cgmp_init($0) }
        GroupParameters.largePrime.withUnsafeBytes { cgmp_import_be(p, $0.baseAddress, $0.count) }
        GroupParameters.smallPrime.withUnsafeBytes { cgmp_import_be(q, $0.baseAddress, $0.count) }
        cgmp_sub_ui(r, p, 1)
        cgmp_divexact(r, r, q)
        #expect(cgmp_tstbit(r, 0) == 0)
        cgmp_tdiv_q_2exp(r, r, 1)
        #expect(cgmp_probab_prime(r, 30) > 0)
        #expect(cgmp_cmp(r, q) != 0)
    }

    /// A small integer as an element of Z_p (not of the subgroup), without a subgroup check.
    func limbsElement(_ value: UInt) -> ElementModP {
        var bytes = [UInt8](repeating: 0, count: 512)
        bytes[511] = UInt8(value)
        return ElementModP.one * (try! JSONTrusted.element(bytes))
    }
}
