import ElectionGuard
import ElectionRecord

/// Verifications 9–11 on `tally.json`: every selection's decryption proof (9.A, 9.B) and T = K^t
/// (10.A), its ciphertexts equal to `encrypted_tally.json`'s (9.C, which egk does not check), its
/// contests and selections those of the manifest (10.B–10.D), and contest-data proofs if any (11).
enum TallyVerification {
    @discardableResult
    static func run(_ context: VerificationContext, encryptedTally: EncryptedTally?, options: VerificationOptions,
                    _ ledger: inout CheckLedger) -> DecryptedTallyOrBallot? {
        let file = RecordLayout.tally
        let ids: [CheckID] = [.v9A, .v9B, .v9C, .v10A, .v10B, .v10C, .v10D]
        let tally: DecryptedTallyOrBallot
        let elements = DeferredElements(options)
        do {
            tally = try context.record.json(DecryptedTallyOrBallotJSON.self, file)
                .decrypted(at: RecordField(file: file, subgroupCheck: elements.subgroupCheck))
        } catch {
            let id = Self.check(for: error, tally: true)
            ledger.fail(id, error.failure(id))
            for other in ids where other != id { ledger.fail(other, CheckFailure(file: file, message: "\(other.rawValue) cannot be checked: tally.json cannot be read")) }
            ledger.skip(.v11A, "tally.json cannot be read")
            ledger.skip(.v11B, "tally.json cannot be read")
            return nil
        }
        elements.check(&ledger) { field in check(for: field.invalid(.notInSubgroup), tally: true) }
        guard case .success(let election) = context.election() else {
            let missing = CheckFailureError(context.keyProblem ?? context.manifestProblem ?? CheckFailure(file: file, message: "no key"))
            ledger.cannotCheck(ids, because: missing.failure)
            return tally
        }
        let top = RecordField(file: file)
        ledger.check(.v9C, tally.electionId == election.extendedBaseHash, CheckFailure(file: file, field: "election_id", message: "9.C election_id is not H_E"))
        if let encryptedTally {
            ledger.check(.v9C, tally.id == encryptedTally.tallyId, CheckFailure(
                file: file, field: "id", message: "9.C id \(tally.id) is not encrypted_tally.json's tally_id \(encryptedTally.tallyId)"))
        }
        var encrypted = [String: ElGamalCiphertext]()
        for contest in encryptedTally?.contests ?? [] {
            for selection in contest.selections { encrypted[CiphertextSums.key(contest.contestId, selection.selectionId)] = selection.ciphertext }
        }
        for (index, contest) in tally.contests.enumerated() {
            let at = top["contests"][index]
            verifyDecryptions(contest, at: at, election: election, limit: nil, ids: Ids.tally, &ledger)
            for (j, selection) in contest.selections.enumerated() where encryptedTally != nil {
                let matches = encrypted[CiphertextSums.key(contest.contestId, selection.selectionId)] == selection.ciphertext
                ledger.check(.v9C, matches, CheckFailure(
                    file: file, field: at["selections"][j]["encrypted_vote"].path,
                    message: "9.C the ciphertext of \(contest.contestId)/\(selection.selectionId) is not encrypted_tally.json's"))
            }
        }
        if encryptedTally == nil {
            ledger.fail(.v9C, CheckFailure(file: RecordLayout.encryptedTally, message: "9.C cannot be checked: encrypted_tally.json cannot be read"))
        }
        verifyLabels(tally, file: file, manifest: election.manifest, ids: Ids.tally, &ledger)
        if !tally.contests.contains(where: { $0.contestData != nil }) {
            ledger.skip(.v11A, "the tally has no contest data")
            ledger.skip(.v11B, "the tally has no contest data")
        }
        return tally
    }

    /// The checks of a decryption, for a tally (9, 10, 11) or a challenged ballot (12, 13, 14).
    struct Ids {
        let response, proof, value, contest, selection, complete, dataResponse, dataProof: CheckID
        static let tally = Ids(response: .v9A, proof: .v9B, value: .v10A, contest: .v10B, selection: .v10C, complete: .v10D,
                               dataResponse: .v11A, dataProof: .v11B)
        static let ballot = Ids(response: .v12A, proof: .v12B, value: .v13A, contest: .v13D, selection: .v13E, complete: .v13F,
                                dataResponse: .v14A, dataProof: .v14B)
    }

