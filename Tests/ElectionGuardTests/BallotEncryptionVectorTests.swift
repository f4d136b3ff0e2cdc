import ElectionGuard
import Testing

@Suite("Known answers: ballot encryption, confirmation codes, chaining, aggregation")
struct BallotEncryptionVectorTests {
    @Test("selection nonces, ciphertexts and every range-proof number")
    func ballotEncryption() throws {
        let vector: BallotEncryptionVector = try loadVector("BallotEncryptionTestVector")
        let publicKey = ElGamalPublicKey(try p(vector.joint_public_key, "joint_public_key"))
        let extendedBaseHash = try u256(vector.extended_base_hash, "extended_base_hash")
        #expect(vector.ballots.count == vector.expected_encrypted_ballots.count)
        for (ballot, expected) in zip(vector.ballots, vector.expected_encrypted_ballots) {
            let encryptor = BallotEncryptor(publicKey: publicKey, extendedBaseHash: extendedBaseHash,
                                            contests: ballot.contestDescriptions, dialect: .egkVectors)
            let ballotNonce = try u256(expected.ballotNonce, "\(expected.ballotId).ballotNonce")
            let encrypted = try encryptor.encrypt(ballot.plaintext, ballotNonce: ballotNonce, codeBaux: [], device: "device", timestamp: 0)
            for expectedContest in expected.contests {
                let field = "BallotEncryptionTestVector \(expected.ballotId).\(expectedContest.contestId)"
                let contest = try #require(encrypted.contests.first { $0.contestId == expectedContest.contestId }, "\(field) missing")
                let description = try #require(encryptor.contests.first { $0.id == expectedContest.contestId })
                var nonceSum = ElementModQ.zero
                for expectedSelection in expectedContest.selections {
                    let selectionField = "\(field).\(expectedSelection.selectionId)"
                    let selection = try #require(contest.selections.first { $0.selectionId == expectedSelection.selectionId })
                    let selectionDescription = try #require(description.selections.first { $0.id == expectedSelection.selectionId })
                    let nonce = encryptor.hashes.selectionNonce(ballotNonce: ballotNonce, contest: description, selection: selectionDescription)
                    nonceSum = nonceSum + nonce
                    #expect(nonce.hex == expectedSelection.expected_selection_nonce, "\(selectionField).expected_selection_nonce")
                    #expect(selection.ciphertext.pad.hex == expectedSelection.expected_encrypted_vote.pad, "\(selectionField).pad")
                    #expect(selection.ciphertext.data.hex == expectedSelection.expected_encrypted_vote.data, "\(selectionField).data")
                    try checkProof(selection.proof, seed: nonce, expected: expectedSelection.expected_proof, field: selectionField)
                    #expect(selection.proof.verify(ciphertext: selection.ciphertext, limit: 1, publicKey: publicKey,
                                                   extendedBaseHash: extendedBaseHash), "\(selectionField) proof verifies")
                }
                try checkProof(contest.proof, seed: nonceSum, expected: expectedContest.expected_proof, field: "\(field) contest")
                #expect(contest.proof.verify(ciphertext: contest.total, limit: contest.votesAllowed, publicKey: publicKey,
                                             extendedBaseHash: extendedBaseHash), "\(field) contest proof verifies")
            }
        }
    }

    func checkProof(_ proof: RangeProof, seed: ElementModQ, expected: BallotEncryptionVector.Proof, field: String) throws {
        #expect(proof.challenges.count == expected.proofs.count, "\(field): number of proof entries")
        let u = NonceSequence(seed: seed, label: "range-chaum-pedersen-proof")
        let c = NonceSequence(seed: seed, label: "range-chaum-pedersen-proof-constants")
        for (j, entry) in expected.proofs.enumerated() where j < proof.challenges.count {
            #expect(u[j].hex == entry.u_nonce, "\(field).proofs[\(j)].u_nonce")
            #expect(c[j].hex == entry.c_nonce, "\(field).proofs[\(j)].c_nonce")
            #expect(proof.challenges[j].hex == entry.expected_challenge, "\(field).proofs[\(j)].expected_challenge")
            #expect(proof.responses[j].hex == entry.expected_response, "\(field).proofs[\(j)].expected_response")
        }
    }

    @Test("contest hashes and confirmation codes", arguments: [
        ("ConfirmationCodeTestVector", ProtocolDialect.egkVectors),
        ("BallotChainingTestVector", ProtocolDialect.egkVectorsIndexed),
    ])
    func confirmationCodes(name: String, dialect: ProtocolDialect) throws {
        let vector: ConfirmationCodeVector = try loadVector(name)
        let publicKey = ElGamalPublicKey(try p(vector.joint_public_key, "\(name).joint_public_key"))
        let extendedBaseHash = try u256(vector.extended_base_hash, "\(name).extended_base_hash")
        var chain = vector.configBaux0.map {
            BallotChain(initialBaux: $0.map { UInt8(bitPattern: Int8($0)) }, extendedBaseHash: extendedBaseHash)
        }
        for (ballot, expected) in zip(vector.ballots, vector.expected_encrypted_ballots) {
            let field = "\(name) \(expected.ballotId)"
            let codeBaux = bytes(expected.codeBaux)
            if let current = chain {
                #expect(Base16.encode(current.nextBaux) == expected.codeBaux, "\(field).codeBaux (chained)")
            }
            let encryptor = BallotEncryptor(publicKey: publicKey, extendedBaseHash: extendedBaseHash,
                                            contests: ballot.contestDescriptions, dialect: dialect)
            let encrypted = try encryptor.encrypt(ballot.plaintext, ballotNonce: try u256(expected.ballotNonce, "\(field).ballotNonce"),
                                                  codeBaux: codeBaux, device: "device", timestamp: 0)
            for expectedContest in expected.contests {
                let contest = try #require(encrypted.contests.first { $0.contestId == expectedContest.contestId })
                #expect(contest.contestHash.hex == expectedContest.expected_contestHash, "\(field).\(contest.contestId).expected_contestHash")
            }
            #expect(encrypted.confirmationCode.hex == expected.expected_confirmationCode, "\(field).expected_confirmationCode")
            chain?.append(encrypted.confirmationCode)
        }
    }

    @Test("the encrypted tally is the product of the ballots")
    func aggregation() throws {
        let vector: BallotAggregationVector = try loadVector("BallotAggregationTestVector")
        var sums = [String: ElGamalCiphertext]()
        for ballot in vector.encrypted_ballots {
            for contest in ballot.contests {
                for selection in contest.selections {
                    let key = "\(contest.contestId).\(selection.selectionId)"
                    let ciphertext = try selection.encrypted_vote.ciphertext("\(ballot.ballotId).\(key)")
                    sums[key] = (sums[key] ?? .zero) + ciphertext
                }
            }
        }
        let expected = try vector.expected_encrypted_tally.ciphertexts()
        #expect(!expected.isEmpty)
        for item in expected {
            let key = "\(item.contest).\(item.selection)"
            #expect(sums[key] == item.ciphertext, "BallotAggregationTestVector.expected_encrypted_tally \(key)")
        }
        #expect(vector.expected_encrypted_tally.cast_ballot_ids == vector.encrypted_ballots.map(\.ballotId))
    }
}
