import TestSupport
import ElectionGuard
import Testing

/// A whole referendum in miniature: 5 guardians with quorum 3, random yes/no ballots, homomorphic
/// tally, decryption by guardians 1, 3 and 5.
@Suite("Round trip: ceremony, ballots, tally, k-of-n decryption")
struct RoundTripTests {
    static let contest = ContestDescription(
        id: "question", sequenceOrder: 1, votesAllowed: 1,
        selections: [SelectionDescription(id: "yes", sequenceOrder: 1), SelectionDescription(id: "no", sequenceOrder: 2)])

    struct Election {
        let ceremony: KeyCeremony.Result
        let publicKey: ElGamalPublicKey
        let extendedBaseHash: UInt256
    }

    static func election(seed: UInt64) throws -> Election {
        var generator = SeededGenerator(seed: seed)
        let parameterBaseHash = ElectionHashes.parameterBaseHash()
        let guardians = (1...5).map {
            KeyCeremonyGuardian.generate(id: "guardian\($0)", xCoordinate: $0, quorum: 3,
                                         parameterBaseHash: parameterBaseHash, using: &generator)
        }
        let ceremony = try KeyCeremony.run(guardians: guardians, quorum: 3, using: &generator)
        let manifestHash = ElectionHashes.manifestHash(parameterBaseHash: parameterBaseHash, manifest: Array("test".utf8))
        let baseHash = ElectionHashes.baseHash(parameterBaseHash: parameterBaseHash, manifestHash: manifestHash, guardians: 5, quorum: 3)
        let extended = ElectionHashes.extendedBaseHash(baseHash: baseHash, jointPublicKey: ceremony.jointPublicKey,
                                                       commitments: ceremony.guardians.map(\.commitments))
        return Election(ceremony: ceremony, publicKey: ElGamalPublicKey(ceremony.jointPublicKey), extendedBaseHash: extended)
    }

