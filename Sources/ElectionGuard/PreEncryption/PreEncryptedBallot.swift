/// A pre-encrypted ballot (spec 2.0.0 §4.1): every possible choice of every contest encrypted before
/// the voter sees the ballot, so that a printed ballot can show a short code beside each option.
///
/// It holds no secret: the nonces derive from the primary nonce, which the `PreEncryptor` takes again
/// when the ballot is recorded. Which option carries which code is, however, what a voter's receipt
/// reveals, so a pre-encrypted ballot is as confidential as the voter's choices until it is recorded.
public struct PreEncryptedBallot: Sendable, Hashable {
    public let ballotId: String
    public let styleId: String
    /// The contests in sequence order.
    public let contests: [PreEncryptedContest]
    /// B_aux, hashed after the contest hashes (empty in egk's vectors).
    public let codeBaux: [UInt8]
    /// H(B) = H(H_E; 0x42, χ_1, …, χ_m, B_aux), the ballot's confirmation code (spec 2.0.0 §4.1.3,
    /// docs/electionguard-2.0-encodings.md §9). It is also the recorded ballot's confirmation code.
    public let confirmationCode: UInt256

    public init(ballotId: String, styleId: String, contests: [PreEncryptedContest], codeBaux: [UInt8],
                confirmationCode: UInt256) {
        self.ballotId = ballotId
        self.styleId = styleId
        self.contests = contests
        self.codeBaux = codeBaux
        self.confirmationCode = confirmationCode
    }

    /// The contest with id `contestId`.
    public func contest(_ contestId: String) -> PreEncryptedContest? { contests.first { $0.contestId == contestId } }

    /// Whether every contest's short codes are distinct, as spec 2.0.0 §4.1.4 requires of a ballot that is
    /// handed out. When false, pre-encrypt again with another primary nonce.
    public var shortCodesAreUnique: Bool {
        contests.allSatisfy { Set($0.rows.map(\.shortCode)).count == $0.rows.count }
    }
}

/// One contest of a pre-encrypted ballot (spec 2.0.0 §4.1.2): one row per selection, in sequence
/// order, then L null rows, and the contest's pre-encryption hash χ.
public struct PreEncryptedContest: Sendable, Hashable {
    public let contestId: String
    public let sequenceOrder: Int
    /// L, the contest's selection limit; also the number of null rows.
    public let votesAllowed: Int
    /// The m selection rows in sequence order, then the L null rows.
    public let rows: [PreEncryptedRow]
    /// χ = H(H_E; 0x41, contest, K, ψ_(1), …, ψ_(m+L)), the selection hashes sorted (spec 2.0.0 §4.1.2, eq. 94).
    public let contestHash: UInt256

    public init(contestId: String, sequenceOrder: Int, votesAllowed: Int, rows: [PreEncryptedRow], contestHash: UInt256) {
        self.contestId = contestId
        self.sequenceOrder = sequenceOrder
        self.votesAllowed = votesAllowed
        self.rows = rows
        self.contestHash = contestHash
    }

    /// Every row's selection hash, ascending as 32-byte big-endian numbers (the order χ hashes them in).
    public var sortedSelectionHashes: [UInt256] { PreEncryptedContest.sorted(rows.map(\.selectionHash)) }

    /// The rows a voter can choose: all but the null rows.
    public var selectionRows: [PreEncryptedRow] { rows.filter { !$0.isNull } }

    /// The first row whose short code is `code`.
    public func row(shortCode code: String) -> PreEncryptedRow? { rows.first { $0.shortCode == code } }

    static func sorted(_ hashes: [UInt256]) -> [UInt256] {
        hashes.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
    }
}

/// One row of a pre-encrypted contest (spec 2.0.0 §4.1, §4.1.1): the selection vector Ψ_j that a vote for
/// selection j (or, for a null row, for nothing) would be, its selection hash ψ_j and short code.
public struct PreEncryptedRow: Sendable, Hashable {
    /// The selection this row votes for, or "null1" … "nullL" for a null row.
    public let rowId: String
    /// The selection's sequence order; for null row i, the largest selection sequence order plus i.
    public let sequenceOrder: Int
    public let isNull: Bool
    /// Ψ_j: one encryption per selection of the contest, in sequence order; an encryption of 1 for the
    /// row's own selection, of 0 elsewhere (all 0 in a null row).
    public let selectionVector: [ElGamalCiphertext]
    /// ψ_j = H(H_E; 0x40, K, α_1, β_1, …, α_m, β_m).
    public let selectionHash: UInt256
    /// The code printed beside the option, Ω(ψ_j) (spec 2.0.0 §4.1.4): here, as in egk's vectors, the
    /// first characters of ψ_j in upper-case hex.
    public let shortCode: String

