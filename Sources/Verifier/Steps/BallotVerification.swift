import ElectionGuard
import ElectionRecord

/// Verifications 5–7 (A, B) for one encrypted ballot: well-formedness against the manifest (5.E),
/// subgroup membership (5.A, 6.A), ranges (5.B, 5.C, 6.B, 6.C), the selection and contest range proofs
/// (5.D, 6.D), the contest hashes (7.A) and the confirmation code (7.B). Every ballot is checked
/// whatever its state, as egk does; CAST ballots are then added to the aggregate (verification 8).
struct BallotVerification {
    let election: Election
    let record: ElectionRecordDirectory
    /// The contests of each ballot style, in sequence order.
    let styles: [String: [ContestDescription]]
    /// Referendum groups: for a ballot id, the key of the station count it belongs to.
    let groupOfBallot: [String: String]

    init(election: Election, record: ElectionRecordDirectory, groupOfBallot: [String: String]) {
        self.election = election
        self.record = record
        self.groupOfBallot = groupOfBallot
        var styles = [String: [ContestDescription]]()
        for style in election.manifest.json.ballot_styles {
            styles[style.object_id] = election.manifest.contests(forBallotStyle: style.object_id)
        }
        self.styles = styles
    }

    /// Checks the ballot in `work`, whose file holds `bytes`, and returns what it found.
    /// - Parameters:
    ///   - subgroupCheck: `.each` checks every element while reading; `.deferred` leaves them to the
    ///     caller's batch test (and this function does not count them under 5.A).
    ///   - proofs: the range-proof verifier (one by one, or with shared power tables).
    func verify(_ work: BallotWork, bytes: Result<[UInt8], ElectionRecordError>, subgroupCheck: SubgroupCheck,
                proofs: ContestProofs) -> BallotPassResult {
        var result = BallotPassResult()
        verify(work, bytes: bytes, subgroupCheck: subgroupCheck, proofs: proofs, into: &result)
        return result
    }

