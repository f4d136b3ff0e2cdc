import ElectionGuard
import ElectionRecord

/// Verifications 12–14: each decrypted challenged ballot in `challenged_ballots/` (proofs 12.A/12.B,
/// values and labels 13, contest data 14), and 12.C, which egk does not check: every SPOILED ballot
/// is opened and the opening matches the ballot. A SPOILED ballot that publishes its primary nonce is
/// opened with it (`openWithNonce`); one without a nonce needs a decryption whose ciphertexts and
/// contest data are the ballot's. Returns the number of decryption files read.
enum ChallengedBallotVerification {
    static func run(_ context: VerificationContext, _ pass: BallotPassResult, options: VerificationOptions,
                    _ ledger: inout CheckLedger) -> Int {
        let files = Array(context.record.challengedBallotFiles()).sorted()
        let opened = pass.summaries.filter { $0.state == EncryptedBallot.State.challenged.rawValue }
        for id in [CheckID.v12A, .v12B, .v13A, .v13B, .v13C, .v13D, .v13E, .v13F, .v14A, .v14B] {
            ledger.skip(id, files.isEmpty ? (opened.isEmpty ? "no challenged ballots" : "challenged ballots are opened by their nonces (12.C)")
                                          : "nothing of this kind in the challenged-ballot files")
        }
        if opened.isEmpty && files.isEmpty { ledger.skip(.v12C, "no challenged ballots") }
        guard case .success(let election) = context.election() else {
            if !files.isEmpty || !opened.isEmpty {
                let missing = CheckFailureError(context.keyProblem ?? context.manifestProblem ?? CheckFailure(file: "", message: "no key"))
                ledger.cannotCheck([.v12C], because: missing.failure)
            }
            return files.count
        }
        var decrypted = Set<String>()
        for file in files {
            let decryption: DecryptedTallyOrBallot
            let elements = DeferredElements(options)
            do {
                decryption = try context.record.json(DecryptedTallyOrBallotJSON.self, file)
                    .decrypted(at: RecordField(file: file, subgroupCheck: elements.subgroupCheck))
            } catch {
                let id = TallyVerification.check(for: error, tally: false)
                ledger.fail(id, error.failure(id))
                continue
            }
            elements.check(&ledger) { field in TallyVerification.check(for: field.invalid(.notInSubgroup), tally: false) }
            decrypted.insert(decryption.id)
            verify(decryption, file: file, election: election, spoiled: pass.spoiled[decryption.id], &ledger)
        }
        for ballot in pass.spoiled.values.sorted(by: { $0.ballotId < $1.ballotId }) where !decrypted.contains(ballot.ballotId) {
            let path = (try? RecordLayout.encryptedBallot(device: ballot.encryptingDevice, ballotId: ballot.ballotId)) ?? ballot.ballotId
            ledger.fail(.v12C, CheckFailure(file: path, field: "primary_nonce",
                                            message: "12.C challenged ballot \(ballot.ballotId) has neither a primary nonce nor a decryption"))
        }
        return files.count
    }

    /// One decrypted challenged ballot: its proofs and labels, and that it matches its SPOILED ballot.
    private static func verify(_ decryption: DecryptedTallyOrBallot, file: String, election: Election, spoiled: EncryptedBallot?,
                               _ ledger: inout CheckLedger) {
        let top = RecordField(file: file)
        ledger.check(.v12C, decryption.electionId == election.extendedBaseHash, CheckFailure(
            file: file, field: "election_id", message: "12.C election_id is not H_E"))
        for (index, contest) in decryption.contests.enumerated() {
            let limit = election.manifest.contest(contest.contestId)?.votesAllowed ?? 1
            TallyVerification.verifyDecryptions(contest, at: top["contests"][index], election: election, limit: limit,
                                                ids: .ballot, &ledger)
        }
        TallyVerification.verifyLabels(decryption, file: file, manifest: election.manifest, ids: .ballot, &ledger)
        guard let spoiled else {
            return ledger.fail(.v12C, CheckFailure(file: file, field: "id",
                                                   message: "12.C \(decryption.id) is not a SPOILED ballot of the record"))
        }
        var ciphertexts = [String: ElGamalCiphertext](), data = [String: HashedElGamalCiphertext]()
        for contest in spoiled.contests {
            data[contest.contestId] = contest.contestData
            for selection in contest.selections { ciphertexts[CiphertextSums.key(contest.contestId, selection.selectionId)] = selection.ciphertext }
        }
        var matches = decryption.contests.count == spoiled.contests.count
        for contest in decryption.contests {
            matches = matches && contest.selections.count == spoiled.contests.first { $0.contestId == contest.contestId }?.selections.count
            for selection in contest.selections {
                matches = matches && ciphertexts[CiphertextSums.key(contest.contestId, selection.selectionId)] == selection.ciphertext
            }
            if let opened = contest.contestData { matches = matches && data[contest.contestId] == opened.ciphertext }
        }
        ledger.check(.v12C, matches, CheckFailure(
            file: file, field: "contests", message: "12.C the decrypted ciphertexts are not those of SPOILED ballot \(decryption.id)"))
    }
}
