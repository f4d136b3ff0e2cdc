import ElectionGuard
import Testing

@Suite("Known answers: pre-encrypted ballots and their recording")
struct PreEncryptionVectorTests {
    @Test("selection vectors, nonces, selection hashes, short codes, contest hashes and H(B)")
    func preEncryption() throws {
        let name = "PreEncryptionTestVector"
        let vector: PreEncryptionVector = try loadVector(name)
        let publicKey = ElGamalPublicKey(try p(vector.joint_public_key, "\(name).joint_public_key"))
        let extendedBaseHash = try u256(vector.extended_base_hash, "\(name).extended_base_hash")
        let primaryNonce = try u256(vector.primary_nonce, "\(name).primary_nonce")
        let expected = vector.preencrypted_ballot
        #expect(expected.primaryNonce == vector.primary_nonce, "\(name).preencrypted_ballot.primaryNonce")
        let preEncryptor = PreEncryptor(publicKey: publicKey, extendedBaseHash: extendedBaseHash,
                                        contests: vector.manifest.contestDescriptions, dialect: .egkVectors)
        let ballot = preEncryptor.preEncrypt(ballotId: expected.ballotId, styleId: expected.ballotStyleId, primaryNonce: primaryNonce)
        #expect(ballot.contests.map(\.contestId) == expected.contests.map(\.contestId), "\(name): contests")
        for expectedContest in expected.contests {
            let field = "\(name) \(expectedContest.contestId)"
            let contest = try #require(ballot.contest(expectedContest.contestId), "\(field) missing")
            let description = try #require(preEncryptor.contests.first { $0.id == expectedContest.contestId })
            let keys = PreEncryptionRowKey.rows(of: description)
            #expect(contest.sequenceOrder == expectedContest.sequenceOrder, "\(field).sequenceOrder")
            #expect(contest.votesAllowed == expectedContest.votesAllowed, "\(field).votesAllowed")
            #expect(contest.rows.map(\.rowId) == expectedContest.selections.map(\.selectionId), "\(field): rows (selections, then nulls)")
            for (index, expectedRow) in expectedContest.selections.enumerated() where index < contest.rows.count {
                let rowField = "\(field).\(expectedRow.selectionId)"
                let row = contest.rows[index]
                #expect(row.sequenceOrder == expectedRow.sequenceOrder, "\(rowField).sequenceOrder")
                let nonces = preEncryptor.nonces(primaryNonce: primaryNonce, contest: description, row: keys[index])
                #expect(nonces.map(\.hex) == expectedRow.expected_selectionNonces, "\(rowField).expected_selectionNonces")
                #expect(row.selectionVector.count == expectedRow.expected_selectionVector.count, "\(rowField).expected_selectionVector count")
                for (k, (ciphertext, expectedCiphertext)) in zip(row.selectionVector, expectedRow.expected_selectionVector).enumerated() {
                    #expect(ciphertext.pad.hex == expectedCiphertext.pad, "\(rowField).expected_selectionVector[\(k)].pad")
                    #expect(ciphertext.data.hex == expectedCiphertext.data, "\(rowField).expected_selectionVector[\(k)].data")
                }
                #expect(row.selectionHash.hex == expectedRow.expected_selectionHash, "\(rowField).expected_selectionHash")
                #expect(row.shortCode == expectedRow.shortCode, "\(rowField).shortCode")
            }
            #expect(contest.contestHash.hex == expectedContest.expected_preencryptionHash, "\(field).expected_preencryptionHash")
        }
        #expect(ballot.confirmationCode.hex == expected.expected_confirmationCode, "\(name).expected_confirmationCode")
    }

