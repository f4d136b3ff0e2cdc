import TestSupport
import Testing
@testable import ElectionGuard

/// CMontgomery's AVX-512 IFMA arithmetic, which `ElementModP.power`, `isInSubgroup` and the fixed-base
/// tables use when the CPU has it, gives GMP's results on random and edge-case inputs. (With
/// PLEBISCITE_NO_IFMA=1, or on a CPU without IFMA, these cases do not run and every other test runs
/// on GMP.)
@Suite("IFMA arithmetic equals GMP's", .enabled(if: IFMAField.shared != nil, "the CPU has AVX-512 IFMA and PLEBISCITE_NO_IFMA is not set"))
struct IFMAArithmeticTests {
    let field = IFMAField.shared!

    func gmpPower(_ x: ElementModP, _ e: [UInt8]) -> GMPInteger {
        .powMod(x.value, GMPInteger(bigEndian: e), GroupParameters.p)
    }

    func edgeElements() throws -> [ElementModP] {
        let pMinusOne = GMPInteger.minus(GroupParameters.p, 1)
        return [.one, .g, ElementModP(unchecked: pMinusOne), ElementModP(unchecked: GMPInteger(2))]
    }

    @Test("powers of random and edge-case bases to random and edge-case exponents")
    func powers() throws {
        var generator = SeededGenerator(seed: 15)
        var bases = try edgeElements()
        for _ in 0..<12 { bases.append(GroupParameters.gTable.power(.random(using: &generator)) * .g) }
        let qMinusOne = (-ElementModQ.one).bytes
        var exponents: [[UInt8]] = [[UInt8](repeating: 0, count: 32), ElementModQ.one.bytes, qMinusOne,
                                    [UInt8](repeating: 0xFF, count: 32), GroupParameters.qBytes]
        for _ in 0..<6 { exponents.append(ElementModQ.random(using: &generator).bytes) }
        for base in bases {
            for exponent in exponents {
                #expect(field.power(base.value, exponent: exponent).compare(gmpPower(base, exponent)) == 0)
            }
        }
        // A 4096-bit exponent (the cofactor), beyond the 256 bits the callers use.
        let cofactor = GroupParameters.cofactor
        #expect(field.power(bases[5].value, exponent: cofactor).compare(gmpPower(bases[5], cofactor)) == 0)
    }

    @Test("fixed-base table powers, against GMP, for several windows")
    func fixedBase() throws {
        var generator = SeededGenerator(seed: 16)
        let base = GroupParameters.gTable.power(.random(using: &generator))
        for window in [1, 4, 7] {
            let table = IFMAFixedBaseTable(field: field, base: base.value, rows: (256 + window - 1) / window, windowBits: window)
            for e in [ElementModQ.zero, .one, -ElementModQ.one, .random(using: &generator), .random(using: &generator)] {
                #expect(table.power(e.bytes).compare(gmpPower(base, e.bytes)) == 0)
            }
        }
        let e = ElementModQ.random(using: &generator)
        #expect(GroupParameters.gTable.ifma != nil)
        #expect(GroupParameters.gTable.power(e).value.compare(gmpPower(.g, e.bytes)) == 0)
    }

    @Test("subgroup checks agree with GMP's x^q")
    func subgroup() throws {
        var generator = SeededGenerator(seed: 17)
        let inside = GroupParameters.gTable.power(.random(using: &generator))
        let outside = try edgeElements()[2...3] + [inside * ElementModP(unchecked: GMPInteger(3))]
        #expect(inside.isInSubgroup)
        #expect(gmpPower(inside, GroupParameters.qBytes).compare(1) == 0)
        for element in outside {
            #expect(!element.isInSubgroup)
            #expect(gmpPower(element, GroupParameters.qBytes).compare(1) != 0)
        }
    }
}
