/// `encrypted_ballots/<device>/ballot_chain.json`: a device's ballots in chain order (record-format.md
/// §7.2; egk `EncryptedBallotChainJson`).
public struct BallotChainJSON: Codable, Sendable, Hashable {
    /// The `encrypting_device` field.
    public var encrypting_device: String
    /// B_aux,0 as hex (unlike the signed-byte array of `election_config.json`).
    public var baux0: String
    /// The device's ballots in chain order.
    public var ballot_ids: [String]
    /// H(B_ℓ), 64 hex digits.
    public var last_confirmation_code: String
    /// The `chaining` field.
    public var chaining: Bool
    /// The hash that closes the chain, if closed.
    public var closing_hash: String?
    /// Left out when empty.
    public var metadata: RecordMetadata?

    /// Memberwise, with the values as the file holds them.
    public init(encrypting_device: String, baux0: String, ballot_ids: [String], last_confirmation_code: String,
                chaining: Bool, closing_hash: String?, metadata: RecordMetadata?) {
        self.encrypting_device = encrypting_device
        self.baux0 = baux0
        self.ballot_ids = ballot_ids
        self.last_confirmation_code = last_confirmation_code
        self.chaining = chaining
        self.closing_hash = closing_hash
        self.metadata = metadata
    }
}
