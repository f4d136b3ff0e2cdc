/// `tally.json` and `challenged_ballots/dballot-<ballot_id>.json`: a decrypted tally or challenged
/// ballot with its proofs (record-format.md §7.4; egk `DecryptedTallyOrBallotJson`).
public struct DecryptedTallyOrBallotJSON: Codable, Sendable, Hashable {
    /// The tally id, or the ballot id.
    public var id: String
    /// The `contests` field.
    public var contests: [Contest]
    /// H_E.
    public var election_id: String

    /// Memberwise, with the values as the file holds them.
    public init(id: String, contests: [Contest], election_id: String) {
        self.id = id
        self.contests = contests
        self.election_id = election_id
    }

    /// One contest's decryption.
    public struct Contest: Codable, Sendable, Hashable {
        /// The `contest_id` field.
        public var contest_id: String
        /// The `selections` field.
        public var selections: [Selection]
        /// Ballots only.
        public var decrypted_contest_data: DecryptedContestData?

        /// Memberwise, with the values as the file holds them.
        public init(contest_id: String, selections: [Selection], decrypted_contest_data: DecryptedContestData?) {
            self.contest_id = contest_id
            self.selections = selections
            self.decrypted_contest_data = decrypted_contest_data
        }
    }

    /// One selection's decryption.
    public struct Selection: Codable, Sendable, Hashable {
        /// The `selection_id` field.
        public var selection_id: String
        /// t (a tally) or σ (a ballot).
        public var tally: Int
        /// T = B·M⁻¹ = K^t.
        public var b_over_m: String
        /// The ciphertext decrypted.
        public var encrypted_vote: ElGamalCiphertextJSON
        /// The combined decryption proof.
        public var proof: ChaumPedersenJSON

        /// Memberwise, with the values as the file holds them.
        public init(selection_id: String, tally: Int, b_over_m: String, encrypted_vote: ElGamalCiphertextJSON, proof: ChaumPedersenJSON) {
            self.selection_id = selection_id
            self.tally = tally
            self.b_over_m = b_over_m
            self.encrypted_vote = encrypted_vote
            self.proof = proof
        }
    }

    /// A challenged ballot's decrypted contest data.
    public struct DecryptedContestData: Codable, Sendable, Hashable {
        /// The `contest_data` field.
        public var contest_data: ContestDataJSON
        /// Equal to the ballot's `encrypted_contest_data`.
        public var encrypted_contest_data: HashedElGamalCiphertextJSON
        /// The `proof` field.
        public var proof: ChaumPedersenJSON
        /// β = C0^s.
        public var beta: String

        /// Memberwise, with the values as the file holds them.
        public init(contest_data: ContestDataJSON, encrypted_contest_data: HashedElGamalCiphertextJSON, proof: ChaumPedersenJSON, beta: String) {
            self.contest_data = contest_data
            self.encrypted_contest_data = encrypted_contest_data
            self.proof = proof
            self.beta = beta
        }
    }
}

/// Decrypted contest data: overvoted selections (by sequence order), write-ins and the contest's status.
public struct ContestDataJSON: Codable, Sendable, Hashable {
    /// The `over_votes` field.
    public var over_votes: [Int]
    /// The `write_ins` field.
    public var write_ins: [String]
    /// "normal", "null_vote", "over_vote" or "under_vote".
    public var status: String

    /// Memberwise, with the values as the file holds them.
    public init(over_votes: [Int], write_ins: [String], status: String) {
        self.over_votes = over_votes
        self.write_ins = write_ins
        self.status = status
    }
}
