import ElectionGuard
import ElectionRecord

extension ChallengedBallotVerification {
    /// 12.C for a SPOILED ballot that publishes its primary nonce ξ_B: open it with the nonce (every
    /// pad must be g^ξ, every vote 0 or 1, the contest data's MAC must hold), encrypt what it held again
    /// with the same nonce, B_aux, device and time, and require the very same ballot: ciphertexts,
    /// proofs, contest data, contest hashes and confirmation code. This shows the device encrypted
    /// what the voter saw, which is what challenging is for (spec 2.1 verification 13 does the same).
    static func reencrypt(_ recorded: RecordedBallot, nonce: UInt256, path: String, ordinal: Int, election: Election,
                          styleContests: [ContestDescription]?, _ ledger: inout CheckLedger) {
        let ballot = recorded.ballot
        func fail(_ field: String, _ message: String) {
            ledger.fail(.v12C, CheckFailure(file: path, field: field, message: "12.C " + message), ordinal: ordinal)
        }
        guard let contests = styleContests else { return fail("ballot_style_id", "unknown ballot style, cannot re-encrypt") }
        let encryptor = BallotEncryptor(publicKey: election.publicKey, extendedBaseHash: election.extendedBaseHash,
                                        contests: contests, dialect: election.dialect)
        let opened: DecryptedBallot
        do {
            opened = try encryptor.decrypt(ballot, ballotNonce: nonce)
        } catch {
            return fail("primary_nonce", "the ballot does not open with its primary nonce: \(error)")
        }
        let plain = PlaintextBallot(id: ballot.ballotId, styleId: ballot.styleId, contests: opened.contests.map { contest in
            var votes = contest.votes
            // An over-voted contest is encrypted as all zeros; what was marked is in its contest data.
            if contest.contestData.status == .overVote, let description = contests.first(where: { $0.id == contest.contestId }) {
                for selection in description.selections where contest.contestData.overVotes.contains(selection.sequenceOrder) {
                    votes[selection.id] = 1
                }
            }
            return PlaintextBallot.Contest(contestId: contest.contestId, votes: votes, writeIns: contest.contestData.writeIns)
        })
        let again: EncryptedBallot
        do {
            again = try encryptor.encrypt(plain, ballotNonce: nonce, codeBaux: ballot.codeBaux, device: ballot.encryptingDevice,
                                          timestamp: ballot.timestamp, state: ballot.state)
        } catch {
            return fail("contests", "what the ballot holds cannot be encrypted again: \(error)")
        }
        guard again != ballot else { return ledger.pass(.v12C) }
        fail(difference(again, ballot), "re-encrypting the ballot with its primary nonce does not give the published ballot")
    }

    /// The first field in which two ballots differ, as a path.
    static func difference(_ a: EncryptedBallot, _ b: EncryptedBallot) -> String {
        guard a.contests.count == b.contests.count else { return "contests" }
        for (index, (x, y)) in zip(a.contests, b.contests).enumerated() {
            let at = "contests[\(index)]"
            guard x.selections.count == y.selections.count else { return "\(at).selections" }
            for (j, (s, t)) in zip(x.selections, y.selections).enumerated() {
                if s.ciphertext != t.ciphertext { return "\(at).selections[\(j)].encrypted_vote" }
                if s.proof != t.proof { return "\(at).selections[\(j)].proof" }
            }
            if x.proof != y.proof { return "\(at).proof" }
            if x.contestData != y.contestData { return "\(at).encrypted_contest_data" }
            if x.contestHash != y.contestHash { return "\(at).contest_hash" }
        }
        return a.confirmationCode != b.confirmationCode ? "confirmation_code" : ""
    }
}
