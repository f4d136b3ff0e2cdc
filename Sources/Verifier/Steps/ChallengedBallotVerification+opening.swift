import ElectionGuard
import ElectionRecord

extension ChallengedBallotVerification {
    /// 12.C for a SPOILED ballot that publishes its primary nonce ξ_B: opened with the nonce, it must be
    /// the encryption of a ballot of its style. Its contests and selections are the style's, in sequence
    /// order, with the manifest's limits; every selection is (g^ξ, K^(σ+ξ)) with σ 0 or 1 under its
    /// nonce (equations (24), (25)); every contest's data has C0 = g^ξ under its nonce (50), its MAC holds
    /// and its plaintext is egk's message, padded, whose status and over-votes follow from the votes
    /// (51)–(55). This shows the device encrypted what the voter saw, which is what challenging is for
    /// (spec 2.1's verification 13 does the same). The range proofs, contest hashes and confirmation code
    /// are checked as on every ballot (5, 6, 7.A, 7.B).
    static func openWithNonce(_ recorded: RecordedBallot, nonce: UInt256, path: String, ordinal: Int, election: Election,
                              styleContests: [ContestDescription]?, _ ledger: inout CheckLedger) {
        let ballot = recorded.ballot
        func fail(_ field: String, _ message: String) {
            ledger.fail(.v12C, CheckFailure(file: path, field: field, message: "12.C " + message), ordinal: ordinal)
        }
        guard let styleContests else { return fail("ballot_style_id", "unknown ballot style, cannot open the ballot") }
        let contests = styleContests.sorted { $0.sequenceOrder < $1.sequenceOrder }
        guard ballot.contests.map(\.contestId) == contests.map(\.id) else {
            return fail("contests", "the contests are not those of style \(ballot.styleId) in sequence order")
        }
        let hash = election.extendedBaseHash, key = election.publicKey
        for (index, (contest, description)) in zip(ballot.contests, contests).enumerated() {
            let at = "contests[\(index)]"
            guard contest.sequenceOrder == description.sequenceOrder, contest.votesAllowed == description.votesAllowed else {
                return fail(at, "contest \(contest.contestId)'s sequence order or limit is not the manifest's")
            }
            let selections = description.selections.sorted { $0.sequenceOrder < $1.sequenceOrder }
            guard contest.selections.map(\.selectionId) == selections.map(\.id),
                  contest.selections.map(\.sequenceOrder) == selections.map(\.sequenceOrder) else {
                return fail("\(at).selections", "the selections of \(contest.contestId) are not the manifest's in sequence order")
            }
            var votes = [Int]()
            for (j, selection) in contest.selections.enumerated() {
                let xi = NonceOpeningEquations.selectionNonce(primaryNonce: nonce, contestSequence: contest.sequenceOrder,
                                                               selectionSequence: selection.sequenceOrder, extendedBaseHash: hash)
                guard let vote = NonceOpeningEquations.vote(selection.ciphertext, nonce: xi, jointKey: key) else {
                    return fail("\(at).selections[\(j)].encrypted_vote",
                                "\(contest.contestId)/\(selection.selectionId) does not open with the primary nonce to 0 or 1")
                }
                votes.append(vote)
            }
            let dataAt = "\(at).encrypted_contest_data"
            let dataNonce = NonceOpeningEquations.contestDataNonce(primaryNonce: nonce, contestSequence: contest.sequenceOrder,
                                                                   extendedBaseHash: hash)
            guard contest.contestData.c0 == GroupParameters.gTable.power(dataNonce) else {
                return fail("\(dataAt).c0", "C0 of \(contest.contestId) is not g to the contest-data nonce")
            }
            guard let plaintext = NonceOpeningEquations.openContestData(contest.contestData, contestId: contest.contestId,
                                                                        beta: key.power(dataNonce), jointKey: key.key,
                                                                        extendedBaseHash: hash) else {
                return fail(dataAt, "the contest data of \(contest.contestId) does not open with the primary nonce (MAC)")
            }
            guard let message = ContestDataMessage(decoding: plaintext), message.encoded(votesAllowed: description.votesAllowed) == plaintext else {
                return fail(dataAt, "the contest data of \(contest.contestId) is not a contest-data message padded to (L + 1) · 32 bytes")
            }
            if let problem = message.problem(votes: votes, sequenceOrders: selections.map(\.sequenceOrder), limit: description.votesAllowed) {
                return fail(dataAt, "contest \(contest.contestId): \(problem)")
            }
        }
        ledger.pass(.v12C)
    }
}
