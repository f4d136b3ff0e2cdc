import ElectionGuard
import ElectionRecord

/// Verification 8: the encrypted tally is the product of the CAST ballots' ciphertexts (8.A, 8.B), its
/// `cast_ballot_ids` are exactly the CAST ballots (8.C), and every contest of a CAST ballot is in it
/// (10.E, which egk checks here). Returns the encrypted tally for verification 9.
enum AggregationVerification {
    static func run(_ context: VerificationContext, _ pass: BallotPassResult, options: VerificationOptions,
                    _ ledger: inout CheckLedger) -> EncryptedTally? {
        let file = RecordLayout.encryptedTally
        let tally: EncryptedTally
        let elements = DeferredElements(options)
        do {
            tally = try context.record.json(EncryptedTallyJSON.self, file).tally(at: RecordField(file: file, subgroupCheck: elements.subgroupCheck))
        } catch {
            for id in [CheckID.v8A, .v8B, .v8C, .v10E] { ledger.fail(id, error.failure(id)) }
            return nil
        }
        elements.check(&ledger) { $0.path.hasSuffix("pad") ? .v8A : .v8B }
        let top = RecordField(file: file)
        var seen = Set<String>()
        for (index, contest) in tally.contests.enumerated() {
            for (j, selection) in contest.selections.enumerated() {
                let key = CiphertextSums.key(contest.contestId, selection.selectionId)
                seen.insert(key)
                let product = pass.aggregate[key] ?? AggregationEquations.none
                let at = top["contests"][index]["selections"][j]["encrypted_vote"]
                ledger.check(.v8A, product.pad == selection.ciphertext.pad, CheckFailure(
                    file: file, field: at["pad"].path,
                    message: "8.A ballot aggregation does not match: A of \(contest.contestId)/\(selection.selectionId) is not the product of the CAST ballots' alpha"))
                ledger.check(.v8B, product.data == selection.ciphertext.data, CheckFailure(
                    file: file, field: at["data"].path,
                    message: "8.B ballot aggregation does not match: B of \(contest.contestId)/\(selection.selectionId) is not the product of the CAST ballots' beta"))
            }
        }
        for key in pass.aggregate.sums.keys.sorted() where !seen.contains(key) {
            let name = key.replacingOccurrences(of: "\u{1F}", with: "/")
            ledger.fail(.v8A, CheckFailure(file: file, field: "contests", message: "8.A CAST ballots vote in \(name), which the encrypted tally lacks"))
        }
        verifyLabels(tally, manifest: context.manifest, &ledger)
        let tallyContests = Set(tally.contests.map(\.contestId))
        for contest in pass.castContests.sorted() {
            ledger.check(.v10E, tallyContests.contains(contest), CheckFailure(
                file: file, field: "contests", message: "10.E contest \(contest) of a CAST ballot is not in the encrypted tally"))
        }

        ledger.check(.v8C, tally.electionId == context.extendedBaseHash, CheckFailure(
            file: file, field: "election_id", message: "8.C election_id is not H_E"))
        let castIds = pass.summaries.filter { $0.state == EncryptedBallot.State.cast.rawValue }.compactMap(\.ballotId)
        let cast = Set(castIds)
        var listed = Set<String>()
        for (index, id) in tally.castBallotIds.enumerated() {
            if !listed.insert(id).inserted {
                ledger.fail(.v8C, CheckFailure(file: file, field: top["cast_ballot_ids"][index].path, message: "8.C ballot \(id) is listed twice"))
            } else {
                ledger.check(.v8C, cast.contains(id), CheckFailure(
                    file: file, field: top["cast_ballot_ids"][index].path, message: "8.C ballot \(id) is listed but there is no CAST ballot \(id)"))
            }
        }
        for id in castIds.sorted() where !listed.contains(id) {
            ledger.fail(.v8C, CheckFailure(file: file, field: "cast_ballot_ids", message: "8.C CAST ballot \(id) is not listed"))
        }
        return tally
    }

    /// 10.B–10.D for the encrypted tally: its contests and selections are the manifest's, with the
    /// manifest's sequence orders, none missing.
    private static func verifyLabels(_ tally: EncryptedTally, manifest: ElectionManifest?, _ ledger: inout CheckLedger) {
        guard let manifest else { return }
        let file = RecordLayout.encryptedTally
        let top = RecordField(file: file)
        for (index, contest) in tally.contests.enumerated() {
            let at = top["contests"][index]
            guard let description = manifest.contest(contest.contestId), description.sequenceOrder == contest.sequenceOrder else {
                ledger.fail(.v10B, CheckFailure(file: file, field: at["contest_id"].path,
                                                message: "10.B contest \(contest.contestId) (sequence \(contest.sequenceOrder)) is not a manifest contest"))
                continue
            }
            ledger.pass(.v10B)
            let selections = contest.selections.map { SelectionDescription(id: $0.selectionId, sequenceOrder: $0.sequenceOrder) }
            for (j, selection) in selections.enumerated() {
                ledger.check(.v10C, description.selections.contains(selection), CheckFailure(
                    file: file, field: at["selections"][j].path,
                    message: "10.C selection \(selection.id) (sequence \(selection.sequenceOrder)) is not in contest \(contest.contestId)"))
            }
            ledger.check(.v10D, Set(selections) == Set(description.selections) && selections.count == description.selections.count, CheckFailure(
                file: file, field: at["selections"].path, message: "10.D the selections of \(contest.contestId) are not the manifest's"))
        }
        let present = Set(tally.contests.map(\.contestId))
        for contest in manifest.contests where !present.contains(contest.id) {
            ledger.fail(.v10D, CheckFailure(file: file, field: "contests", message: "10.D manifest contest \(contest.id) is missing"))
        }
    }
}
