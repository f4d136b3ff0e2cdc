import ElectionGuard

/// The encrypted tally (spec 3.5): per selection, the product of the cast ballots' ciphertexts.
public struct EncryptedTally: Sendable, Hashable {
    /// One contest's sums.
    public struct Contest: Sendable, Hashable {
        /// The manifest contest.
        public let contestId: String
        /// Its sequence order.
        public let sequenceOrder: Int
        /// Every selection of the contest.
        public let selections: [Selection]

        /// Memberwise.
        public init(contestId: String, sequenceOrder: Int, selections: [Selection]) {
            self.contestId = contestId
            self.sequenceOrder = sequenceOrder
            self.selections = selections
        }
    }

    /// One selection's sum.
    public struct Selection: Sendable, Hashable {
        /// The manifest selection.
        public let selectionId: String
        /// Its sequence order.
        public let sequenceOrder: Int
        /// (A, B) = (Π α, Π β) over the cast ballots.
        public let ciphertext: ElGamalCiphertext

        /// Memberwise.
        public init(selectionId: String, sequenceOrder: Int, ciphertext: ElGamalCiphertext) {
            self.selectionId = selectionId
            self.sequenceOrder = sequenceOrder
            self.ciphertext = ciphertext
        }
    }

    /// A name for the tally; `tally.json` repeats it as its `id`.
    public let tallyId: String
    /// Every manifest contest.
    public let contests: [Contest]
    /// The ballots added up (order not meaningful).
    public let castBallotIds: [String]
    /// H_E.
    public let electionId: UInt256

    /// Memberwise.
    public init(tallyId: String, contests: [Contest], castBallotIds: [String], electionId: UInt256) {
        self.tallyId = tallyId
        self.contests = contests
        self.castBallotIds = castBallotIds
        self.electionId = electionId
    }
}

extension EncryptedTallyJSON {
    /// The JSON of `tally`.
    public init(_ tally: EncryptedTally) {
        self.init(
            tally_id: tally.tallyId,
            contests: tally.contests.map { contest in
                Contest(contest_id: contest.contestId, sequence_order: contest.sequenceOrder,
                        selections: contest.selections.map {
                            Selection(selection_id: $0.selectionId, sequence_order: $0.sequenceOrder,
                                      encrypted_vote: ElGamalCiphertextJSON($0.ciphertext))
                        })
            },
            cast_ballot_ids: tally.castBallotIds, election_id: tally.electionId.hex)
    }

    /// The tally, every ciphertext checked to be in Z_p^r.
    public func tally(at field: RecordField) throws(ElectionRecordError) -> EncryptedTally {
        var contests = [EncryptedTally.Contest]()
        for (index, contest) in self.contests.enumerated() {
            let at = field["contests"][index]
            var selections = [EncryptedTally.Selection]()
            for (j, selection) in contest.selections.enumerated() {
                selections.append(EncryptedTally.Selection(
                    selectionId: selection.selection_id, sequenceOrder: selection.sequence_order,
                    ciphertext: try selection.encrypted_vote.ciphertext(at: at["selections"][j]["encrypted_vote"])))
            }
            contests.append(EncryptedTally.Contest(contestId: contest.contest_id, sequenceOrder: contest.sequence_order,
                                                   selections: selections))
        }
        return EncryptedTally(tallyId: tally_id, contests: contests, castBallotIds: cast_ballot_ids,
                              electionId: try field["election_id"].uint256(election_id))
    }
}