    public init(rowId: String, sequenceOrder: Int, isNull: Bool, selectionVector: [ElGamalCiphertext],
                selectionHash: UInt256, shortCode: String) {
        self.rowId = rowId
        self.sequenceOrder = sequenceOrder
        self.isNull = isNull
        self.selectionVector = selectionVector
        self.selectionHash = selectionHash
        self.shortCode = shortCode
    }
}

/// A pre-encrypted ballot once the voter's codes are recorded (spec 2.0.0 §4.3–4.4): an ordinary
/// `EncryptedBallot` whose selections are products of the chosen rows, with the pre-encryption data a
/// verifier needs to tie it to the printed ballot.
public struct RecordedPreEncryptedBallot: Sendable, Hashable {
    /// The encrypted ballot: ciphertexts, range proofs, contest data, contest hashes (0x23), and as
    /// confirmation code the pre-encrypted ballot's H(B).
    public let ballot: EncryptedBallot
    /// Per contest, in the ballot's contest order.
    public let contests: [RecordedPreEncryption]

    public init(ballot: EncryptedBallot, contests: [RecordedPreEncryption]) {
        self.ballot = ballot
        self.contests = contests
    }
}

/// A recorded contest's pre-encryption data (egk's `pre_encryption`).
public struct RecordedPreEncryption: Sendable, Hashable {
    /// A chosen row as published: its hash, its code and its selection vector.
    public struct SelectedVector: Sendable, Hashable {
        public let selectionHash: UInt256
        public let shortCode: String
        public let encryptions: [ElGamalCiphertext]

        public init(selectionHash: UInt256, shortCode: String, encryptions: [ElGamalCiphertext]) {
            self.selectionHash = selectionHash
            self.shortCode = shortCode
            self.encryptions = encryptions
        }
    }

    public let contestId: String
    /// χ, the contest's pre-encryption hash.
    public let preEncryptionHash: UInt256
    /// All m+L selection hashes, sorted.
    public let allSelectionHashes: [UInt256]
    /// The L chosen rows (the voter's, padded with null rows), sorted by selection hash.
    public let selectedVectors: [SelectedVector]

    public init(contestId: String, preEncryptionHash: UInt256, allSelectionHashes: [UInt256], selectedVectors: [SelectedVector]) {
        self.contestId = contestId
        self.preEncryptionHash = preEncryptionHash
        self.allSelectionHashes = allSelectionHashes
        self.selectedVectors = selectedVectors
    }
}

/// Why a pre-encrypted ballot could not be recorded.
public enum PreEncryptionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A contest named in the selected codes is not on the ballot.
    case unknownContest(ballotId: String, contestId: String)
    /// No row of the contest has this short code.
    case unknownShortCode(contestId: String, code: String)
    /// Two rows of the contest share this short code, so it does not name one option.
    case ambiguousShortCode(contestId: String, code: String)
    /// The same code was given twice for a contest.
    case repeatedShortCode(contestId: String, code: String)
    /// More codes than the contest's limit L.
    case tooManySelections(contestId: String, selected: Int, limit: Int)
    /// The primary nonce given does not produce this pre-encrypted ballot.
    case nonceMismatch(ballotId: String)
    /// The pre-encrypted ballot does not match the contests of the pre-encryptor.
    case ballotMismatch(String)
    /// A recorded ballot's pre-encryption data does not check (`RecordedPreEncryptedBallot.verify`).
    case verificationFailed(String)

    public var description: String {
        switch self {
        case .unknownContest(let ballotId, let contestId): "pre-encrypted ballot \(ballotId) has no contest \(contestId)"
        case .unknownShortCode(let contestId, let code): "contest \(contestId): no option has short code \(code)"
        case .ambiguousShortCode(let contestId, let code): "contest \(contestId): short code \(code) names more than one option"
        case .repeatedShortCode(let contestId, let code): "contest \(contestId): short code \(code) given twice"
        case .tooManySelections(let contestId, let selected, let limit):
            "contest \(contestId): \(selected) codes selected, at most \(limit) allowed"
        case .nonceMismatch(let ballotId): "pre-encrypted ballot \(ballotId): the primary nonce does not match its encryptions"
        case .ballotMismatch(let reason): "pre-encrypted ballot does not match the election: \(reason)"
        case .verificationFailed(let reason): "recorded pre-encrypted ballot does not verify: \(reason)"
        }
    }
}
