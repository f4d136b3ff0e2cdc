import ElectionGuard
import Testing

@Suite("Decoding: every malformed element is a typed error naming its field")
struct DecodingTests {
    static let p = Base16.encode(GroupParameters.largePrime)
    static let q = Base16.encode(GroupParameters.smallPrime)

    @Test("ElementModP rejects zero, p and above, non-members of the subgroup, bad lengths and bad hex")
    func elementModP() throws {
        #expect(throws: ElectionGuardError.outOfRange(field: "pad", bound: "p")) { try ElementModP(hex: Self.p, field: "pad") }
        #expect(throws: ElectionGuardError.outOfRange(field: "pad", bound: "p")) { try ElementModP(hex: "00", field: "pad") }
        #expect(throws: ElectionGuardError.outOfRange(field: "pad", bound: "p")) {
            try ElementModP(hex: String(repeating: "F", count: 1024), field: "pad")
        }
        // 2 is below p but has order 2q·r/..., not q: it is not in Z_p^r.
        #expect(throws: ElectionGuardError.notInSubgroup(field: "data")) { try ElementModP(hex: "02", field: "data") }
        // p − 1 has order 2.
        var pMinusOne = GroupParameters.largePrime
        pMinusOne[511] -= 1
        #expect(throws: ElectionGuardError.notInSubgroup(field: "data")) { try ElementModP(bytes: pMinusOne, field: "data") }
        #expect(throws: ElectionGuardError.wrongLength(field: "key", expected: 512, actual: 513)) {
            try ElementModP(bytes: [1] + [UInt8](repeating: 0, count: 512), field: "key")
        }
        #expect(throws: ElectionGuardError.invalidHex(field: "key")) { try ElementModP(hex: "12G4", field: "key") }
        #expect(throws: ElectionGuardError.invalidHex(field: "key")) { try ElementModP(hex: "123", field: "key") }
        #expect(throws: ElectionGuardError.invalidHex(field: "key")) { try ElementModP(hex: "", field: "key") }
        let g = try ElementModP(hex: Base16.encode(GroupParameters.generator), field: "g")
        #expect(g == ElementModP.g)
        #expect(try ElementModP(hex: ElementModP.g.hex.lowercased(), field: "g") == .g, "lower case is accepted")
    }

    @Test("ElementModQ rejects q and above, over-long values and bad hex")
    func elementModQ() throws {
        #expect(throws: ElectionGuardError.outOfRange(field: "challenge", bound: "q")) { try ElementModQ(hex: Self.q, field: "challenge") }
        #expect(throws: ElectionGuardError.outOfRange(field: "challenge", bound: "q")) {
            try ElementModQ(hex: String(repeating: "F", count: 64), field: "challenge")
        }
        #expect(throws: ElectionGuardError.wrongLength(field: "response", expected: 32, actual: 33)) {
            try ElementModQ(hex: "01" + String(repeating: "00", count: 32), field: "response")
        }
        #expect(throws: ElectionGuardError.invalidHex(field: "response")) { try ElementModQ(hex: "zz", field: "response") }
        let largest = try ElementModQ(hex: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF42", field: "x")
        #expect(largest + .one == .zero, "q − 1 + 1 wraps to 0")
        #expect(try ElementModQ(hex: "00" + String(repeating: "00", count: 31) + "05", field: "x") == ElementModQ(5),
                "leading zero bytes beyond 32 are fine")
    }

    @Test("UInt256 needs exactly 32 bytes")
    func uint256() throws {
        #expect(throws: ElectionGuardError.wrongLength(field: "code", expected: 32, actual: 31)) {
            try UInt256(hex: String(repeating: "AB", count: 31), field: "code")
        }
        #expect(throws: ElectionGuardError.invalidHex(field: "code")) { try UInt256(hex: String(repeating: "X", count: 64), field: "code") }
        #expect(try UInt256(hex: String(repeating: "ab", count: 32)).hex == String(repeating: "AB", count: 32))
    }

    @Test("arithmetic mod q and mod p agrees with the group's laws")
    func arithmetic() {
        let a = ElementModQ(123_456_789), b = ElementModQ(987_654_321)
        #expect(a * b.inverse! * b == a)
        #expect(a - b + b == a)
        #expect(-a + a == .zero)
        let x = ElementModP.g.power(a), y = ElementModP.g.power(b)
        #expect(x * y == ElementModP.g.power(a + b))
        #expect(x * x.inverse == .one)
        #expect(GroupParameters.gTable.power(a) == x, "the fixed-base table agrees with plain exponentiation")
        #expect(ElementModP.g.powerSecret(a) == x, "the constant-time path agrees too")
        #expect(ElementModP.g.power(ElementModQ.zero) == .one)
        #expect(GroupParameters.gTable.power(.zero) == .one)
        #expect(x.isInSubgroup)
    }

    @Test("the discrete log finds small exponents and gives up beyond its bound")
    func discreteLog() {
        let log = DiscreteLog(base: ElementModP.g, stride: 16)
        for t in [0, 1, 15, 16, 17, 300] {
            #expect(log.log(ElementModP.g.power(UInt(t)), bound: 1000) == t)
        }
        #expect(log.log(ElementModP.g.power(UInt(1001)), bound: 1000) == nil)
    }

    @Test("contest data survives encoding and decoding, and padding follows egk")
    func contestData() throws {
        let data = ContestData(status: .overVote, overVotes: [1, 2], writeIns: ["Nobody"])
        let encoded = data.encoded(votesAllowed: 1)
        #expect(encoded.count == 64)
        #expect(try ContestData(decoding: encoded) == data)
        #expect(ContestData(status: .nullVote).encoded(votesAllowed: 1) == [0x08, 0x01, 0x22, 0x3C] + [UInt8](repeating: 0x2A, count: 60))
        #expect(throws: ElectionGuardError.self) { try ContestData(decoding: [0x12, 0x05, 0x01]) }
    }
}
