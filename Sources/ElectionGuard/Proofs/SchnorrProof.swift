/// A Schnorr proof that a guardian knows the coefficient a behind its commitment K = g^a
/// (spec 3.2.2, equations 10–12).
public struct SchnorrProof: Sendable, Hashable, Codable {
    /// The commitment K_i,j = g^a_i,j the proof is about.
    public let publicKey: ElementModP
    /// c = H(H_P; 0x10, i, j, K_i,j, h) mod q.
    public let challenge: ElementModQ
    /// v = u − a·c mod q.
    public let response: ElementModQ

    public init(publicKey: ElementModP, challenge: ElementModQ, response: ElementModQ) {
        self.publicKey = publicKey
        self.challenge = challenge
        self.response = response
    }

    /// Proves knowledge of `coefficient` for guardian `guardian` (1-based) and coefficient `index` (0-based).
    /// - Parameter nonce: the random u; fresh for every proof.
    public static func prove(
        coefficient: ElementModQ, guardian: Int, index: Int, nonce: ElementModQ,
        parameterBaseHash: UInt256, dialect: ProtocolDialect = .v2_0_0
    ) -> SchnorrProof {
        let publicKey = GroupParameters.gTable.power(coefficient)
        let h = GroupParameters.gTable.power(nonce)
        let challenge = Self.challenge(publicKey: publicKey, h: h, guardian: guardian, index: index,
                                       parameterBaseHash: parameterBaseHash, dialect: dialect)
        return SchnorrProof(publicKey: publicKey, challenge: challenge, response: nonce - coefficient * challenge)
    }

    /// True when h = g^v · K^c reproduces the challenge (spec verification 2).
    public func verify(guardian: Int, index: Int, parameterBaseHash: UInt256, dialect: ProtocolDialect = .v2_0_0) -> Bool {
        let h = GroupParameters.gTable.power(response) * publicKey.power(challenge)
        return challenge == Self.challenge(publicKey: publicKey, h: h, guardian: guardian, index: index,
                                           parameterBaseHash: parameterBaseHash, dialect: dialect)
    }

    static func challenge(
        publicKey: ElementModP, h: ElementModP, guardian: Int, index: Int,
        parameterBaseHash: UInt256, dialect: ProtocolDialect
    ) -> ElementModQ {
        ElectionHash.hashModQ(parameterBaseHash, UInt8(0x10), dialect.index(guardian), dialect.index(index), publicKey, h)
    }
}
