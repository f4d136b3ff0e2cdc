/// What a guardian publishes in the key ceremony (spec 3.2.2): its coordinate, its coefficient
/// commitments K_i,j and a Schnorr proof for each.
public struct GuardianPublicKeys: Sendable, Hashable, Codable {
    /// The guardian's name.
    public let id: String
    /// Its coordinate i (1...n) in the sharing polynomial.
    public let xCoordinate: Int
    /// One proof per coefficient j = 0 ... k−1; each carries its commitment K_i,j.
    public let coefficientProofs: [SchnorrProof]

    public init(id: String, xCoordinate: Int, coefficientProofs: [SchnorrProof]) {
        self.id = id
        self.xCoordinate = xCoordinate
        self.coefficientProofs = coefficientProofs
    }

    /// K_i,0 ... K_i,k−1.
    public var commitments: [ElementModP] { coefficientProofs.map(\.publicKey) }

    /// Whether `value` is this guardian's P_i(ℓ) for the guardian at coordinate ℓ: g^value = Π_j K_i,j^(ℓ^j)
    /// (spec equation 16), how a received or revealed share is checked.
    public func isShare(_ value: ElementModQ, for coordinate: Int) -> Bool {
        GroupParameters.gTable.power(value) == commitments.polynomialCommitment(at: coordinate)
    }

    /// K_i = K_i,0, the guardian's public key.
    public var publicKey: ElementModP { coefficientProofs[0].publicKey }

    /// Checks the number of commitments and every Schnorr proof (spec verification 2).
    /// - Throws: `invalidGuardianKey` naming the guardian and the failing coefficient.
    public func validate(quorum: Int, parameterBaseHash: UInt256, dialect: ProtocolDialect = .v2_0_0) throws {
        guard coefficientProofs.count == quorum else {
            throw ElectionGuardError.invalidGuardianKey(
                guardian: id, reason: "\(coefficientProofs.count) coefficient commitments, quorum is \(quorum)")
        }
        for (j, proof) in coefficientProofs.enumerated()
        where !proof.verify(guardian: xCoordinate, index: j, parameterBaseHash: parameterBaseHash, dialect: dialect) {
            throw ElectionGuardError.invalidGuardianKey(guardian: id, reason: "Schnorr proof of coefficient \(j) does not verify")
        }
    }
}

extension Array where Element == GuardianPublicKeys {
    /// K = Π_i K_i, the joint election public key (spec equation 18).
    public var jointPublicKey: ElementModP { reduce(ElementModP.one) { $0 * $1.publicKey } }

    /// g^s_ℓ for the guardian at `xCoordinate`: the public counterpart of its key share, from every
    /// guardian's commitments (spec equation 62). It checks that guardian's decryption shares.
    public func shareKey(of xCoordinate: Int) -> ElementModP {
        reduce(ElementModP.one) { $0 * $1.commitments.polynomialCommitment(at: xCoordinate) }
    }
}
