import ElectionGuard

/// Opening a challenged ballot with its primary nonce ξ_B (12.C; spec 2.0.0 §3.3 and §3.6.5): every
/// nonce derives from ξ_B, so whoever holds it can recompute each encryption and read what it holds.
/// Bytes as egk's 2.0.0 records write them: contests and selections by their sequence orders in 4 bytes
/// (docs/electionguard-2.0-encodings.md §5.1, §5.4).
enum NonceOpeningEquations {
    /// Equation (25): ξ_i,j = H(H_E; 0x20, ξ_B, ind_c, ind_o) mod q, the nonce of one selection.
    static func selectionNonce(primaryNonce: UInt256, contestSequence: Int, selectionSequence: Int,
                               extendedBaseHash: UInt256) -> ElementModQ {
        ElectionHash.hash(key: extendedBaseHash.bytes, [
            UInt8(0x20), primaryNonce, SpecVersion.b4(contestSequence), SpecVersion.b4(selectionSequence),
        ]).modQ
    }

    /// Equation (50): ξ = H(H_E; 0x20, ξ_B, ind_c, "contest_data") mod q, the nonce of a contest's data
    /// (egk writes the label with an underscore and no length).
    static func contestDataNonce(primaryNonce: UInt256, contestSequence: Int, extendedBaseHash: UInt256) -> ElementModQ {
        ElectionHash.hash(key: extendedBaseHash.bytes, [
            UInt8(0x20), primaryNonce, SpecVersion.b4(contestSequence), "contest_data",
        ]).modQ
    }

    /// Equation (24): the vote σ ∈ {0, 1} that (α, β) = (g^ξ, K^(σ+ξ)) encrypts under nonce ξ, or nil
    /// when α is not g^ξ or β is neither K^ξ nor K^(ξ+1).
    static func vote(_ ciphertext: ElGamalCiphertext, nonce: ElementModQ, jointKey: ElGamalPublicKey) -> Int? {
        guard ciphertext.pad == GroupParameters.gTable.power(nonce) else { return nil }
        let blinding = jointKey.power(nonce)
        if ciphertext.data == blinding { return 0 }
        if ciphertext.data == blinding * jointKey.key { return 1 }
        return nil
    }

    /// Equations (51)–(55) as egk computes them: with β = K^ξ, k = H(H_E; 0x22, K, C0, β) and
    /// k_i = HMAC(k, b(i, 4) ‖ "share_enc_keys" ‖ 0x00 ‖ "contest_data" ‖ contest id ‖ b(8 · numBytes, 4));
    /// the data opens when C2 = HMAC(k_0, C0 ‖ C1), and is C1's blocks XOR k_1, k_2, …, cut to numBytes.
    /// - Returns: the plaintext, or nil when C1 is not whole blocks, numBytes is past it, or the MAC fails.
    static func openContestData(_ data: HashedElGamalCiphertext, contestId: String, beta: ElementModP,
                                jointKey: ElementModP, extendedBaseHash: UInt256) -> [UInt8]? {
        guard data.c1.count % 32 == 0, data.numBytes >= 0, data.numBytes <= data.c1.count else { return nil }
        let secret = ElectionHash.hash(key: extendedBaseHash.bytes, [UInt8(0x22), jointKey, data.c0, beta])
        func key(_ index: Int) -> [UInt8] {
            var message = [UInt8]()
            for part: any HashEncodable in [SpecVersion.b4(index), "share_enc_keys", UInt8(0x00), "contest_data" + contestId,
                                            SpecVersion.b4(8 * data.numBytes)] {
                part.appendHashEncoding(to: &message)
            }
            return ElectionHash.hmac(key: secret.bytes, message: message).bytes
        }
        guard ElectionHash.hmac(key: key(0), message: data.c0.bytes + data.c1) == data.c2 else { return nil }
        var plain = data.c1
        for block in 0..<(plain.count / 32) {
            let blockKey = key(block + 1)
            for offset in 0..<32 { plain[block * 32 + offset] ^= blockKey[offset] }
        }
        return Array(plain.prefix(data.numBytes))
    }
}
