/// Pre-encrypts ballots and records them once the voter has chosen (spec 2.0.0 §4.2–4.3, as egk computes it:
/// docs/electionguard-2.0-encodings.md §9).
///
/// `preEncrypt` builds, for each contest, one row per selection and L null rows; row j encrypts a vote
/// for selection j (a null row a vote for nothing) under nonces ξ_i,j,k derived from the primary nonce.
/// `record` takes the short codes the voter chose, pads the choice with null rows to exactly L, and
/// produces an ordinary encrypted ballot: each selection's ciphertext is the product of the chosen rows'
/// encryptions of it, its nonce the sum of theirs, so the usual range proofs (§5.2–5.3), contest data,
/// contest hash and tally apply unchanged.
public struct PreEncryptor: Sendable {
    public let publicKey: ElGamalPublicKey
    public let hashes: BallotHashes
    /// The contests of the ballot style, in sequence order.
    public let contests: [ContestDescription]
    /// How many upper-case hex characters of ψ make a short code (5 in egk's vectors).
    public let shortCodeLength: Int
    private let encryptor: BallotEncryptor

    /// - Parameters:
    ///   - contests: the contests of the ballot style, as the manifest describes them.
    ///   - dialect: `.egkVectors` for egk's PreEncryption vectors; see `BallotHashes` for the other forms.
    public init(publicKey: ElGamalPublicKey, extendedBaseHash: UInt256, contests: [ContestDescription],
                dialect: ProtocolDialect = .v2_0_0, shortCodeLength: Int = 5) {
        precondition((1...64).contains(shortCodeLength), "a short code is 1 to 64 hex characters")
        let encryptor = BallotEncryptor(publicKey: publicKey, extendedBaseHash: extendedBaseHash, contests: contests, dialect: dialect)
        self.encryptor = encryptor
        self.publicKey = publicKey
        self.hashes = encryptor.hashes
        self.contests = encryptor.contests
        self.shortCodeLength = shortCodeLength
    }

    /// Pre-encrypts a ballot of this style with primary nonce ξ (spec 2.0.0 §4.1–4.2). Check
    /// `shortCodesAreUnique` before handing the ballot out (§4.1.4).
    /// - Parameter codeBaux: B_aux, hashed into H(B) after the contest hashes.
    public func preEncrypt(ballotId: String, styleId: String, primaryNonce: UInt256, codeBaux: [UInt8] = []) -> PreEncryptedBallot {
        let preEncrypted = self.contests.map { preEncrypt(contest: $0, primaryNonce: primaryNonce) }
        let code = hashes.preEncryptionConfirmationCode(contestHashes: preEncrypted.map(\.contestHash), codeBaux: codeBaux)
        return PreEncryptedBallot(ballotId: ballotId, styleId: styleId, contests: preEncrypted, codeBaux: codeBaux,
                                  confirmationCode: code)
    }

    func preEncrypt(contest: ContestDescription, primaryNonce: UInt256) -> PreEncryptedContest {
        let selections = contest.selections.sorted { $0.sequenceOrder < $1.sequenceOrder }
        let rows = PreEncryptionRowKey.rows(of: contest).map { key in
            let vector = zip(selections, nonces(primaryNonce: primaryNonce, contest: contest, row: key)).map { selection, nonce in
                publicKey.encrypt(!key.isNull && selection.id == key.id ? 1 : 0, nonce: nonce)
            }
            let hash = hashes.selectionHash(vector)
            return PreEncryptedRow(rowId: key.id, sequenceOrder: key.sequenceOrder, isNull: key.isNull,
                                   selectionVector: vector, selectionHash: hash,
                                   shortCode: String(hash.hex.prefix(shortCodeLength)))
        }
        let chi = hashes.preEncryptionContestHash(contest: contest, selectionHashes: rows.map(\.selectionHash))
        return PreEncryptedContest(contestId: contest.id, sequenceOrder: contest.sequenceOrder,
                                   votesAllowed: contest.votesAllowed, rows: rows, contestHash: chi)
    }

    /// ξ_i,j,k for every selection k of `contest` (in sequence order), in row `row`. Secret.
    public func nonces(primaryNonce: UInt256, contest: ContestDescription, row: PreEncryptionRowKey) -> [ElementModQ] {
        contest.selections.sorted { $0.sequenceOrder < $1.sequenceOrder }.map {
            hashes.preEncryptionNonce(primaryNonce: primaryNonce, contest: contest, row: row, selection: $0)
        }
    }

