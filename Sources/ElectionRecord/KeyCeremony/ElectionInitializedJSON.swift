/// `election_initialized.json`: what comes out of the key ceremony (record-format.md §6).
public struct ElectionInitializedJSON: Codable, Sendable, Hashable {
    /// K, 1024 hex digits.
    public var joint_public_key: String
    /// H_E, 64 hex digits.
    public var extended_base_hash: String
    /// The `guardians` field.
    public var guardians: [GuardianJSON]
    /// Left out when empty.
    public var metadata: RecordMetadata?

    /// Memberwise, with the values as the file holds them.
    public init(joint_public_key: String, extended_base_hash: String, guardians: [GuardianJSON], metadata: RecordMetadata?) {
        self.joint_public_key = joint_public_key
        self.extended_base_hash = extended_base_hash
        self.guardians = guardians
        self.metadata = metadata
    }
}

/// One guardian's published keys: its coordinate and a Schnorr proof per polynomial coefficient.
public struct GuardianJSON: Codable, Sendable, Hashable {
    /// The `guardian_id` field.
    public var guardian_id: String
    /// i, 1...n.
    public var x_coordinate: Int
    /// k proofs, j = 0...k−1; proof 0's public_key is the guardian's public key K_i.
    public var coefficient_proofs: [SchnorrProofJSON]

    /// Memberwise, with the values as the file holds them.
    public init(guardian_id: String, x_coordinate: Int, coefficient_proofs: [SchnorrProofJSON]) {
        self.guardian_id = guardian_id
        self.x_coordinate = x_coordinate
        self.coefficient_proofs = coefficient_proofs
    }
}
