import ElectionGuard
import Testing

@Suite("Known answers: key ceremony and share encryption")
struct KeyCeremonyVectorTests {
    /// H_P of the vectors' dialect; the key-ceremony files rely on it without stating it.
    let parameterBaseHash = ElectionHashes.parameterBaseHash(.egkVectors)

    @Test("Schnorr proofs, joint key and H_E")
    func keyCeremony() throws {
        let vector: KeyCeremonyVector = try loadVector("KeyCeremonyTestVector")
        var publicKeys = [GuardianPublicKeys]()
        for guardian in vector.guardians {
            let field = "KeyCeremonyTestVector \(guardian.name)"
            let polynomial = ElectionPolynomial(coefficients: try guardian.polynomial_coefficients.map { try q($0, "\(field).polynomial_coefficients") })
            let nonces = try guardian.proof_nonces.map { try q($0, "\(field).proof_nonces") }
            let made = KeyCeremonyGuardian(id: guardian.name, xCoordinate: guardian.coordinate, polynomial: polynomial,
                                           proofNonces: nonces, parameterBaseHash: parameterBaseHash, dialect: .egkVectors)
            for (j, (proof, expected)) in zip(made.publicKeys.coefficientProofs, guardian.expected_proofs).enumerated() {
                #expect(proof.publicKey.hex == expected.public_key, "\(field).expected_proofs[\(j)].public_key")
                #expect(proof.challenge.hex == expected.challenge, "\(field).expected_proofs[\(j)].challenge")
                #expect(proof.response.hex == expected.response, "\(field).expected_proofs[\(j)].response")
            }
            try made.publicKeys.validate(quorum: polynomial.coefficients.count, parameterBaseHash: parameterBaseHash, dialect: .egkVectors)
            publicKeys.append(made.publicKeys)
        }
        let joint = publicKeys.jointPublicKey
        #expect(joint.hex == vector.expected_joint_public_key, "KeyCeremonyTestVector.expected_joint_public_key")
        let extended = ElectionHashes.extendedBaseHash(
            baseHash: try u256(vector.election_base_hash, "election_base_hash"), jointPublicKey: joint,
            commitments: publicKeys.map(\.commitments), .egkVectors)
        #expect(extended.hex == vector.expected_extended_base_hash, "KeyCeremonyTestVector.expected_extended_base_hash")
    }

    @Test("encrypted shares, their decryption and each guardian's key share")
    func shareEncryption() throws {
        let vector: ShareEncryptionVector = try loadVector("ShareEncryptionTestVector")
        var guardians = [String: KeyCeremonyGuardian]()
        for guardian in vector.guardians {
            let polynomial = ElectionPolynomial(coefficients: try guardian.polynomial_coefficients.map {
                try q($0, "ShareEncryptionTestVector \(guardian.name).polynomial_coefficients")
            })
            // The proofs play no part in share encryption; any nonces do.
            guardians[guardian.name] = KeyCeremonyGuardian(
                id: guardian.name, xCoordinate: guardian.coordinate, polynomial: polynomial,
                proofNonces: polynomial.coefficients.map { _ in .one }, parameterBaseHash: parameterBaseHash,
                dialect: .egkVectors)
        }
        let nonces = Dictionary(uniqueKeysWithValues: vector.expected_guardian_shares.map { ($0.name, $0.share_nonces) })
        for receiverShares in vector.expected_guardian_shares {
            let receiver = try #require(guardians[receiverShares.name])
            var sum = receiver.polynomial.value(at: receiver.xCoordinate)
            for expected in receiverShares.expected_shares {
                let field = "ShareEncryptionTestVector \(expected.polynomialOwner)->\(receiverShares.name)"
                let sender = try #require(guardians[expected.polynomialOwner])
                let nonceHex = try #require(nonces[sender.id]?[receiver.id], "\(field): nonce")
                let share = sender.encryptShare(for: receiver.publicKeys, nonce: try q(nonceHex, "\(field).share_nonces"))
                let encrypted = expected.encryptedCoordinate
                #expect(share.ciphertext.c0.hex == encrypted.c0, "\(field).encryptedCoordinate.c0")
                #expect(Base16.encode(share.ciphertext.c1) == encrypted.c1, "\(field).encryptedCoordinate.c1")
                #expect(share.ciphertext.c2.hex == encrypted.c2, "\(field).encryptedCoordinate.c2")
                #expect(share.ciphertext.numBytes == encrypted.numBytes, "\(field).encryptedCoordinate.numBytes")
                let value = try receiver.receiveShare(share, from: sender.publicKeys)
                #expect(value.hex == expected.yCoordinate, "\(field).yCoordinate")
                sum = sum + value
            }
            #expect(sum.hex == receiverShares.expected_my_share_of_secret, "\(receiverShares.name).expected_my_share_of_secret")
        }
    }
}
