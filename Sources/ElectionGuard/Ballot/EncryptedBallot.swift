/// An encrypted ballot as the record publishes it (spec 3.3–3.4).
public struct EncryptedBallot: Sendable, Hashable, Codable {
    /// What became of the ballot after encryption.
    public enum State: String, Sendable, Hashable, CaseIterable, Codable {
        /// Cast: counted (unless a later ballot of the same voter supersedes it, a referendum rule).
        case cast = "CAST"
        /// Challenged: opened to check the device; never counted. egk's records call this state SPOILED.
        case challenged = "SPOILED"
        /// Encrypted but neither cast nor challenged yet.
        case unknown = "UNKNOWN"
    }

    public let ballotId: String
    public let styleId: String
    public let encryptingDevice: String
    /// Seconds since 1970.
    public let timestamp: Int
    /// B_aux, the bytes hashed after the contest hashes.
    public let codeBaux: [UInt8]
    /// H(B), the confirmation code.
    public let confirmationCode: UInt256
    public let contests: [EncryptedContest]
    public let state: State

    public init(ballotId: String, styleId: String, encryptingDevice: String, timestamp: Int, codeBaux: [UInt8],
                confirmationCode: UInt256, contests: [EncryptedContest], state: State) {
        self.ballotId = ballotId
        self.styleId = styleId
        self.encryptingDevice = encryptingDevice
        self.timestamp = timestamp
        self.codeBaux = codeBaux
        self.confirmationCode = confirmationCode
        self.contests = contests
        self.state = state
    }

    /// The same ballot in another state.
    public func with(state: State) -> EncryptedBallot {
        EncryptedBallot(ballotId: ballotId, styleId: styleId, encryptingDevice: encryptingDevice, timestamp: timestamp,
                        codeBaux: codeBaux, confirmationCode: confirmationCode, contests: contests, state: state)
    }
}

/// One contest of an encrypted ballot.
public struct EncryptedContest: Sendable, Hashable, Codable {
    public let contestId: String
    public let sequenceOrder: Int
    public let votesAllowed: Int
    /// χ, the contest hash (spec equation 58).
    public let contestHash: UInt256
    public let selections: [EncryptedSelection]
    /// The proof that the selections add up to at most `votesAllowed`.
    public let proof: RangeProof
    public let contestData: HashedElGamalCiphertext

    public init(contestId: String, sequenceOrder: Int, votesAllowed: Int, contestHash: UInt256,
                selections: [EncryptedSelection], proof: RangeProof, contestData: HashedElGamalCiphertext) {
        self.contestId = contestId
        self.sequenceOrder = sequenceOrder
        self.votesAllowed = votesAllowed
        self.contestHash = contestHash
        self.selections = selections
        self.proof = proof
        self.contestData = contestData
    }

    /// The product of the selections' ciphertexts: an encryption of the number of votes in the contest.
    public var total: ElGamalCiphertext { .sum(selections.map(\.ciphertext)) }
}

/// One selection of an encrypted contest.
public struct EncryptedSelection: Sendable, Hashable, Codable {
    public let selectionId: String
    public let sequenceOrder: Int
    public let ciphertext: ElGamalCiphertext
    /// The proof that the ciphertext encrypts 0 or 1.
    public let proof: RangeProof

    public init(selectionId: String, sequenceOrder: Int, ciphertext: ElGamalCiphertext, proof: RangeProof) {
        self.selectionId = selectionId
        self.sequenceOrder = sequenceOrder
        self.ciphertext = ciphertext
        self.proof = proof
    }
}
