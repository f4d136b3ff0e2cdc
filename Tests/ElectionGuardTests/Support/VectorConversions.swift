import ElectionGuard

extension PlaintextBallotJSON {
    /// The contests this ballot describes (the vectors carry no separate manifest).
    var contestDescriptions: [ContestDescription] {
        contests.map { contest in
            ContestDescription(
                id: contest.contest_id, sequenceOrder: contest.sequence_order, votesAllowed: contest.votes_allowed,
                selections: contest.selections.map { SelectionDescription(id: $0.selection_id, sequenceOrder: $0.sequence_order) })
        }
    }

    var plaintext: PlaintextBallot {
        PlaintextBallot(id: ballot_id, styleId: ballot_style, contests: contests.map { contest in
            PlaintextBallot.Contest(contestId: contest.contest_id,
                                    votes: Dictionary(uniqueKeysWithValues: contest.selections.map { ($0.selection_id, $0.vote) }))
        })
    }
}

extension HexCiphertext {
    func ciphertext(_ field: String) throws -> ElGamalCiphertext {
        ElGamalCiphertext(pad: try p(pad, "\(field).pad"), data: try p(data, "\(field).data"))
    }
}

extension HexHashedCiphertext {
    func ciphertext(_ field: String) throws -> HashedElGamalCiphertext {
        HashedElGamalCiphertext(c0: try p(c0, "\(field).c0"), c1: bytes(c1), c2: try u256(c2, "\(field).c2"), numBytes: numBytes)
    }
}

extension HexRangeProof {
    func proof(_ field: String) throws -> RangeProof {
        RangeProof(challenges: try proofs.map { try q($0.challenge, "\(field).challenge") },
                   responses: try proofs.map { try q($0.response, "\(field).response") })
    }
}

extension EncryptedBallotJSON {
    /// The ballot as a domain value, every number checked on the way in.
    func ballot() throws -> EncryptedBallot {
        let field = "encrypted_ballot \(ballot_id)"
        return EncryptedBallot(
            ballotId: ballot_id, styleId: ballot_style_id, encryptingDevice: encrypting_device, timestamp: timestamp,
            codeBaux: bytes(code_baux), confirmationCode: try u256(confirmation_code, "\(field).confirmation_code"),
            contests: try contests.map { contest in
                let contestField = "\(field).\(contest.contest_id)"
                return EncryptedContest(
                    contestId: contest.contest_id, sequenceOrder: contest.sequence_order, votesAllowed: contest.votes_allowed,
                    contestHash: try u256(contest.contest_hash, "\(contestField).contest_hash"),
                    selections: try contest.selections.map { selection in
                        let selectionField = "\(contestField).\(selection.selection_id)"
                        return EncryptedSelection(
                            selectionId: selection.selection_id, sequenceOrder: selection.sequence_order,
                            ciphertext: try selection.encrypted_vote.ciphertext("\(selectionField).encrypted_vote"),
                            proof: try selection.proof.proof("\(selectionField).proof"))
                    },
                    proof: try contest.proof.proof("\(contestField).proof"),
                    contestData: try contest.encrypted_contest_data.ciphertext("\(contestField).encrypted_contest_data"))
            },
            state: EncryptedBallot.State(rawValue: state) ?? .unknown)
    }

    /// The contests the ballot was made for.
    var contestDescriptions: [ContestDescription] {
        contests.map { contest in
            ContestDescription(
                id: contest.contest_id, sequenceOrder: contest.sequence_order, votesAllowed: contest.votes_allowed,
                selections: contest.selections.map { SelectionDescription(id: $0.selection_id, sequenceOrder: $0.sequence_order) })
        }
    }
}

extension TrusteeJSON {
    func guardian() throws -> DecryptingGuardian {
        DecryptingGuardian(id: id, xCoordinate: xCoordinate, keyShare: try q(keyShare, "trustee \(id).keyShare"))
    }

    func publicKeys() throws -> GuardianPublicKeys {
        // Proofs are not in these vectors; commitments are what share keys need, so proofs carry them
        // with placeholder challenge and response.
        GuardianPublicKeys(id: id, xCoordinate: xCoordinate, coefficientProofs: try polynomial_coefficients.map {
            SchnorrProof(publicKey: ElementModP.g.power(try q($0, "trustee \(id).polynomial_coefficients")),
                         challenge: .zero, response: .zero)
        })
    }
}

extension EncryptedTallyJSON {
    /// (contest id, selection id, ciphertext) in the tally's order.
    func ciphertexts() throws -> [(contest: String, selection: String, ciphertext: ElGamalCiphertext)] {
        try contests.flatMap { contest in
            try contest.selections.map { selection in
                (contest.contest_id, selection.selection_id,
                 try selection.encrypted_vote.ciphertext("encrypted_tally.\(contest.contest_id).\(selection.selection_id)"))
            }
        }
    }
}

extension ManifestJSON {
    /// The manifest's contests as encryption sees them.
    var contestDescriptions: [ContestDescription] {
        contests.map { contest in
            ContestDescription(
                id: contest.object_id, sequenceOrder: contest.sequence_order, votesAllowed: contest.votes_allowed,
                selections: contest.ballot_selections.map { SelectionDescription(id: $0.object_id, sequenceOrder: $0.sequence_order) })
        }
    }
}
