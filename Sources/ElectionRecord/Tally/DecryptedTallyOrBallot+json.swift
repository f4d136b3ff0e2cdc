import ElectionGuard

extension DecryptedTallyOrBallotJSON {
    /// The JSON of `decrypted`.
    public init(_ decrypted: DecryptedTallyOrBallot) {
        self.init(
            id: decrypted.id,
            contests: decrypted.contests.map { contest in
                Contest(
                    contest_id: contest.contestId,
                    selections: contest.selections.map {
                        Selection(selection_id: $0.selectionId, tally: $0.tally, b_over_m: $0.bOverM.hex,
                                  encrypted_vote: ElGamalCiphertextJSON($0.ciphertext), proof: ChaumPedersenJSON($0.proof))
                    },
                    decrypted_contest_data: contest.contestData.map {
                        DecryptedContestData(contest_data: ContestDataJSON($0.contestData),
                                             encrypted_contest_data: HashedElGamalCiphertextJSON($0.ciphertext),
                                             proof: ChaumPedersenJSON($0.proof), beta: $0.beta.hex)
                    })
            },
            election_id: decrypted.electionId.hex)
    }

    /// The decryption, every number checked; tallies are non-negative, statuses known names.
    public func decrypted(at field: RecordField) throws(ElectionRecordError) -> DecryptedTallyOrBallot {
        var contests = [DecryptedTallyOrBallot.Contest]()
        for (index, contest) in self.contests.enumerated() {
            let at = field["contests"][index]
            var selections = [DecryptedTallyOrBallot.Selection]()
            for (j, selection) in contest.selections.enumerated() {
                let sat = at["selections"][j]
                selections.append(DecryptedTallyOrBallot.Selection(
                    selectionId: selection.selection_id, tally: try sat["tally"].integer(selection.tally, in: 0...Int.max),
                    bOverM: try sat["b_over_m"].elementModP(selection.b_over_m),
                    ciphertext: try selection.encrypted_vote.ciphertext(at: sat["encrypted_vote"]),
                    proof: try selection.proof.decryptionProof(at: sat["proof"])))
            }
            let contestData = try contest.decrypted_contest_data.map { (data) throws(ElectionRecordError) in
                let dat = at["decrypted_contest_data"]
                return DecryptedTallyOrBallot.DecryptedContestData(
                    contestData: try data.contest_data.contestData(at: dat["contest_data"]),
                    ciphertext: try data.encrypted_contest_data.ciphertext(at: dat["encrypted_contest_data"]),
                    proof: try data.proof.decryptionProof(at: dat["proof"]),
                    beta: try dat["beta"].elementModP(data.beta))
            }
            contests.append(DecryptedTallyOrBallot.Contest(contestId: contest.contest_id, selections: selections,
                                                          contestData: contestData))
        }
        return DecryptedTallyOrBallot(id: id, contests: contests, electionId: try field["election_id"].uint256(election_id))
    }
}

extension ContestDataJSON {
    /// The JSON of `data`.
    public init(_ data: ContestData) {
        self.init(over_votes: data.overVotes, write_ins: data.writeIns, status: data.status.name)
    }

    /// The contest data, its status a known name.
    public func contestData(at field: RecordField) throws(ElectionRecordError) -> ContestData {
        guard let status = ContestData.Status.allCases.first(where: { $0.name == status }) else {
            throw field["status"].invalid(.unknownName(status, allowed: ContestData.Status.allCases.map(\.name)))
        }
        return ContestData(status: status, overVotes: over_votes, writeIns: write_ins)
    }
}
