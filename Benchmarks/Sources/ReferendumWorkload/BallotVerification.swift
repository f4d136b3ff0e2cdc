import ElectionGuard

/// One ballot checked as a verifier checks it one by one (spec verifications 4, 5 and 6): every
/// selection's range proof with limit 1, each contest's proof on the product of its selections with
/// limit L, each contest hash and the confirmation code recomputed.
public struct BallotVerification: Sendable {
    public let publicKey: ElGamalPublicKey
    public let hashes: BallotHashes

    public init(election: ReferendumElection) {
        publicKey = election.publicKey
        hashes = election.encryptor.hashes
    }

    /// The checks that failed, each named; empty when the ballot verifies. Every check runs.
    public func failures(of ballot: EncryptedBallot) -> [String] {
        var failures = [String]()
        let extendedBaseHash = hashes.extendedBaseHash
        for contest in ballot.contests {
            for selection in contest.selections
            where !selection.proof.verify(ciphertext: selection.ciphertext, limit: 1, publicKey: publicKey,
                                          extendedBaseHash: extendedBaseHash) {
                failures.append("4 \(ballot.ballotId) \(contest.contestId)/\(selection.selectionId): range proof")
            }
            if !contest.proof.verify(ciphertext: contest.total, limit: contest.votesAllowed, publicKey: publicKey,
                                     extendedBaseHash: extendedBaseHash) {
                failures.append("5 \(ballot.ballotId) \(contest.contestId): contest limit proof")
            }
            let contestHash = hashes.contestHash(contestId: contest.contestId, sequenceOrder: contest.sequenceOrder,
                                                 ciphertexts: contest.selections.map(\.ciphertext))
            if contestHash != contest.contestHash {
                failures.append("6 \(ballot.ballotId) \(contest.contestId): contest hash")
            }
        }
        let code = hashes.confirmationCode(contestHashes: ballot.contests.map(\.contestHash), codeBaux: ballot.codeBaux)
        if code != ballot.confirmationCode {
            failures.append("6 \(ballot.ballotId): confirmation code")
        }
        return failures
    }

    /// `failures(of:)` after re-decoding every ciphertext's α and β from bytes, which checks that each is in
    /// Z_p^r (spec verification 4.A) as reading them from an election record would: one exponentiation each.
    public func failuresDecoding(_ ballot: EncryptedBallot) -> [String] {
        var failures = [String]()
        for contest in ballot.contests {
            for selection in contest.selections {
                let field = "4.A \(ballot.ballotId) \(contest.contestId)/\(selection.selectionId)"
                do {
                    _ = try ElementModP(bytes: selection.ciphertext.pad.bytes, field: "\(field) α")
                    _ = try ElementModP(bytes: selection.ciphertext.data.bytes, field: "\(field) β")
                } catch {
                    failures.append("\(error)")
                }
            }
        }
        return failures + self.failures(of: ballot)
    }
}