    /// Each selection's proof and value, and the contest data's proof, of one decrypted contest. For a
    /// ballot, `limit` is the contest's L: votes must be 0 or 1 (13.B) and sum to at most L (13.C).
    static func verifyDecryptions(_ contest: DecryptedTallyOrBallot.Contest, at: RecordField, election: Election, limit: Int?,
                                  ids: Ids, _ ledger: inout CheckLedger, ordinal: Int = 0) {
        let file = at.file
        let key = election.publicKey
        for (j, selection) in contest.selections.enumerated() {
            let sat = at["selections"][j]
            ledger.pass(ids.response)
            let proved = DecryptionEquations.selectionProofHolds(
                ciphertext: selection.ciphertext, value: selection.bOverM, challenge: selection.proof.challenge,
                response: selection.proof.response, jointKey: key, extendedBaseHash: election.extendedBaseHash)
            ledger.check(ids.proof, proved, ordinal: ordinal, CheckFailure(
                file: file, field: sat["proof"].path,
                message: "\(ids.proof.rawValue) decryption proof of \(contest.contestId)/\(selection.selectionId) does not verify"))
            ledger.check(ids.value, DecryptionEquations.isPower(selection.bOverM, of: selection.tally, jointKey: key), ordinal: ordinal, CheckFailure(
                file: file, field: sat["b_over_m"].path,
                message: "\(ids.value.rawValue) b_over_m of \(contest.contestId)/\(selection.selectionId) is not K^\(selection.tally)"))
            if limit != nil {
                ledger.check(.v13B, (0...1).contains(selection.tally), ordinal: ordinal, CheckFailure(
                    file: file, field: sat["tally"].path, message: "13.B vote \(selection.tally) is not 0 or 1"))
            }
        }
        if let limit {
            let sum = contest.selections.reduce(0) { $0 + $1.tally }
            ledger.check(.v13C, sum <= limit, ordinal: ordinal, CheckFailure(
                file: file, field: at["selections"].path, message: "13.C contest \(contest.contestId) has \(sum) votes, its limit is \(limit)"))
        }
        if let data = contest.contestData {
            let dat = at["decrypted_contest_data"]
            ledger.pass(ids.dataResponse)
            let proved = DecryptionEquations.contestDataProofHolds(
                data.ciphertext, beta: data.beta, challenge: data.proof.challenge, response: data.proof.response,
                jointKey: key, extendedBaseHash: election.extendedBaseHash)
            ledger.check(ids.dataProof, proved, ordinal: ordinal, CheckFailure(
                file: file, field: dat["proof"].path, message: "\(ids.dataProof.rawValue) contest-data decryption proof of \(contest.contestId) does not verify"))
        }
    }

    /// 10.B–10.D (13.D–13.F): contests and selections are the manifest's, none missing.
    static func verifyLabels(_ decrypted: DecryptedTallyOrBallot, file: String, manifest: ElectionManifest, ids: Ids,
                             _ ledger: inout CheckLedger, ordinal: Int = 0) {
        let top = RecordField(file: file)
        for (index, contest) in decrypted.contests.enumerated() {
            let at = top["contests"][index]
            guard let description = manifest.contest(contest.contestId) else {
                ledger.fail(ids.contest, CheckFailure(file: file, field: at["contest_id"].path,
                                                      message: "\(ids.contest.rawValue) contest \(contest.contestId) is not in the manifest"), ordinal: ordinal)
                continue
            }
            ledger.pass(ids.contest)
            let known = Set(description.selections.map(\.id))
            for (j, selection) in contest.selections.enumerated() {
                ledger.check(ids.selection, known.contains(selection.selectionId), ordinal: ordinal, CheckFailure(
                    file: file, field: at["selections"][j]["selection_id"].path,
                    message: "\(ids.selection.rawValue) selection \(selection.selectionId) is not in contest \(contest.contestId)"))
            }
            let present = Set(contest.selections.map(\.selectionId))
            let missing = description.selections.map(\.id).filter { !present.contains($0) }
            ledger.check(ids.complete, missing.isEmpty && present.count == contest.selections.count, ordinal: ordinal, CheckFailure(
                file: file, field: at["selections"].path,
                message: missing.isEmpty ? "\(ids.complete.rawValue) a selection of contest \(contest.contestId) appears twice"
                                         : "\(ids.complete.rawValue) contest \(contest.contestId) lacks selection \(missing[0])"))
        }
    }

    /// The check a read error of a decryption file belongs to.
    static func check(for error: ElectionRecordError, tally: Bool) -> CheckID {
        let ids = tally ? Ids.tally : Ids.ballot
        guard case .invalidValue(_, let field, _) = error else { return tally ? .v9B : .v12B }
        if field.contains("decrypted_contest_data") { return field.hasSuffix("response") ? ids.dataResponse : ids.dataProof }
        if field.hasSuffix("proof.response") { return ids.response }
        if field.hasSuffix("b_over_m") || field.hasSuffix(".tally") { return ids.value }
        if field.contains("encrypted_vote") { return tally ? .v9C : .v12C }
        return ids.proof
    }
}
