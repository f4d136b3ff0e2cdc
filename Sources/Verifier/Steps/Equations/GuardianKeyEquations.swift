import ElectionGuard

/// Verifications 2–4 (spec 2.0.0 §3.2): each guardian's Schnorr proofs, the joint key and H_E.
enum GuardianKeyEquations {
    /// Verification 2.1 and 2.C, equations (10)–(12): h_i,j = g^(v_i,j) · K_i,j^(c_i,j) mod p, and the
    /// proof holds when c_i,j = H(H_P; 0x10, i, j, K_i,j, h_i,j) mod q (i, j in 4 bytes).
    /// - Parameters: guardian: i, the coordinate (from 1). index: j, the coefficient (from 0).
    static func schnorrHolds(commitment: ElementModP, challenge: ElementModQ, response: ElementModQ,
                             guardian: Int, index: Int, parameterBaseHash: UInt256) -> Bool {
        let h = GroupParameters.gTable.power(response) * commitment.power(challenge)
        let expected = ElectionHash.hash(key: parameterBaseHash.bytes, [
            UInt8(0x10), SpecVersion.b4(guardian), SpecVersion.b4(index), commitment, h,
        ]).modQ
        return challenge == expected
    }

    /// Verification 3.B, equation (8): K = Π K_i mod p.
    static func jointKey(_ guardianKeys: [ElementModP]) -> ElementModP {
        guardianKeys.reduce(ElementModP.one) { $0 * $1 }
    }

    /// Verification 4.A, equation (23): H_E = H(H_B; 0x12, K).
    static func extendedBaseHash(baseHash: UInt256, jointKey: ElementModP) -> UInt256 {
        ElectionHash.hash(key: baseHash.bytes, [UInt8(0x12), jointKey])
    }
}