    private func verify(_ work: BallotWork, bytes: Result<[UInt8], ElectionRecordError>, subgroupCheck: SubgroupCheck,
                        proofs: ContestProofs, into result: inout BallotPassResult) {
        let path = work.file.path
        let ordinal = work.ordinal
        var summary = BallotSummary(ordinal: ordinal, file: work.file, chainPosition: work.chainPosition)
        defer { result.summaries.append(summary) }
        let json: EncryptedBallotJSON
        switch Self.summarize(work, bytes: bytes) {
        case .success(let (read, summarized)):
            json = read
            summary = summarized
        case .failure(let error):
            result.ledger.fail(.v5E, error.failure(.v5E), ordinal: ordinal)
            return
        }
        let recorded: RecordedBallot
        do {
            recorded = try json.recordedBallot(at: RecordField(file: path, subgroupCheck: subgroupCheck))
        } catch {
            let id = Self.check(for: error)
            result.ledger.fail(id, error.failure(id), ordinal: ordinal)
            return
        }
        summary.decoded = true
        let ballot = recorded.ballot
        if case .each = subgroupCheck { result.ledger.pass(.v5A, count: Self.elementCount(recorded)) }
        checkForm(recorded, work, &result.ledger)
        if recorded.isPreencrypt { checkPreEncryption(recorded, path: path, ordinal: ordinal, &result.ledger) }

        let hash = election.extendedBaseHash, key = election.publicKey.key
        var contestHashes = [UInt256]()
        for (index, contest) in ballot.contests.enumerated() {
            let at = RecordField(file: path)["contests"][index]
            let limit = election.manifest.contest(contest.contestId)?.votesAllowed ?? contest.votesAllowed
            let parts = contest.selections.reduce(0) { $0 + $1.proof.challenges.count }
            result.ledger.pass(.v5B, count: parts)
            result.ledger.pass(.v5C, count: parts)
            result.ledger.pass(.v6A)
            result.ledger.pass(.v6B, count: contest.proof.challenges.count)
            result.ledger.pass(.v6C, count: contest.proof.challenges.count)
            let verified = proofs.verify(contest, limit: limit)
            for (j, selection) in contest.selections.enumerated() {
                let count = selection.proof.challenges.count
                result.ledger.check(.v5D, verified.selections[j], ordinal: ordinal, CheckFailure(
                    file: path, field: at["selections"][j]["proof"].path,
                    message: count == 2 ? "5.D range proof of selection \(selection.selectionId) does not verify"
                                        : "5.D range proof of selection \(selection.selectionId) has \(count) parts, not 2"))
            }
            let count = contest.proof.challenges.count
            result.ledger.check(.v6D, verified.total, ordinal: ordinal, CheckFailure(
                file: path, field: at["proof"].path,
                message: count == limit + 1 ? "6.D limit proof of contest \(contest.contestId) (L = \(limit)) does not verify"
                                            : "6.D limit proof of contest \(contest.contestId) has \(count) parts, not L + 1 = \(limit + 1)"))
            let contestHash = ConfirmationCodeEquations.contestHash(extendedBaseHash: hash, jointKey: key, sequenceOrder: contest.sequenceOrder,
                                                                    ciphertexts: contest.selections.map(\.ciphertext))
            contestHashes.append(contestHash)
            result.ledger.check(.v7A, contestHash == contest.contestHash, ordinal: ordinal, CheckFailure(
                file: path, field: at["contest_hash"].path, message: "7.A contest hash of \(contest.contestId) does not match"))
        }
        if !recorded.isPreencrypt {
            let code = ConfirmationCodeEquations.confirmationCode(extendedBaseHash: hash, contestHashes: contestHashes, codeBaux: ballot.codeBaux)
            result.ledger.check(.v7B, code == ballot.confirmationCode, ordinal: ordinal, CheckFailure(
                file: path, field: "confirmation_code", message: "7.B confirmation code does not match H(H_E; 0x24, contest hashes, B_aux)"))
        }

        switch ballot.state {
        case .cast:
            for contest in ballot.contests {
                result.castContests.insert(contest.contestId)
                for selection in contest.selections {
                    result.castSelections.append((contest.contestId, selection.selectionId, selection.ciphertext))
                }
            }
        case .challenged:
            if let nonce = recorded.primaryNonce {
                ChallengedBallotVerification.openWithNonce(recorded, nonce: nonce, path: path, ordinal: ordinal, election: election,
                                                       styleContests: styles[ballot.styleId], &result.ledger)
            } else {
                result.spoiled[ballot.ballotId] = ballot
            }
        case .unknown:
            break
        }
        if ballot.state != .challenged, recorded.primaryNonce != nil {
            result.ledger.fail(.v12C, CheckFailure(file: path, field: "primary_nonce",
                                                   message: "12.C a \(ballot.state.rawValue) ballot publishes its primary nonce, which reveals its vote"),
                               ordinal: ordinal)
        }
    }

    /// Verifications 15–18 of a pre-encrypted ballot (spec 2.0.0 §4.5): its selected vectors hash to their
    /// selection hashes and short codes and are among the contest's hashes, its selections are the products
    /// of the selected vectors, χ recomputes, and its confirmation code is H(B) of the χ's. Its range proofs
    /// and contest hashes are checked above as for every ballot (5.x, 6.x, 7.A).
    func checkPreEncryption(_ recorded: RecordedBallot, path: String, ordinal: Int, _ ledger: inout CheckLedger) {
        let ballot = recorded.ballot
        func fail(_ message: String) {
            ledger.fail(.v15, CheckFailure(file: path, field: "contests[].pre_encryption", message: "15-18 \(message)"), ordinal: ordinal)
        }
        let data = recorded.preEncryptions.compactMap { $0 }
        guard data.count == ballot.contests.count else {
            return fail("\(data.count) of the ballot's \(ballot.contests.count) contests carry pre_encryption data")
        }
        guard let contests = styles[ballot.styleId] else { return fail("unknown ballot style \(ballot.styleId)") }
        if let problem = PreEncryptedBallotVerification.problem(ballot, data: data, contests: contests, election: election) {
            fail("ballot \(ballot.ballotId): \(problem)")
        } else {
            ledger.pass(.v15)
        }
    }

