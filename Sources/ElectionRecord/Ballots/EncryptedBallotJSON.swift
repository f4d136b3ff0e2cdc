/// `encrypted_ballots/<device>/eballot-<ballot_id>.json`: one encrypted ballot (record-format.md §7.1).
public struct EncryptedBallotJSON: Codable, Sendable, Hashable {
    /// The `ballot_id` field.
    public var ballot_id: String
    /// A manifest ballot style.
    public var ballot_style_id: String
    /// The device name; equals the directory name (spaces as `_`).
    public var encrypting_device: String
    /// Seconds since 1970, UTC.
    public var timestamp: Int
    /// B_aux of the confirmation code, hex (may be empty).
    public var code_baux: String
    /// H(B), the confirmation code, 64 hex digits.
    public var confirmation_code: String
    /// H_E.
    public var election_id: String
    /// The contests of the ballot style, in sequence order.
    public var contests: [EncryptedContestJSON]
    /// "CAST", "SPOILED" (challenged) or "UNKNOWN".
    public var state: String
    /// egk's encryption of the paper ballot's serial number; not hashed, not verified.
    public var encrypted_sn: ElGamalCiphertextJSON?
    /// False for an ordinary ballot.
    public var is_preencrypt: Bool
    /// ξ_B, only for a challenged ballot opened by its nonce.
    public var primary_nonce: String?

    /// Memberwise, with the values as the file holds them.
    public init(ballot_id: String, ballot_style_id: String, encrypting_device: String, timestamp: Int, code_baux: String,
                confirmation_code: String, election_id: String, contests: [EncryptedContestJSON], state: String,
                encrypted_sn: ElGamalCiphertextJSON?, is_preencrypt: Bool, primary_nonce: String?) {
        self.ballot_id = ballot_id
        self.ballot_style_id = ballot_style_id
        self.encrypting_device = encrypting_device
        self.timestamp = timestamp
        self.code_baux = code_baux
        self.confirmation_code = confirmation_code
        self.election_id = election_id
        self.contests = contests
        self.state = state
        self.encrypted_sn = encrypted_sn
        self.is_preencrypt = is_preencrypt
        self.primary_nonce = primary_nonce
    }
}

/// One contest of an encrypted ballot.
public struct EncryptedContestJSON: Codable, Sendable, Hashable {
    /// The `contest_id` field.
    public var contest_id: String
    /// The `sequence_order` field.
    public var sequence_order: Int
    /// The `votes_allowed` field.
    public var votes_allowed: Int
    /// χ.
    public var contest_hash: String
    /// The `selections` field.
    public var selections: [EncryptedSelectionJSON]
    /// L + 1 parts.
    public var proof: RangeProofJSON
    /// The `encrypted_contest_data` field.
    public var encrypted_contest_data: HashedElGamalCiphertextJSON
    /// Only on pre-encrypted ballots.
    public var pre_encryption: PreEncryptionJSON?

    /// Memberwise, with the values as the file holds them.
    public init(contest_id: String, sequence_order: Int, votes_allowed: Int, contest_hash: String,
                selections: [EncryptedSelectionJSON], proof: RangeProofJSON,
                encrypted_contest_data: HashedElGamalCiphertextJSON, pre_encryption: PreEncryptionJSON?) {
        self.contest_id = contest_id
        self.sequence_order = sequence_order
        self.votes_allowed = votes_allowed
        self.contest_hash = contest_hash
        self.selections = selections
        self.proof = proof
        self.encrypted_contest_data = encrypted_contest_data
        self.pre_encryption = pre_encryption
    }
}

/// One selection of an encrypted contest.
public struct EncryptedSelectionJSON: Codable, Sendable, Hashable {
    /// The `selection_id` field.
    public var selection_id: String
    /// The `sequence_order` field.
    public var sequence_order: Int
    /// (α, β) = (g^ξ, K^(σ+ξ)).
    public var encrypted_vote: ElGamalCiphertextJSON
    /// 2 parts (R = 1).
    public var proof: RangeProofJSON

    /// Memberwise, with the values as the file holds them.
    public init(selection_id: String, sequence_order: Int, encrypted_vote: ElGamalCiphertextJSON, proof: RangeProofJSON) {
        self.selection_id = selection_id
        self.sequence_order = sequence_order
        self.encrypted_vote = encrypted_vote
        self.proof = proof
    }
}

/// A contest's pre-encryption record (spec 4; egk `PreEncryptionJson`), on pre-encrypted ballots only.
public struct PreEncryptionJSON: Codable, Sendable, Hashable {
    /// The `preencryption_hash` field.
    public var preencryption_hash: String
    /// m + L hashes, sorted numerically.
    public var all_selection_hashes: [String]
    /// L vectors.
    public var selected_vectors: [SelectionVectorJSON]

    /// Memberwise, with the values as the file holds them.
    public init(preencryption_hash: String, all_selection_hashes: [String], selected_vectors: [SelectionVectorJSON]) {
        self.preencryption_hash = preencryption_hash
        self.all_selection_hashes = all_selection_hashes
        self.selected_vectors = selected_vectors
    }
}

/// A selected pre-encryption vector.
public struct SelectionVectorJSON: Codable, Sendable, Hashable {
    /// The `selection_hash` field.
    public var selection_hash: String
    /// The `short_code` field.
    public var short_code: String
    /// One per selection, in sequence order.
    public var encryptions: [ElGamalCiphertextJSON]

    /// Memberwise, with the values as the file holds them.
    public init(selection_hash: String, short_code: String, encryptions: [ElGamalCiphertextJSON]) {
        self.selection_hash = selection_hash
        self.short_code = short_code
        self.encryptions = encryptions
    }
}
