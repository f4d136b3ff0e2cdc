/// One guardian during the key ceremony (spec 3.2): holds its secret polynomial, publishes commitments
/// with proofs, encrypts a share for every other guardian and checks the shares it receives.
public struct KeyCeremonyGuardian: Sendable {
    public let id: String
    public let xCoordinate: Int
    /// Secret.
    public let polynomial: ElectionPolynomial
    public let publicKeys: GuardianPublicKeys
    let parameterBaseHash: UInt256
    let dialect: ProtocolDialect

    /// A guardian with a given polynomial and proof nonces (one per coefficient); for known-answer tests
    /// and for restoring a guardian. Use `generate` for a new one.
    public init(
        id: String, xCoordinate: Int, polynomial: ElectionPolynomial, proofNonces: [ElementModQ],
        parameterBaseHash: UInt256, dialect: ProtocolDialect = .v2_0_0
    ) {
        precondition(proofNonces.count == polynomial.coefficients.count, "one proof nonce per coefficient")
        self.id = id
        self.xCoordinate = xCoordinate
        self.polynomial = polynomial
        self.parameterBaseHash = parameterBaseHash
        self.dialect = dialect
        let proofs = polynomial.coefficients.enumerated().map { j, coefficient in
            SchnorrProof.prove(coefficient: coefficient, guardian: xCoordinate, index: j, nonce: proofNonces[j],
                               parameterBaseHash: parameterBaseHash, dialect: dialect)
        }
        publicKeys = GuardianPublicKeys(id: id, xCoordinate: xCoordinate, coefficientProofs: proofs)
    }

    /// A guardian restored from its kept polynomial and the public keys it published (its proofs are
    /// not made again). The caller checks that `publicKeys` are the polynomial's commitments.
    public init(id: String, xCoordinate: Int, polynomial: ElectionPolynomial, publicKeys: GuardianPublicKeys,
                parameterBaseHash: UInt256, dialect: ProtocolDialect = .v2_0_0) {
        self.id = id
        self.xCoordinate = xCoordinate
        self.polynomial = polynomial
        self.publicKeys = publicKeys
        self.parameterBaseHash = parameterBaseHash
        self.dialect = dialect
    }

    /// A new guardian with a random polynomial of degree quorum − 1.
    public static func generate<R: RandomNumberGenerator>(
        id: String, xCoordinate: Int, quorum: Int, parameterBaseHash: UInt256,
        dialect: ProtocolDialect = .v2_0_0, using generator: inout R
    ) -> KeyCeremonyGuardian {
        let polynomial = ElectionPolynomial.random(quorum: quorum, using: &generator)
        let nonces = (0..<quorum).map { _ in ElementModQ.random(using: &generator) }
        return KeyCeremonyGuardian(id: id, xCoordinate: xCoordinate, polynomial: polynomial, proofNonces: nonces,
                                   parameterBaseHash: parameterBaseHash, dialect: dialect)
    }

    /// P_i(ℓ) encrypted to the receiver's public key with nonce ξ (spec equations 13–15).
    public func encryptShare(for receiver: GuardianPublicKeys, nonce: ElementModQ) -> EncryptedKeyShare {
        let alpha = GroupParameters.gTable.power(nonce)
        let beta = receiver.publicKey.powerSecret(nonce)
        let keys = EncryptedKeyShare.keys(
            sender: xCoordinate, receiver: receiver.xCoordinate, receiverKey: receiver.publicKey,
            alpha: alpha, beta: beta, parameterBaseHash: parameterBaseHash, dialect: dialect)
        let share = polynomial.value(at: receiver.xCoordinate)
        return EncryptedKeyShare(senderId: id, senderCoordinate: xCoordinate, receiverId: receiver.id,
                                 receiverCoordinate: receiver.xCoordinate,
                                 ciphertext: keys.encrypt(share.bytes, pad: alpha))
    }

    /// Decrypts a share addressed to this guardian and checks it against the sender's commitments:
    /// g^P_i(ℓ) must equal Π_j K_i,j^(ℓ^j) (spec equation 16).
    /// - Throws: `shareComplaint` naming sender and receiver when the MAC or the check fails.
    public func receiveShare(_ share: EncryptedKeyShare, from sender: GuardianPublicKeys) throws -> ElementModQ {
        func complaint(_ reason: String) -> ElectionGuardError {
            .shareComplaint(sender: sender.id, receiver: id, reason: reason)
        }
        guard share.receiverCoordinate == xCoordinate, share.senderCoordinate == sender.xCoordinate else {
            throw complaint("the share is addressed from \(share.senderCoordinate) to \(share.receiverCoordinate)")
        }
        let beta = share.ciphertext.c0.powerSecret(polynomial.coefficients[0])
        let keys = EncryptedKeyShare.keys(
            sender: sender.xCoordinate, receiver: xCoordinate, receiverKey: publicKeys.publicKey,
            alpha: share.ciphertext.c0, beta: beta, parameterBaseHash: parameterBaseHash, dialect: dialect)
        guard let bytes = keys.decrypt(share.ciphertext) else { throw complaint("its MAC does not match") }
        guard let value = try? ElementModQ(bytes: bytes) else { throw complaint("it decrypts to a value not below q") }
        guard sender.isShare(value, for: xCoordinate) else {
            throw complaint("it does not match the sender's coefficient commitments")
        }
        return value
    }
}
