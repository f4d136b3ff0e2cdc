import ElectionGuard
import Foundation

/// A small deterministic generator for tests (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Elements of Z_p built without the subgroup check, to test what happens to elements outside Z_p^r.
enum JSONTrusted {
    static func element(_ bytes: [UInt8]) throws -> ElementModP {
        let decoder = JSONDecoder()
        decoder.userInfo[.trustedElectionGuardStore] = true
        return try decoder.decode(ElementModP.self, from: Data("\"\(Base16.encode(bytes))\"".utf8))
    }
}