    @Test("counts come back exactly and every proof verifies")
    func roundTrip() throws {
        let election = try Self.election(seed: 2026)
        #expect(election.ceremony.guardians.count == 5)
        #expect(election.ceremony.shares.count == 20, "every ordered pair of guardians exchanged a share")
        let encryptor = BallotEncryptor(publicKey: election.publicKey, extendedBaseHash: election.extendedBaseHash, contests: [Self.contest])
        var generator = SeededGenerator(seed: 99)
        var expectedYes = 0, expectedNo = 0
        var ballots = [EncryptedBallot]()
        for index in 0..<12 {
            let choice = generator.next() % 3  // 0 yes, 1 no, 2 blank
            if choice == 0 { expectedYes += 1 } else if choice == 1 { expectedNo += 1 }
            let votes: [String: Int] = choice == 0 ? ["yes": 1] : choice == 1 ? ["no": 1] : [:]
            let ballot = PlaintextBallot(id: "b\(index)", styleId: "style", contests: [.init(contestId: "question", votes: votes)])
            let nonce = ElementModQ.random(using: &generator)
            ballots.append(try encryptor.encrypt(ballot, ballotNonce: UInt256(bytes: nonce.bytes), codeBaux: [], device: "d", timestamp: index))
        }
        for ballot in ballots {
            let contest = ballot.contests[0]
            for selection in contest.selections {
                #expect(selection.proof.verify(ciphertext: selection.ciphertext, limit: 1, publicKey: election.publicKey,
                                               extendedBaseHash: election.extendedBaseHash), "\(ballot.ballotId) \(selection.selectionId)")
            }
            #expect(contest.proof.verify(ciphertext: contest.total, limit: 1, publicKey: election.publicKey,
                                         extendedBaseHash: election.extendedBaseHash), "\(ballot.ballotId) contest limit")
        }
        let tally = ["yes", "no"].map { id in
            ElGamalCiphertext.sum(ballots.map { $0.contests[0].selections.first { $0.selectionId == id }!.ciphertext })
        }
        let present = election.ceremony.keyShares.filter { [1, 3, 5].contains($0.xCoordinate) }
        let values = try ThresholdDecryption.decrypt(
            tally, guardians: present, publicKeys: election.ceremony.guardians, quorum: 3,
            publicKey: election.publicKey, extendedBaseHash: election.extendedBaseHash,
            discreteLog: DiscreteLog(base: election.publicKey.key), bound: ballots.count, using: &generator)
        #expect(values.map(\.value) == [expectedYes, expectedNo])
        for (ciphertext, value) in zip(tally, values) {
            #expect(value.proof.verify(.ciphertext(ciphertext), share: value.share, publicKey: election.publicKey,
                                       extendedBaseHash: election.extendedBaseHash))
        }
        // Any other quorum gives the same counts.
        let others = election.ceremony.keyShares.filter { [2, 3, 4].contains($0.xCoordinate) }
        let again = try ThresholdDecryption.decrypt(
            tally, guardians: others, publicKeys: election.ceremony.guardians, quorum: 3,
            publicKey: election.publicKey, extendedBaseHash: election.extendedBaseHash,
            discreteLog: DiscreteLog(base: election.publicKey.key), bound: ballots.count, using: &generator)
        #expect(again.map(\.value) == [expectedYes, expectedNo])
    }

    @Test("a proof with one number changed does not verify")
    func tamperedProofs() throws {
        let election = try Self.election(seed: 7)
        let encryptor = BallotEncryptor(publicKey: election.publicKey, extendedBaseHash: election.extendedBaseHash, contests: [Self.contest])
        let ballot = try encryptor.encrypt(
            PlaintextBallot(id: "b", styleId: "s", contests: [.init(contestId: "question", votes: ["yes": 1])]),
            ballotNonce: UInt256(bytes: ElementModQ(12345).bytes), codeBaux: [], device: "d", timestamp: 0)
        let selection = ballot.contests[0].selections[0]
        let proof = selection.proof
        #expect(proof.verify(ciphertext: selection.ciphertext, limit: 1, publicKey: election.publicKey, extendedBaseHash: election.extendedBaseHash))
        for j in 0...1 {
            var challenges = proof.challenges, responses = proof.responses
            challenges[j] = challenges[j] + .one
            #expect(!RangeProof(challenges: challenges, responses: proof.responses)
                .verify(ciphertext: selection.ciphertext, limit: 1, publicKey: election.publicKey, extendedBaseHash: election.extendedBaseHash),
                    "challenge \(j) changed")
            responses[j] = responses[j] + .one
            #expect(!RangeProof(challenges: proof.challenges, responses: responses)
                .verify(ciphertext: selection.ciphertext, limit: 1, publicKey: election.publicKey, extendedBaseHash: election.extendedBaseHash),
                    "response \(j) changed")
        }
        let altered = ElGamalCiphertext(pad: selection.ciphertext.pad, data: selection.ciphertext.data * election.publicKey.key)
        #expect(!proof.verify(ciphertext: altered, limit: 1, publicKey: election.publicKey, extendedBaseHash: election.extendedBaseHash),
                "a ciphertext changed to encrypt 2 fails its proof")
        #expect(!proof.verify(ciphertext: selection.ciphertext, limit: 1, publicKey: election.publicKey,
                              extendedBaseHash: ElectionHash.hash(election.extendedBaseHash, UInt8(1))),
                "a proof made for another election fails")

        // Schnorr proof of a guardian coefficient.
        let guardianProof = election.ceremony.guardians[0].coefficientProofs[1]
        let parameterBaseHash = ElectionHashes.parameterBaseHash()
        #expect(guardianProof.verify(guardian: 1, index: 1, parameterBaseHash: parameterBaseHash))
        #expect(!SchnorrProof(publicKey: guardianProof.publicKey, challenge: guardianProof.challenge, response: guardianProof.response + .one)
            .verify(guardian: 1, index: 1, parameterBaseHash: parameterBaseHash))
        #expect(!guardianProof.verify(guardian: 2, index: 1, parameterBaseHash: parameterBaseHash), "proof bound to its guardian")

        // Decryption proof.
        let present = Array(election.ceremony.keyShares.prefix(3))
        var generator = SeededGenerator(seed: 5)
        let value = try #require(try ThresholdDecryption.decrypt(
            [selection.ciphertext], guardians: present, publicKeys: election.ceremony.guardians, quorum: 3,
            publicKey: election.publicKey, extendedBaseHash: election.extendedBaseHash,
            discreteLog: DiscreteLog(base: election.publicKey.key), bound: 1, using: &generator).first)
        #expect(value.value == 1)
        let bad = DecryptionProof(challenge: value.proof.challenge, response: value.proof.response + .one)
        #expect(!bad.verify(.ciphertext(selection.ciphertext), share: value.share, publicKey: election.publicKey,
                            extendedBaseHash: election.extendedBaseHash))
        #expect(!value.proof.verify(.ciphertext(selection.ciphertext), share: value.share * election.publicKey.key,
                                    publicKey: election.publicKey, extendedBaseHash: election.extendedBaseHash),
                "a wrong M fails the proof")
    }

    @Test("a guardian's bad partial decryption is rejected with its name")
    func badPartialDecryption() throws {
        let election = try Self.election(seed: 8)
        let ciphertext = election.publicKey.encrypt(1, nonce: ElementModQ(777))
        let guardians = Array(election.ceremony.keyShares.prefix(3))
        let cheat = DecryptingGuardian(id: guardians[1].id, xCoordinate: guardians[1].xCoordinate,
                                       keyShare: guardians[1].keyShare + .one)
        var generator = SeededGenerator(seed: 1)
        #expect(throws: ElectionGuardError.invalidProof(what: "ciphertext 0: partial decryption by guardian \(cheat.id) (coordinate \(cheat.xCoordinate))")) {
            try ThresholdDecryption.decrypt([ciphertext], guardians: [guardians[0], cheat, guardians[2]],
                                            publicKeys: election.ceremony.guardians, quorum: 3, publicKey: election.publicKey,
                                            extendedBaseHash: election.extendedBaseHash,
                                            discreteLog: DiscreteLog(base: election.publicKey.key), bound: 1, using: &generator)
        }
        #expect(throws: ElectionGuardError.notEnoughGuardians(present: 2, quorum: 3)) {
            try ThresholdDecryption.decrypt([ciphertext], guardians: Array(guardians.prefix(2)),
                                            publicKeys: election.ceremony.guardians, quorum: 3, publicKey: election.publicKey,
                                            extendedBaseHash: election.extendedBaseHash,
                                            discreteLog: DiscreteLog(base: election.publicKey.key), bound: 1, using: &generator)
        }
    }

    @Test("a share that does not match the sender's commitments stops the ceremony, naming both guardians")
    func complaint() throws {
        var generator = SeededGenerator(seed: 3)
        let parameterBaseHash = ElectionHashes.parameterBaseHash()
        let honest = (1...3).map {
            KeyCeremonyGuardian.generate(id: "guardian\($0)", xCoordinate: $0, quorum: 2, parameterBaseHash: parameterBaseHash, using: &generator)
        }
        // Guardian 2 sends guardian 3 a share of a polynomial other than the one it committed to.
        let impostor = KeyCeremonyGuardian.generate(id: "guardian2", xCoordinate: 2, quorum: 2,
                                                    parameterBaseHash: parameterBaseHash, using: &generator)
        let forged = impostor.encryptShare(for: honest[2].publicKeys, nonce: .random(using: &generator))
        #expect(throws: ElectionGuardError.shareComplaint(sender: "guardian2", receiver: "guardian3",
                                                          reason: "it does not match the sender's coefficient commitments")) {
            try honest[2].receiveShare(forged, from: honest[1].publicKeys)
        }
        // A share altered in transit fails its MAC.
        let genuine = honest[1].encryptShare(for: honest[2].publicKeys, nonce: .random(using: &generator))
        var c1 = genuine.ciphertext.c1
        c1[0] ^= 1
        let altered = EncryptedKeyShare(senderId: genuine.senderId, senderCoordinate: 2, receiverId: genuine.receiverId, receiverCoordinate: 3,
                                        ciphertext: HashedElGamalCiphertext(c0: genuine.ciphertext.c0, c1: c1, c2: genuine.ciphertext.c2,
                                                                            numBytes: genuine.ciphertext.numBytes))
        #expect(throws: ElectionGuardError.shareComplaint(sender: "guardian2", receiver: "guardian3", reason: "its MAC does not match")) {
            try honest[2].receiveShare(altered, from: honest[1].publicKeys)
        }
        #expect(throws: ElectionGuardError.invalidParameters("quorum 4 must be between 1 and the 3 guardians")) {
            try KeyCeremony.run(guardians: honest, quorum: 4, using: &generator)
        }
    }
}
