import ElectionGuard

/// An encrypted ballot as the record publishes it: the ElectionGuard ballot plus the fields only the
/// record carries (the election it belongs to, egk's serial-number encryption, pre-encryption data,
/// and the primary nonce of a ballot opened by its nonce).
public struct RecordedBallot: Sendable, Hashable {
    /// The ballot as ElectionGuard encrypts and verifies it.
    public let ballot: EncryptedBallot
    /// H_E of the election the ballot was made for; egk skips a ballot whose id differs.
    public let electionId: UInt256
    /// egk's encryption of the paper ballot's serial number, if any.
    public let encryptedSerialNumber: ElGamalCiphertext?
    /// True for a pre-encrypted ballot (spec 4).
    public let isPreencrypt: Bool
    /// ξ_B, published only for a challenged ballot "decrypted by nonce".
    public let primaryNonce: UInt256?
    /// One entry per contest of `ballot`, in the same order; nil except on pre-encrypted ballots.
    public let preEncryptions: [PreEncryption?]

    /// - Parameter preEncryptions: one per contest, or empty for none.
    /// - Precondition: `preEncryptions` is empty or has one entry per contest.
    public init(ballot: EncryptedBallot, electionId: UInt256, encryptedSerialNumber: ElGamalCiphertext? = nil,
                isPreencrypt: Bool = false, primaryNonce: UInt256? = nil, preEncryptions: [PreEncryption?] = []) {
        precondition(preEncryptions.isEmpty || preEncryptions.count == ballot.contests.count, "one pre-encryption entry per contest")
        self.ballot = ballot
        self.electionId = electionId
        self.encryptedSerialNumber = encryptedSerialNumber
        self.isPreencrypt = isPreencrypt
        self.primaryNonce = primaryNonce
        self.preEncryptions = preEncryptions.isEmpty ? Array(repeating: nil, count: ballot.contests.count) : preEncryptions
    }

    /// The ballot's id.
    public var ballotId: String { ballot.ballotId }
    /// Cast, challenged (`SPOILED`) or unknown.
    public var state: EncryptedBallot.State { ballot.state }
    /// The device that encrypted it.
    public var encryptingDevice: String { ballot.encryptingDevice }
}

/// A contest's pre-encryption data (spec 4.4), carried through the record unchanged: ElectionGuard's
/// `RecordedPreEncryption`, which `RecordedPreEncryptedBallot.verify` checks.
public typealias PreEncryption = RecordedPreEncryption