    /// Records the voter's choice on `ballot` (spec 2.0.0 §4.3, egk's recorder).
    ///
    /// Per contest, the rows whose short codes were chosen (a null row's code may be among them, as in
    /// egk's PreEncryptionRecorded vector) are padded with the first unchosen null rows up to L;
    /// selection k's ciphertext is the product of those rows' k-th encryptions and its nonce the sum of
    /// their nonces. Proofs follow §5.2–5.3 (contest limit L over the number of chosen options), the
    /// contest hash is the ordinary 0x23 one, and the contest data always says `normal` with no
    /// write-ins (as egk records it, even for fewer than L choices). The confirmation code is H(B) of
    /// the pre-encrypted ballot. A contest absent from `selectedCodes` is recorded as all null rows.
    ///
    /// - Parameters:
    ///   - primaryNonce: the nonce `ballot` was pre-encrypted with.
    ///   - selectedCodes: by contest id, the short codes the voter chose.
    /// - Throws: `PreEncryptionError` for an unknown, ambiguous or repeated code, too many codes, an
    ///   unknown contest, or a nonce or ballot that does not belong to this pre-encryptor.
    public func record(
        _ ballot: PreEncryptedBallot, primaryNonce: UInt256, selectedCodes: [String: [String]], device: String,
        timestamp: Int, state: EncryptedBallot.State = .unknown
    ) throws -> RecordedPreEncryptedBallot {
        if let unknown = selectedCodes.keys.sorted().first(where: { ballot.contest($0) == nil }) {
            throw PreEncryptionError.unknownContest(ballotId: ballot.ballotId, contestId: unknown)
        }
        guard ballot.contests.map(\.contestId) == contests.map(\.id) else {
            throw PreEncryptionError.ballotMismatch("ballot \(ballot.ballotId) has contests \(ballot.contests.map(\.contestId)), the style \(contests.map(\.id))")
        }
        var encrypted = [EncryptedContest](), records = [RecordedPreEncryption]()
        for (description, contest) in zip(contests, ballot.contests) {
            let (recorded, record) = try self.record(contest, description: description, ballotId: ballot.ballotId,
                                                     primaryNonce: primaryNonce, codes: selectedCodes[contest.contestId] ?? [])
            encrypted.append(recorded)
            records.append(record)
        }
        let recorded = EncryptedBallot(ballotId: ballot.ballotId, styleId: ballot.styleId, encryptingDevice: device,
                                       timestamp: timestamp, codeBaux: ballot.codeBaux,
                                       confirmationCode: ballot.confirmationCode, contests: encrypted, state: state)
        return RecordedPreEncryptedBallot(ballot: recorded, contests: records)
    }

    func record(
        _ contest: PreEncryptedContest, description: ContestDescription, ballotId: String, primaryNonce: UInt256, codes: [String]
    ) throws -> (EncryptedContest, RecordedPreEncryption) {
        let limit = description.votesAllowed
        let selections = description.selections.sorted { $0.sequenceOrder < $1.sequenceOrder }
        let keys = PreEncryptionRowKey.rows(of: description)
        guard contest.rows.map(\.rowId) == keys.map(\.id), contest.rows.allSatisfy({ $0.selectionVector.count == selections.count }) else {
            throw PreEncryptionError.ballotMismatch("contest \(contest.contestId) has other rows than the manifest's")
        }
        guard codes.count <= limit else {
            throw PreEncryptionError.tooManySelections(contestId: contest.contestId, selected: codes.count, limit: limit)
        }
        var chosen = [Int]()
        for code in codes {
            let matches = contest.rows.indices.filter { contest.rows[$0].shortCode == code }
            guard let index = matches.first else { throw PreEncryptionError.unknownShortCode(contestId: contest.contestId, code: code) }
            guard matches.count == 1 else { throw PreEncryptionError.ambiguousShortCode(contestId: contest.contestId, code: code) }
            guard !chosen.contains(index) else { throw PreEncryptionError.repeatedShortCode(contestId: contest.contestId, code: code) }
            chosen.append(index)
        }
        chosen.sort()
        chosen += contest.rows.indices.filter { contest.rows[$0].isNull && !chosen.contains($0) }.prefix(limit - chosen.count)

        var ciphertexts = Array(repeating: ElGamalCiphertext.zero, count: selections.count)
        var nonces = Array(repeating: ElementModQ.zero, count: selections.count)
        for index in chosen {
            let row = contest.rows[index]
            let rowNonces = self.nonces(primaryNonce: primaryNonce, contest: description, row: keys[index])
            // One exponentiation per chosen row catches a wrong primary nonce before it makes bad proofs.
            guard let first = row.selectionVector.first, let firstNonce = rowNonces.first else { continue }
            guard first.pad == GroupParameters.gTable.power(firstNonce) else { throw PreEncryptionError.nonceMismatch(ballotId: ballotId) }
            for k in selections.indices {
                ciphertexts[k] = ciphertexts[k] + row.selectionVector[k]
                nonces[k] = nonces[k] + rowNonces[k]
            }
        }
        let votedIds = Set(chosen.map { contest.rows[$0] }.filter { !$0.isNull }.map(\.rowId))
        let votes = selections.map { votedIds.contains($0.id) ? 1 : 0 }
        let encrypted = encryptor.assemble(description, selections: selections, ciphertexts: ciphertexts, nonces: nonces,
                                           votes: votes, data: ContestData(status: .normal), ballotNonce: primaryNonce)
        let selected = chosen.map { contest.rows[$0] }
            .sorted { $0.selectionHash.bytes.lexicographicallyPrecedes($1.selectionHash.bytes) }
            .map { RecordedPreEncryption.SelectedVector(selectionHash: $0.selectionHash, shortCode: $0.shortCode,
                                                        encryptions: $0.selectionVector) }
        let record = RecordedPreEncryption(contestId: contest.contestId, preEncryptionHash: contest.contestHash,
                                           allSelectionHashes: contest.sortedSelectionHashes, selectedVectors: selected)
        return (encrypted, record)
    }
}
