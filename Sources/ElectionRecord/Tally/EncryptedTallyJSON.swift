/// `encrypted_tally.json`: the homomorphic sum of the cast ballots (record-format.md §7.3).
public struct EncryptedTallyJSON: Codable, Sendable, Hashable {
    /// The `tally_id` field.
    public var tally_id: String
    /// Every manifest contest, in manifest order.
    public var contests: [Contest]
    /// The ballots added up; the order means nothing.
    public var cast_ballot_ids: [String]
    /// H_E.
    public var election_id: String

    /// Memberwise, with the values as the file holds them.
    public init(tally_id: String, contests: [Contest], cast_ballot_ids: [String], election_id: String) {
        self.tally_id = tally_id
        self.contests = contests
        self.cast_ballot_ids = cast_ballot_ids
        self.election_id = election_id
    }

    /// One contest's sums.
    public struct Contest: Codable, Sendable, Hashable {
        /// The `contest_id` field.
        public var contest_id: String
        /// The `sequence_order` field.
        public var sequence_order: Int
        /// The `selections` field.
        public var selections: [Selection]

        /// Memberwise, with the values as the file holds them.
        public init(contest_id: String, sequence_order: Int, selections: [Selection]) {
            self.contest_id = contest_id
            self.sequence_order = sequence_order
            self.selections = selections
        }
    }

    /// One selection's sum (A, B) = (Π α, Π β).
    public struct Selection: Codable, Sendable, Hashable {
        /// The `selection_id` field.
        public var selection_id: String
        /// The `sequence_order` field.
        public var sequence_order: Int
        /// The `encrypted_vote` field.
        public var encrypted_vote: ElGamalCiphertextJSON

        /// Memberwise, with the values as the file holds them.
        public init(selection_id: String, sequence_order: Int, encrypted_vote: ElGamalCiphertextJSON) {
            self.selection_id = selection_id
            self.sequence_order = sequence_order
            self.encrypted_vote = encrypted_vote
        }
    }
}
