import ElectionGuard

/// The key ceremony's result (spec 3.2): the joint public key K, the extended base hash H_E and every
/// guardian's coefficient commitments with their Schnorr proofs.
public struct ElectionInitialized: Sendable, Hashable {
    /// K = Π K_i.
    public let jointPublicKey: ElementModP
    /// H_E = H(H_B; 0x12, K).
    public let extendedBaseHash: UInt256
    /// In the order of the record (egk: by coordinate).
    public let guardians: [GuardianPublicKeys]
    /// Free annotations.
    public let metadata: RecordMetadata

    /// Memberwise.
    public init(jointPublicKey: ElementModP, extendedBaseHash: UInt256, guardians: [GuardianPublicKeys],
                metadata: RecordMetadata = [:]) {
        self.jointPublicKey = jointPublicKey
        self.extendedBaseHash = extendedBaseHash
        self.guardians = guardians
        self.metadata = metadata
    }

    /// The result of a key ceremony for `config`: K as the product of the guardians' keys and H_E from it.
    /// - Parameter guardians: every guardian's public keys, each with at least one commitment.
    public init(config: ElectionConfig, guardians: [GuardianPublicKeys], metadata: RecordMetadata = [:],
                dialect: ProtocolDialect = .v2_0_0) {
        let sorted = guardians.sorted { $0.xCoordinate < $1.xCoordinate }
        let key = sorted.jointPublicKey
        self.init(
            jointPublicKey: key,
            extendedBaseHash: ElectionHashes.extendedBaseHash(baseHash: config.electionBaseHash, jointPublicKey: key,
                                                             commitments: sorted.map(\.commitments), dialect),
            guardians: sorted, metadata: metadata)
    }
}

extension ElectionInitializedJSON {
    /// The JSON of `initialized`.
    public init(_ initialized: ElectionInitialized) {
        self.init(
            joint_public_key: initialized.jointPublicKey.hex, extended_base_hash: initialized.extendedBaseHash.hex,
            guardians: initialized.guardians.map {
                GuardianJSON(guardian_id: $0.id, x_coordinate: $0.xCoordinate,
                             coefficient_proofs: $0.coefficientProofs.map(SchnorrProofJSON.init))
            },
            metadata: initialized.metadata.nonEmpty)
    }

    /// The key ceremony's result, every key and proof number checked; each guardian needs a coordinate
    /// ≥ 1 and at least one coefficient proof. The proofs themselves are the verifier's business.
    public func initialized(at field: RecordField) throws(ElectionRecordError) -> ElectionInitialized {
        var guardians = [GuardianPublicKeys]()
        for (index, guardian) in self.guardians.enumerated() {
            let at = field["guardians"][index]
            let coordinate = try at["x_coordinate"].integer(guardian.x_coordinate, in: 1...Int(UInt32.max))
            guard !guardian.coefficient_proofs.isEmpty else {
                throw at["coefficient_proofs"].invalid("a guardian has at least one coefficient proof")
            }
            var proofs = [SchnorrProof]()
            for (j, proof) in guardian.coefficient_proofs.enumerated() {
                proofs.append(try proof.schnorrProof(at: at["coefficient_proofs"][j]))
            }
            guardians.append(GuardianPublicKeys(id: guardian.guardian_id, xCoordinate: coordinate, coefficientProofs: proofs))
        }
        return ElectionInitialized(
            jointPublicKey: try field["joint_public_key"].elementModP(joint_public_key),
            extendedBaseHash: try field["extended_base_hash"].uint256(extended_base_hash),
            guardians: guardians, metadata: metadata ?? [:])
    }
}
