import ElectionGuard

/// A decrypted tally or challenged ballot (spec 3.6): each selection's value t with T = K^t, the
/// ciphertext it came from and the combined decryption proof; for a ballot, its contest data too.
public struct DecryptedTallyOrBallot: Sendable, Hashable {
    /// One contest's decryption.
    public struct Contest: Sendable, Hashable {
        /// The manifest contest.
        public let contestId: String
        /// Every selection of the contest.
        public let selections: [Selection]
        /// Ballots only.
        public let contestData: DecryptedContestData?

        /// Memberwise.
        public init(contestId: String, selections: [Selection], contestData: DecryptedContestData? = nil) {
            self.contestId = contestId
            self.selections = selections
            self.contestData = contestData
        }
    }

    /// One selection's decryption.
    public struct Selection: Sendable, Hashable {
        /// The manifest selection.
        public let selectionId: String
        /// t.
        public let tally: Int
        /// T = B·M⁻¹ = K^t (egk's `b_over_m`).
        public let bOverM: ElementModP
        /// (A, B), the ciphertext decrypted.
        public let ciphertext: ElGamalCiphertext
        /// The combined decryption proof (spec 3.6.3).
        public let proof: DecryptionProof

        /// Memberwise.
        public init(selectionId: String, tally: Int, bOverM: ElementModP, ciphertext: ElGamalCiphertext, proof: DecryptionProof) {
            self.selectionId = selectionId
            self.tally = tally
            self.bOverM = bOverM
            self.ciphertext = ciphertext
            self.proof = proof
        }

        /// The selection built from a threshold decryption's result.
        public init(selectionId: String, ciphertext: ElGamalCiphertext, decrypted: DecryptedValue) {
            self.init(selectionId: selectionId, tally: decrypted.value, bOverM: decrypted.power, ciphertext: ciphertext,
                      proof: decrypted.proof)
        }

        /// M = B·T⁻¹, the combined share the proof is about (spec verification 9).
        public var share: ElementModP { ciphertext.data * bOverM.inverse }

        /// As a threshold decryption's result: t, T, M and the proof.
        public var decryptedValue: DecryptedValue {
            DecryptedValue(value: tally, power: bOverM, share: share, proof: proof)
        }
    }

    /// A challenged ballot's contest data with what proves it.
    public struct DecryptedContestData: Sendable, Hashable {
        /// Status, overvotes and write-ins.
        public let contestData: ContestData
        /// The ballot's encrypted contest data.
        public let ciphertext: HashedElGamalCiphertext
        /// The proof that β = C0^s (spec 3.6.4).
        public let proof: DecryptionProof
        /// β = C0^s.
        public let beta: ElementModP

        /// Memberwise.
        public init(contestData: ContestData, ciphertext: HashedElGamalCiphertext, proof: DecryptionProof, beta: ElementModP) {
            self.contestData = contestData
            self.ciphertext = ciphertext
            self.proof = proof
            self.beta = beta
        }
    }

    /// The tally id, or the ballot id.
    public let id: String
    /// The contests decrypted.
    public let contests: [Contest]
    /// H_E.
    public let electionId: UInt256

    /// Memberwise.
    public init(id: String, contests: [Contest], electionId: UInt256) {
        self.id = id
        self.contests = contests
        self.electionId = electionId
    }
}
