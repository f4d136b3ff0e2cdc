import ElectionGuard

/// Verifications 9–14 (spec 2.0.0 §3.6): the Chaum–Pedersen proofs that a tally's or a challenged
/// ballot's decryption is correct, and that a decrypted value is the power of K it claims.
enum DecryptionEquations {
    /// 9.1–9.3 and 9.B (12.1–12.3 and 12.B for a challenged ballot), equation (71): with
    /// M = B · T⁻¹ mod p, a = g^v · K^c mod p and b = A^v · M^c mod p, the proof holds when
    /// c = H(H_E; 0x30, K, A, B, a, b, M) mod q.
    /// - Parameters: ciphertext: (A, B). value: T (`b_over_m`).
    static func selectionProofHolds(ciphertext: ElGamalCiphertext, value: ElementModP, challenge: ElementModQ,
                                    response: ElementModQ, jointKey: ElGamalPublicKey, extendedBaseHash: UInt256) -> Bool {
        let m = ciphertext.data * value.inverse
        let a = GroupParameters.gTable.power(response) * jointKey.power(challenge)
        let b = ciphertext.pad.power(response) * m.power(challenge)
        let expected = ElectionHash.hash(key: extendedBaseHash.bytes, [
            UInt8(0x30), jointKey.key, ciphertext.pad, ciphertext.data, a, b, m,
        ]).modQ
        return challenge == expected
    }

    /// 11.1, 11.2 and 11.B (14.1, 14.2 and 14.B), equation (81): with a = g^v · K^c mod p and
    /// b = C0^v · β^c mod p, the proof holds when c = H(H_E; 0x31, K, C0, C1, C2, a, b, β) mod q. egk hashes
    /// C1 as the UTF-8 text of its upper-case hex and C2 as its 32 bytes
    /// (docs/electionguard-2.0-encodings.md §7).
    static func contestDataProofHolds(_ data: HashedElGamalCiphertext, beta: ElementModP, challenge: ElementModQ,
                                      response: ElementModQ, jointKey: ElGamalPublicKey, extendedBaseHash: UInt256) -> Bool {
        let a = GroupParameters.gTable.power(response) * jointKey.power(challenge)
        let b = data.c0.power(response) * beta.power(challenge)
        let expected = ElectionHash.hash(key: extendedBaseHash.bytes, [
            UInt8(0x31), jointKey.key, data.c0, Base16.encode(data.c1), data.c2, a, b, beta,
        ]).modQ
        return challenge == expected
    }

    /// 10.A and 13.A: T = K^t mod p (S = K^σ for a challenged ballot), the decrypted value a power of
    /// the joint key, since ElectionGuard 2.0 encrypts σ as (g^ξ, K^(σ+ξ)) (equation (24)).
    static func isPower(_ value: ElementModP, of exponent: Int, jointKey: ElGamalPublicKey) -> Bool {
        exponent >= 0 && value == jointKey.power(ElementModQ(UInt(exponent)))
    }
}