    @Test("the recorded ballot: products of the chosen rows, summed nonces, proofs, contest data, code")
    func recorded() throws {
        let name = "PreEncryptionRecordedTestVector"
        let vector: PreEncryptionRecordedVector = try loadVector(name)
        let publicKey = ElGamalPublicKey(try p(vector.joint_public_key, "\(name).joint_public_key"))
        let extendedBaseHash = try u256(vector.extended_base_hash, "\(name).extended_base_hash")
        let primaryNonce = try u256(vector.primary_nonce, "\(name).primary_nonce")
        let expectedJSON = vector.expected_recorded_ballot
        let expected = try expectedJSON.ballot()
        let preEncryptor = PreEncryptor(publicKey: publicKey, extendedBaseHash: extendedBaseHash,
                                        contests: vector.manifest.contestDescriptions, dialect: .egkVectors)
        let preEncrypted = preEncryptor.preEncrypt(ballotId: expected.ballotId, styleId: expected.styleId,
                                                   primaryNonce: primaryNonce, codeBaux: expected.codeBaux)
        let recorded = try preEncryptor.record(preEncrypted, primaryNonce: primaryNonce, selectedCodes: vector.selected_codes,
                                               device: expected.encryptingDevice, timestamp: expected.timestamp, state: expected.state)
        let ballot = recorded.ballot
        let field = "\(name).expected_recorded_ballot"
        #expect(expectedJSON.is_preencrypt == true, "\(field).is_preencrypt")
        #expect(ballot.confirmationCode.hex == expectedJSON.confirmation_code, "\(field).confirmation_code")
        #expect(ballot.contests.map(\.contestId) == expected.contests.map(\.contestId), "\(field): contests")
        for (expectedContestJSON, expectedContest) in zip(expectedJSON.contests, expected.contests) {
            let contestField = "\(field).\(expectedContest.contestId)"
            let contest = try #require(ballot.contests.first { $0.contestId == expectedContest.contestId }, "\(contestField) missing")
            #expect(contest.sequenceOrder == expectedContest.sequenceOrder, "\(contestField).sequence_order")
            #expect(contest.votesAllowed == expectedContest.votesAllowed, "\(contestField).votes_allowed")
            #expect(contest.contestHash.hex == expectedContestJSON.contest_hash, "\(contestField).contest_hash")
            #expect(contest.selections.map(\.selectionId) == expectedContest.selections.map(\.selectionId), "\(contestField): selections")
            for (selection, expectedSelection) in zip(contest.selections, expectedContestJSON.selections) {
                let selectionField = "\(contestField).\(expectedSelection.selection_id)"
                #expect(selection.sequenceOrder == expectedSelection.sequence_order, "\(selectionField).sequence_order")
                #expect(selection.ciphertext.pad.hex == expectedSelection.encrypted_vote.pad, "\(selectionField).encrypted_vote.pad")
                #expect(selection.ciphertext.data.hex == expectedSelection.encrypted_vote.data, "\(selectionField).encrypted_vote.data")
                checkProof(selection.proof, expected: expectedSelection.proof, field: "\(selectionField).proof")
                #expect(selection.proof.verify(ciphertext: selection.ciphertext, limit: 1, publicKey: publicKey,
                                               extendedBaseHash: extendedBaseHash), "\(selectionField).proof verifies")
            }
            checkProof(contest.proof, expected: expectedContestJSON.proof, field: "\(contestField).proof")
            #expect(contest.proof.verify(ciphertext: contest.total, limit: contest.votesAllowed, publicKey: publicKey,
                                         extendedBaseHash: extendedBaseHash), "\(contestField).proof verifies")
            let data = expectedContestJSON.encrypted_contest_data
            #expect(contest.contestData.c0.hex == data.c0, "\(contestField).encrypted_contest_data.c0")
            #expect(Base16.encode(contest.contestData.c1) == data.c1, "\(contestField).encrypted_contest_data.c1")
            #expect(contest.contestData.c2.hex == data.c2, "\(contestField).encrypted_contest_data.c2")
            #expect(contest.contestData.numBytes == data.numBytes, "\(contestField).encrypted_contest_data.numBytes")
            #expect(contest == expectedContest, "\(contestField): the whole contest")

            let expectedPre = try #require(expectedContestJSON.pre_encryption, "\(contestField).pre_encryption is null")
            let pre = try #require(recorded.contests.first { $0.contestId == expectedContest.contestId }, "\(contestField) pre_encryption missing")
            #expect(pre.preEncryptionHash.hex == expectedPre.preencryption_hash, "\(contestField).pre_encryption.preencryption_hash")
            #expect(pre.allSelectionHashes.map(\.hex) == expectedPre.all_selection_hashes, "\(contestField).pre_encryption.all_selection_hashes")
            #expect(pre.selectedVectors.count == expectedPre.selected_vectors.count, "\(contestField).pre_encryption.selected_vectors count")
            for (index, (vector, expectedVector)) in zip(pre.selectedVectors, expectedPre.selected_vectors).enumerated() {
                let vectorField = "\(contestField).pre_encryption.selected_vectors[\(index)]"
                #expect(vector.selectionHash.hex == expectedVector.selection_hash, "\(vectorField).selection_hash")
                #expect(vector.shortCode == expectedVector.short_code, "\(vectorField).short_code")
                #expect(vector.encryptions.map(\.pad.hex) == expectedVector.encryptions.map(\.pad), "\(vectorField).encryptions.pad")
                #expect(vector.encryptions.map(\.data.hex) == expectedVector.encryptions.map(\.data), "\(vectorField).encryptions.data")
            }
        }
        #expect(ballot == expected, "\(field): the whole ballot")
        #expect(throws: Never.self, "\(field): pre-encryption data verifies") {
            try recorded.verify(hashes: preEncryptor.hashes, contests: preEncryptor.contests)
        }
    }

    func checkProof(_ proof: RangeProof, expected: HexRangeProof, field: String) {
        #expect(proof.challenges.map(\.hex) == expected.proofs.map(\.challenge), "\(field).challenge")
        #expect(proof.responses.map(\.hex) == expected.proofs.map(\.response), "\(field).response")
    }
}
