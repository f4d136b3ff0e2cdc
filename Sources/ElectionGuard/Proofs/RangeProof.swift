/// A disjunctive Chaum–Pedersen proof that a ciphertext encrypts an integer in 0...limit
/// (spec 3.3.5, equations 33–40), for selections (limit 1) and contest totals (limit = votes allowed).
public struct RangeProof: Sendable, Hashable, Codable {
    /// c_0 ... c_L; their sum is the hash challenge.
    public let challenges: [ElementModQ]
    /// v_0 ... v_L.
    public let responses: [ElementModQ]

    /// - Precondition: as many challenges as responses.
    public init(challenges: [ElementModQ], responses: [ElementModQ]) {
        precondition(challenges.count == responses.count, "one response per challenge")
        self.challenges = challenges
        self.responses = responses
    }

    /// The largest value the proof admits (L).
    public var limit: Int { challenges.count - 1 }

    /// Proves that `ciphertext` = (g^ξ, K^(ℓ+ξ)) with ℓ = `plaintext` in 0...`limit`.
    ///
    /// The commitments' randomness comes from `NonceSequence`s of ξ (egk's construction), so the proof
    /// is a function of the ciphertext's nonce.
    public static func prove(
        ciphertext: ElGamalCiphertext, plaintext: Int, nonce: ElementModQ, limit: Int,
        publicKey: ElGamalPublicKey, extendedBaseHash: UInt256
    ) -> RangeProof {
        precondition((0...limit).contains(plaintext), "plaintext within the range it is proven in")
        let randomness = NonceSequence(seed: nonce, label: "range-chaum-pedersen-proof")
        let fakeChallenges = NonceSequence(seed: nonce, label: "range-chaum-pedersen-proof-constants")
        let u = (0...limit).map { randomness[$0] }
        var c = (0...limit).map { fakeChallenges[$0] }
        var commitments: [any HashEncodable] = []
        for j in 0...limit {
            let a = GroupParameters.gTable.power(u[j])
            let exponent = j == plaintext ? u[j] : u[j] + signed(plaintext - j) * c[j]
            commitments.append(a)
            commitments.append(publicKey.power(exponent))
        }
        let challenge = Self.challenge(ciphertext: ciphertext, commitments: commitments,
                                       publicKey: publicKey.key, extendedBaseHash: extendedBaseHash)
        var others = ElementModQ.zero
        for j in 0...limit where j != plaintext { others = others + c[j] }
        c[plaintext] = challenge - others
        let v = (0...limit).map { u[$0] - c[$0] * nonce }
        return RangeProof(challenges: c, responses: v)
    }

    /// True when the commitments a_j = g^v_j α^c_j, b_j = K^(v_j − j·c_j) β^c_j hash to Σ c_j
    /// (spec verification 4, and 5 for contest totals).
    public func verify(ciphertext: ElGamalCiphertext, limit: Int, publicKey: ElGamalPublicKey, extendedBaseHash: UInt256) -> Bool {
        guard challenges.count == limit + 1, responses.count == limit + 1 else { return false }
        var commitments: [any HashEncodable] = []
        var sum = ElementModQ.zero
        // α and β are each raised to every challenge; their powers share squarings.
        let padPowers = ciphertext.pad.powers(challenges), dataPowers = ciphertext.data.powers(challenges)
        for j in 0...limit {
            let c = challenges[j], v = responses[j]
            commitments.append(GroupParameters.gTable.power(v) * padPowers[j])
            commitments.append(publicKey.power(v - ElementModQ(UInt(j)) * c) * dataPowers[j])
            sum = sum + c
        }
        return sum == Self.challenge(ciphertext: ciphertext, commitments: commitments,
                                     publicKey: publicKey.key, extendedBaseHash: extendedBaseHash)
    }

    /// c = H(H_E mod q; 0x21, K, α, β, a_0, b_0, ..., a_L, b_L) mod q.
    static func challenge(
        ciphertext: ElGamalCiphertext, commitments: [any HashEncodable], publicKey: ElementModP, extendedBaseHash: UInt256
    ) -> ElementModQ {
        let parts: [any HashEncodable] = [UInt8(0x21), publicKey, ciphertext.pad, ciphertext.data] + commitments
        return ElectionHash.hash(key: extendedBaseHash.modQ.bytes, parts).modQ
    }

    /// An integer that may be negative, as an element mod q.
    private static func signed(_ value: Int) -> ElementModQ {
        value >= 0 ? ElementModQ(UInt(value)) : -ElementModQ(UInt(-value))
    }
}
