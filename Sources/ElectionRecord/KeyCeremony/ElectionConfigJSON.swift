/// `election_config.json`: what goes into the key ceremony (record-format.md §5).
public struct ElectionConfigJSON: Codable, Sendable, Hashable {
    /// "v2.0.0".
    public var config_version: String
    /// n.
    public var number_of_guardians: Int
    /// k.
    public var quorum: Int
    /// H_P, 64 hex digits.
    public var parameter_base_hash: String
    /// H_M.
    public var manifest_hash: String
    /// H_B.
    public var election_base_hash: String
    /// The `chain_confirmation_codes` field.
    public var chain_confirmation_codes: Bool
    /// B_aux,0 as signed bytes (Kotlin's ByteArray): 0x80...0xFF appear as −128...−1.
    public var baux0: [Int8]
    /// Left out when empty.
    public var metadata: RecordMetadata?

    /// Memberwise, with the values as the file holds them.
    public init(config_version: String, number_of_guardians: Int, quorum: Int, parameter_base_hash: String,
                manifest_hash: String, election_base_hash: String, chain_confirmation_codes: Bool, baux0: [Int8],
                metadata: RecordMetadata?) {
        self.config_version = config_version
        self.number_of_guardians = number_of_guardians
        self.quorum = quorum
        self.parameter_base_hash = parameter_base_hash
        self.manifest_hash = manifest_hash
        self.election_base_hash = election_base_hash
        self.chain_confirmation_codes = chain_confirmation_codes
        self.baux0 = baux0
        self.metadata = metadata
    }
}
