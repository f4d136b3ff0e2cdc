import TestSupport
import ElectionGuard
import Testing

@Suite("Known answers: decryption by guardians and with the nonce")
struct DecryptionVectorTests {
    @Test("tally decryption by every quorum-sized subset of trustees", arguments: [
        "TallyDecryptionTestVector", "TallyPartialDecryptionTestVector",
    ])
    func tally(name: String) throws {
        let vector: TallyDecryptionVector = try loadVector(name)
        let publicKey = ElGamalPublicKey(try p(vector.joint_public_key, "\(name).joint_public_key"))
        let extendedBaseHash = try u256(vector.extended_base_hash, "\(name).extended_base_hash")
        let guardians = try vector.trustees.map { try $0.guardian() }
        let publicKeys = try vector.trustees.map { try $0.publicKeys() }
        let quorum = vector.trustees[0].polynomial_coefficients.count
        #expect(publicKeys.jointPublicKey == publicKey.key, "\(name): the trustees' commitments give the joint key")
        let expected = Dictionary(uniqueKeysWithValues: vector.expected_decrypted_tally.contests.flatMap { contest in
            contest.selections.map { ("\(contest.contestId).\($0.selectionId)", $0.expected_decrypted_vote) }
        })
        let ciphertexts = try vector.encrypted_tally.ciphertexts()
        let discreteLog = DiscreteLog(base: publicKey.key)
        var generator = SeededGenerator(seed: 7)
        for present in subsets(of: guardians, size: quorum) + [guardians] {
            let values = try ThresholdDecryption.decrypt(
                ciphertexts.map(\.ciphertext), guardians: present, publicKeys: publicKeys, quorum: quorum,
                publicKey: publicKey, extendedBaseHash: extendedBaseHash, discreteLog: discreteLog,
                bound: vector.encrypted_tally.cast_ballot_ids.count, using: &generator)
            for (item, value) in zip(ciphertexts, values) {
                let key = "\(item.contest).\(item.selection)"
                #expect(value.value == expected[key], "\(name) \(key) with guardians \(present.map(\.xCoordinate))")
                #expect(value.proof.verify(.ciphertext(item.ciphertext), share: value.share, publicKey: publicKey,
                                           extendedBaseHash: extendedBaseHash), "\(name) \(key): proof verifies")
            }
        }
    }

    @Test("a ballot decrypted by the trustees: votes, K^t, proofs and contest data")
    func ballot() throws {
        let name = "DecryptBallotTestVector"
        let vector: DecryptBallotVector = try loadVector(name)
        let publicKey = ElGamalPublicKey(try p(vector.joint_public_key, "\(name).joint_public_key"))
        let extendedBaseHash = try u256(vector.extended_base_hash, "\(name).extended_base_hash")
        let guardians = try vector.trustees.map { try $0.guardian() }
        let publicKeys = try vector.trustees.map { try $0.publicKeys() }
        let quorum = vector.trustees[0].polynomial_coefficients.count
        let ballot = try vector.encrypted_ballot.ballot()
        let hashes = BallotHashes(extendedBaseHash: extendedBaseHash, publicKey: publicKey.key, dialect: .egkVectors)
        var generator = SeededGenerator(seed: 11)
        let discreteLog = DiscreteLog(base: publicKey.key)
        for expectedContest in vector.expected_decrypted_ballot.contests {
            let field = "\(name) \(expectedContest.contest_id)"
            let contest = try #require(ballot.contests.first { $0.contestId == expectedContest.contest_id })
            for expectedSelection in expectedContest.selections {
                let selection = try #require(contest.selections.first { $0.selectionId == expectedSelection.selection_id })
                let selectionField = "\(field).\(expectedSelection.selection_id)"
                let value = try #require(try ThresholdDecryption.decrypt(
                    [selection.ciphertext], guardians: Array(guardians.prefix(quorum)), publicKeys: publicKeys, quorum: quorum,
                    publicKey: publicKey, extendedBaseHash: extendedBaseHash, discreteLog: discreteLog, bound: 1,
                    using: &generator).first)
                #expect(value.value == expectedSelection.tally, "\(selectionField).tally")
                #expect(value.power.hex == expectedSelection.b_over_m, "\(selectionField).b_over_m")
                let published = DecryptionProof(challenge: try q(expectedSelection.proof.challenge, "\(selectionField).proof.challenge"),
                                                response: try q(expectedSelection.proof.response, "\(selectionField).proof.response"))
                #expect(published.verify(.ciphertext(selection.ciphertext), share: value.share, publicKey: publicKey,
                                         extendedBaseHash: extendedBaseHash), "\(selectionField).proof verifies")
            }
            let expectedData = expectedContest.decrypted_contest_data
            let target = DecryptionTarget.contestData(contest.contestData)
            let combined = try #require(try ThresholdDecryption.run(
                [target], guardians: guardians, publicKeys: publicKeys, quorum: quorum, publicKey: publicKey,
                extendedBaseHash: extendedBaseHash, using: &generator).first)
            #expect(combined.share.hex == expectedData.beta, "\(field).decrypted_contest_data.beta")
            #expect(combined.proof.verify(target, share: combined.share, publicKey: publicKey, extendedBaseHash: extendedBaseHash))
            let published = DecryptionProof(challenge: try q(expectedData.proof.challenge, "\(field).contest data proof.challenge"),
                                            response: try q(expectedData.proof.response, "\(field).contest data proof.response"))
            #expect(published.verify(target, share: combined.share, publicKey: publicKey, extendedBaseHash: extendedBaseHash),
                    "\(field).decrypted_contest_data.proof verifies")
            let data = try hashes.decryptContestData(contest.contestData, contestId: contest.contestId, beta: combined.share)
            #expect(data.status.name == expectedData.contest_data.status, "\(field).contest_data.status")
            #expect(data.overVotes == expectedData.contest_data.over_votes, "\(field).contest_data.over_votes")
            #expect(data.writeIns == expectedData.contest_data.write_ins, "\(field).contest_data.write_ins")
        }
    }

    @Test("a ballot opened with its primary nonce, and re-encrypted byte for byte")
    func withNonce() throws {
        let name = "DecryptWithNonceTestVector"
        let vector: DecryptWithNonceVector = try loadVector(name)
        let publicKey = ElGamalPublicKey(try p(vector.joint_public_key, "\(name).joint_public_key"))
        let extendedBaseHash = try u256(vector.extended_base_hash, "\(name).extended_base_hash")
        let ballot = try vector.encrypted_ballot.ballot()
        let nonce = try u256(vector.primary_nonce, "\(name).primary_nonce")
        let encryptor = BallotEncryptor(publicKey: publicKey, extendedBaseHash: extendedBaseHash,
                                        contests: vector.encrypted_ballot.contestDescriptions, dialect: .egkVectors)
        let decrypted = try encryptor.decrypt(ballot, ballotNonce: nonce)
        var contests = [PlaintextBallot.Contest]()
        for expected in vector.expected_decrypted_ballot.contests {
            let contest = try #require(decrypted.contests.first { $0.contestId == expected.contest_id })
            for selection in expected.selections {
                #expect(contest.votes[selection.selection_id] == selection.vote, "\(name) \(expected.contest_id).\(selection.selection_id).vote")
            }
            #expect(contest.contestData.writeIns == expected.write_ins, "\(name) \(expected.contest_id).write_ins")
            contests.append(PlaintextBallot.Contest(contestId: contest.contestId, votes: contest.votes, writeIns: contest.contestData.writeIns))
        }
        let again = try encryptor.encrypt(
            PlaintextBallot(id: ballot.ballotId, styleId: ballot.styleId, contests: contests), ballotNonce: nonce,
            codeBaux: ballot.codeBaux, device: ballot.encryptingDevice, timestamp: ballot.timestamp, state: ballot.state)
        #expect(again == ballot, "\(name): re-encryption with the nonce reproduces the published ballot")
    }
}

/// Every subset of `items` with `size` elements, in order.
func subsets<T>(of items: [T], size: Int) -> [[T]] {
    guard size > 0 else { return [[]] }
    guard items.count >= size else { return [] }
    let first = items[0], rest = Array(items.dropFirst())
    return subsets(of: rest, size: size - 1).map { [first] + $0 } + subsets(of: rest, size: size)
}