    /// The ballot's JSON and what the checks across ballots need of it, without checking its numbers.
    static func summarize(_ work: BallotWork, bytes: Result<[UInt8], ElectionRecordError>)
        -> Result<(EncryptedBallotJSON, BallotSummary), ElectionRecordError> {
        Result { () throws(ElectionRecordError) in
            let json = try RecordJSON.decode(EncryptedBallotJSON.self, from: try bytes.get(), file: work.file.path)
            var summary = BallotSummary(ordinal: work.ordinal, file: work.file, chainPosition: work.chainPosition)
            summary.ballotId = json.ballot_id
            summary.state = json.state
            summary.confirmationCode = try? UInt256(hex: json.confirmation_code)
            summary.codeBaux = json.code_baux.isEmpty ? [] : Base16.decode(json.code_baux)
            summary.contestIds = json.contests.map(\.contest_id)
            summary.timestamp = json.timestamp
            return (json, summary)
        }
    }

    /// 5.E: the ballot belongs to this election and this file, and its contests and selections are
    /// exactly those of its style in the manifest, with the manifest's sequence orders and limits.
    private func checkForm(_ recorded: RecordedBallot, _ work: BallotWork, _ ledger: inout CheckLedger) {
        let path = work.file.path, ordinal = work.ordinal
        let ballot = recorded.ballot
        func fail(_ field: String, _ message: String) {
            ledger.fail(.v5E, CheckFailure(file: path, field: field, message: "5.E " + message), ordinal: ordinal)
        }
        guard recorded.electionId == election.extendedBaseHash else { return fail("election_id", "election_id is not H_E") }
        guard work.file.matches(recorded) else {
            return fail("ballot_id", "ballot \(ballot.ballotId) of device \(ballot.encryptingDevice) does not belong in this file")
        }
        guard let contests = styles[ballot.styleId] else { return fail("ballot_style_id", "unknown ballot style \(ballot.styleId)") }
        guard ballot.contests.map(\.contestId) == contests.map(\.id) else {
            return fail("contests", "contests \(ballot.contests.map(\.contestId)) are not those of style \(ballot.styleId): \(contests.map(\.id))")
        }
        for (index, (contest, description)) in zip(ballot.contests, contests).enumerated() {
            let at = "contests[\(index)]"
            guard contest.sequenceOrder == description.sequenceOrder else {
                return fail("\(at).sequence_order", "contest \(contest.contestId) has sequence_order \(contest.sequenceOrder), the manifest \(description.sequenceOrder)")
            }
            guard contest.votesAllowed == description.votesAllowed else {
                return fail("\(at).votes_allowed", "contest \(contest.contestId) allows \(contest.votesAllowed) votes, the manifest \(description.votesAllowed)")
            }
            let selections = contest.selections.map { SelectionDescription(id: $0.selectionId, sequenceOrder: $0.sequenceOrder) }
            guard selections == description.selections else {
                return fail("\(at).selections", "the selections of contest \(contest.contestId) are not the manifest's, in its order")
            }
        }
        ledger.pass(.v5E)
    }

    /// The check a conversion error belongs to, by the field it names.
    static func check(for error: ElectionRecordError) -> CheckID {
        guard case .invalidValue(_, let field, _) = error else { return .v5E }
        if field.contains("encrypted_vote") || field.hasPrefix("encrypted_sn") || field.hasSuffix("encrypted_contest_data.c0") {
            return .v5A
        }
        if field.contains(".proof.proofs[") {
            let selection = field.contains(".selections[")
            if field.hasSuffix(".challenge") { return selection ? .v5B : .v6B }
            if field.hasSuffix(".response") { return selection ? .v5C : .v6C }
        }
        if field.hasSuffix("contest_hash") { return .v7A }
        if field == "confirmation_code" || field == "code_baux" { return .v7B }
        return .v5E
    }

    /// The elements mod p a ballot holds: α and β of each selection, C0 of each contest, its serial number's.
    static func elementCount(_ recorded: RecordedBallot) -> Int {
        recorded.ballot.contests.reduce(recorded.encryptedSerialNumber == nil ? 0 : 2) { $0 + 2 * $1.selections.count + 1 }
    }
}
