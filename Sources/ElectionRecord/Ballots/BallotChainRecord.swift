import ElectionGuard

/// A device's chain of confirmation codes (spec 3.4.3): which ballots, in what order, and how it ends.
public struct BallotChainRecord: Sendable, Hashable {
    /// The device whose ballots these are.
    public let encryptingDevice: String
    /// B_aux,0 of this device.
    public let baux0: [UInt8]
    /// The ballots in chain order.
    public let ballotIds: [String]
    /// H(B_ℓ) of the last ballot.
    public let lastConfirmationCode: UInt256
    /// Whether the codes were chained (false: the ids only fix the order).
    public let chaining: Bool
    /// H(H_E; 0x24, H(B_ℓ) ‖ B_aux,0 ‖ "CLOSE"), once the chain is closed.
    public let closingHash: UInt256?
    /// Free annotations.
    public let metadata: RecordMetadata

    /// Memberwise.
    public init(encryptingDevice: String, baux0: [UInt8], ballotIds: [String], lastConfirmationCode: UInt256,
                chaining: Bool, closingHash: UInt256?, metadata: RecordMetadata = [:]) {
        self.encryptingDevice = encryptingDevice
        self.baux0 = baux0
        self.ballotIds = ballotIds
        self.lastConfirmationCode = lastConfirmationCode
        self.chaining = chaining
        self.closingHash = closingHash
        self.metadata = metadata
    }
}

extension BallotChainJSON {
    /// The JSON of `chain`.
    public init(_ chain: BallotChainRecord) {
        self.init(encrypting_device: chain.encryptingDevice, baux0: Base16.encode(chain.baux0), ballot_ids: chain.ballotIds,
                  last_confirmation_code: chain.lastConfirmationCode.hex, chaining: chain.chaining,
                  closing_hash: chain.closingHash?.hex, metadata: chain.metadata.nonEmpty)
    }

    /// The chain, its hashes and bytes checked.
    public func chain(at field: RecordField) throws(ElectionRecordError) -> BallotChainRecord {
        BallotChainRecord(
            encryptingDevice: encrypting_device, baux0: try field["baux0"].bytes(baux0), ballotIds: ballot_ids,
            lastConfirmationCode: try field["last_confirmation_code"].uint256(last_confirmation_code), chaining: chaining,
            closingHash: try closing_hash.map { (hex) throws(ElectionRecordError) in try field["closing_hash"].uint256(hex) },
            metadata: metadata ?? [:])
    }
}
