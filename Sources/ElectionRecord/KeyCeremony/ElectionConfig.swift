import ElectionGuard

/// The key ceremony's input (spec 3.1–3.2): the number of guardians n, the quorum k, the hashes that
/// bind parameters and manifest (H_P, H_M, H_B), and how confirmation codes are made.
public struct ElectionConfig: Sendable, Hashable {
    /// The protocol version, "v2.0.0" (verification 1.A).
    public let configVersion: String
    /// n.
    public let numberOfGuardians: Int
    /// k, 1 ≤ k ≤ n.
    public let quorum: Int
    /// H_P.
    public let parameterBaseHash: UInt256
    /// H_M.
    public let manifestHash: UInt256
    /// H_B.
    public let electionBaseHash: UInt256
    /// Whether each device chains its confirmation codes (spec 3.4.3).
    public let chainConfirmationCodes: Bool
    /// B_aux,0, the device information hashed into confirmation codes.
    public let baux0: [UInt8]
    /// Free annotations (egk: "Created by").
    public let metadata: RecordMetadata

    /// Memberwise, for values known to be right; `ElectionConfigJSON.config(at:)` checks a file's.
    public init(configVersion: String, numberOfGuardians: Int, quorum: Int, parameterBaseHash: UInt256,
                manifestHash: UInt256, electionBaseHash: UInt256, chainConfirmationCodes: Bool, baux0: [UInt8],
                metadata: RecordMetadata = [:]) {
        self.configVersion = configVersion
        self.numberOfGuardians = numberOfGuardians
        self.quorum = quorum
        self.parameterBaseHash = parameterBaseHash
        self.manifestHash = manifestHash
        self.electionBaseHash = electionBaseHash
        self.chainConfirmationCodes = chainConfirmationCodes
        self.baux0 = baux0
        self.metadata = metadata
    }

    /// The configuration of a new election: computes H_P, H_M over the manifest's bytes and H_B.
    /// - Throws: `invalidValue` unless 1 ≤ quorum ≤ guardians.
    public init(manifest: ElectionManifest, guardians: Int, quorum: Int, chainConfirmationCodes: Bool, baux0: [UInt8],
                metadata: RecordMetadata = [:], dialect: ProtocolDialect = .v2_0_0) throws(ElectionRecordError) {
        let field = RecordField(file: RecordLayout.config)
        _ = try field["number_of_guardians"].integer(guardians, in: 1...Int(UInt32.max))
        _ = try field["quorum"].integer(quorum, in: 1...guardians)
        let parameterBaseHash = ElectionHashes.parameterBaseHash(dialect)
        let manifestHash = manifest.manifestHash(parameterBaseHash: parameterBaseHash, dialect: dialect)
        self.init(
            configVersion: dialect.version, numberOfGuardians: guardians, quorum: quorum,
            parameterBaseHash: parameterBaseHash, manifestHash: manifestHash,
            electionBaseHash: ElectionHashes.baseHash(parameterBaseHash: parameterBaseHash, manifestHash: manifestHash,
                                                      guardians: guardians, quorum: quorum, dialect),
            chainConfirmationCodes: chainConfirmationCodes, baux0: baux0, metadata: metadata)
    }
}

extension ElectionConfigJSON {
    /// The JSON of `config`.
    public init(_ config: ElectionConfig) {
        self.init(config_version: config.configVersion, number_of_guardians: config.numberOfGuardians, quorum: config.quorum,
                  parameter_base_hash: config.parameterBaseHash.hex, manifest_hash: config.manifestHash.hex,
                  election_base_hash: config.electionBaseHash.hex, chain_confirmation_codes: config.chainConfirmationCodes,
                  baux0: config.baux0.map { Int8(bitPattern: $0) }, metadata: config.metadata.nonEmpty)
    }

    /// The configuration, its hashes and counts checked (1 ≤ k ≤ n).
    public func config(at field: RecordField) throws(ElectionRecordError) -> ElectionConfig {
        let guardians = try field["number_of_guardians"].integer(number_of_guardians, in: 1...Int(UInt32.max))
        return ElectionConfig(
            configVersion: config_version, numberOfGuardians: guardians,
            quorum: try field["quorum"].integer(quorum, in: 1...guardians),
            parameterBaseHash: try field["parameter_base_hash"].uint256(parameter_base_hash),
            manifestHash: try field["manifest_hash"].uint256(manifest_hash),
            electionBaseHash: try field["election_base_hash"].uint256(election_base_hash),
            chainConfirmationCodes: chain_confirmation_codes,
            baux0: baux0.map { UInt8(bitPattern: $0) }, metadata: metadata ?? [:])
    }
}
