/// The Chaum–Pedersen proof that a decryption is correct (spec 3.6.3, equations 69–71 and 76–78): it
/// shows log_g K = log_A M for the combined share M = A^s without revealing s.
public struct DecryptionProof: Sendable, Hashable, Codable {
    /// c, the hash of the commitments (`DecryptionTarget.challenge`).
    public let challenge: ElementModQ
    /// v = Σ v_i.
    public let response: ElementModQ

    public init(challenge: ElementModQ, response: ElementModQ) {
        self.challenge = challenge
        self.response = response
    }

    /// True when a = g^v·K^c and b = A^v·M^c reproduce the challenge (spec verifications 9, 11 and 12–13).
    /// - Parameter share: M = A^s: B / T for a ciphertext, β for contest data.
    public func verify(_ target: DecryptionTarget, share: ElementModP, publicKey: ElGamalPublicKey, extendedBaseHash: UInt256) -> Bool {
        let a = GroupParameters.gTable.power(response) * publicKey.power(challenge)
        let b = target.pad.power(response) * share.power(challenge)
        return challenge == target.challenge(a: a, b: b, share: share, publicKey: publicKey.key, extendedBaseHash: extendedBaseHash)
    }
}
