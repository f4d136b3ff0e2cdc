import TestSupport
import ElectionGuard
import Testing

@Suite("Round trip: pre-encrypt, record by short code, decrypt")
struct PreEncryptionRoundTripTests {
    static let contests = [
        ContestDescription(id: "council", sequenceOrder: 1, votesAllowed: 2, selections: [
            SelectionDescription(id: "ada", sequenceOrder: 1), SelectionDescription(id: "bob", sequenceOrder: 2),
            SelectionDescription(id: "cyd", sequenceOrder: 3),
        ]),
        ContestDescription(id: "question", sequenceOrder: 2, votesAllowed: 1, selections: [
            SelectionDescription(id: "yes", sequenceOrder: 1), SelectionDescription(id: "no", sequenceOrder: 2),
        ]),
    ]

    @Test("a recorded choice decrypts to the chosen options and its proofs verify",
          arguments: [ProtocolDialect.v2_0_0, .egkVectors])
    func roundTrip(dialect: ProtocolDialect) throws {
        var generator = SeededGenerator(seed: 4242)
        let keys = ElGamalKeyPair(secretKey: ElementModQ.random(using: &generator))
        let extendedBaseHash = UInt256.random(using: &generator)
        let primaryNonce = UInt256.random(using: &generator)
        let preEncryptor = PreEncryptor(publicKey: keys.publicKey, extendedBaseHash: extendedBaseHash,
                                        contests: Self.contests, dialect: dialect)
        let ballot = preEncryptor.preEncrypt(ballotId: "pre-1", styleId: "style", primaryNonce: primaryNonce)
        let council = try #require(ballot.contest("council"))
        let question = try #require(ballot.contest("question"))
        #expect(council.rows.map(\.rowId) == ["ada", "bob", "cyd", "null1", "null2"])
        #expect(question.rows.map(\.rowId) == ["yes", "no", "null1"])
        // Each row encrypts a vote for its own selection and nothing else.
        for contest in [council, question] {
            for row in contest.rows {
                let plaintexts = row.selectionVector.map { $0.decryptToPower(secretKey: keys.secretKey) == keys.publicKey.key ? 1 : 0 }
                #expect(plaintexts.reduce(0, +) == (row.isNull ? 0 : 1), "\(contest.contestId).\(row.rowId)")
            }
        }

        let chosen = ["council": [try #require(council.rows.first { $0.rowId == "cyd" }).shortCode],
                      "question": [try #require(question.rows.first { $0.rowId == "no" }).shortCode]]
        let recorded = try preEncryptor.record(ballot, primaryNonce: primaryNonce, selectedCodes: chosen, device: "kiosk",
                                               timestamp: 1, state: .cast)
        #expect(recorded.ballot.confirmationCode == ballot.confirmationCode)
        let expectedVotes = ["council": ["ada": 0, "bob": 0, "cyd": 1], "question": ["yes": 0, "no": 1]]
        for contest in recorded.ballot.contests {
            for selection in contest.selections {
                let field = "\(dialect) \(contest.contestId).\(selection.selectionId)"
                let power = selection.ciphertext.decryptToPower(secretKey: keys.secretKey)
                let vote = power == .one ? 0 : power == keys.publicKey.key ? 1 : -1
                #expect(vote == expectedVotes[contest.contestId]?[selection.selectionId], "\(field) decrypts to the choice")
                #expect(selection.proof.verify(ciphertext: selection.ciphertext, limit: 1, publicKey: keys.publicKey,
                                               extendedBaseHash: extendedBaseHash), "\(field) proof verifies")
            }
            #expect(contest.proof.verify(ciphertext: contest.total, limit: contest.votesAllowed, publicKey: keys.publicKey,
                                         extendedBaseHash: extendedBaseHash), "\(dialect) \(contest.contestId) contest proof verifies")
            let data = try preEncryptor.hashes.decryptContestData(contest.contestData, contestId: contest.contestId,
                                                                   beta: contest.contestData.c0.powerSecret(keys.secretKey))
            #expect(data.status == .normal)
        }
        try recorded.verify(hashes: preEncryptor.hashes, contests: Self.contests)
        let record = try #require(recorded.contests.first { $0.contestId == "council" })
        #expect(record.selectedVectors.count == 2, "one chosen row and one null row make L = 2")
        #expect(record.allSelectionHashes.count == 5)

        // Swapping a selected vector for another row breaks the verification.
        let other = try #require(council.rows.first { $0.rowId == "ada" })
        let forged = RecordedPreEncryption(
            contestId: record.contestId, preEncryptionHash: record.preEncryptionHash, allSelectionHashes: record.allSelectionHashes,
            selectedVectors: [RecordedPreEncryption.SelectedVector(selectionHash: other.selectionHash, shortCode: other.shortCode,
                                                                   encryptions: other.selectionVector)]
                + Array(record.selectedVectors.dropFirst()))
        let tamperedRecord = RecordedPreEncryptedBallot(ballot: recorded.ballot, contests: [forged] + Array(recorded.contests.dropFirst()))
        #expect(throws: PreEncryptionError.self) {
            try tamperedRecord.verify(hashes: preEncryptor.hashes, contests: Self.contests)
        }

        // A short code that is on no row is refused, as are too many codes and a wrong nonce.
        let code = chosen["question"]![0]
        let tampered = String(code.dropLast()) + (code.last == "0" ? "1" : "0")
        try #require(!question.rows.contains { $0.shortCode == tampered })
        #expect(throws: PreEncryptionError.unknownShortCode(contestId: "question", code: tampered)) {
            try preEncryptor.record(ballot, primaryNonce: primaryNonce, selectedCodes: ["question": [tampered]], device: "kiosk", timestamp: 1)
        }
        let both = question.selectionRows.map(\.shortCode)
        #expect(throws: PreEncryptionError.tooManySelections(contestId: "question", selected: 2, limit: 1)) {
            try preEncryptor.record(ballot, primaryNonce: primaryNonce, selectedCodes: ["question": both], device: "kiosk", timestamp: 1)
        }
        #expect(throws: PreEncryptionError.nonceMismatch(ballotId: "pre-1")) {
            try preEncryptor.record(ballot, primaryNonce: UInt256.random(using: &generator), selectedCodes: chosen, device: "kiosk", timestamp: 1)
        }
    }
}
