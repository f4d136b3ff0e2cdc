extension RecordedPreEncryptedBallot {
    /// Checks what ties the recorded ballot to its pre-encryption (spec 2.0.0 §4.5, verifications 17.A–C
    /// and 18 for the cast ballot's selected vectors), without any secret:
    /// - each contest has exactly L selected vectors, each hashing to its selection hash, with the short
    ///   code that hash gives, and each listed among the contest's selection hashes;
    /// - each selection's ciphertext is the product of the selected vectors' encryptions of it;
    /// - χ recomputes from all selection hashes, and H(B) from the χ's is the confirmation code.
    ///
    /// The range proofs, contest hashes and contest data are the ordinary ones and are checked as for any
    /// encrypted ballot (`RangeProof.verify`).
    /// - Parameter contests: the ballot style's contests, as the manifest describes them.
    /// - Throws: `PreEncryptionError.verificationFailed` naming the contest and the check.
    public func verify(hashes: BallotHashes, contests descriptions: [ContestDescription], shortCodeLength: Int = 5) throws {
        func fail(_ reason: String) -> PreEncryptionError { .verificationFailed("ballot \(ballot.ballotId): \(reason)") }
        let byId = Dictionary(descriptions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        guard ballot.contests.map(\.contestId) == contests.map(\.contestId) else {
            throw fail("the pre-encryption data lists other contests than the ballot")
        }
        var chis = [UInt256]()
        for (contest, record) in zip(ballot.contests, contests) {
            guard let description = byId[contest.contestId] else { throw fail("contest \(contest.contestId) is not in the manifest") }
            let limit = description.votesAllowed, count = description.selections.count
            guard record.selectedVectors.count == limit else {
                throw fail("contest \(contest.contestId) has \(record.selectedVectors.count) selected vectors, L = \(limit)")
            }
            guard record.allSelectionHashes.count == count + limit,
                  record.allSelectionHashes == PreEncryptedContest.sorted(record.allSelectionHashes) else {
                throw fail("contest \(contest.contestId): all_selection_hashes is not m + L sorted hashes")
            }
            guard Set(record.selectedVectors.map(\.selectionHash)).count == limit else {
                throw fail("contest \(contest.contestId): a row is selected twice")
            }
            var products = Array(repeating: ElGamalCiphertext.zero, count: count)
            for vector in record.selectedVectors {
                guard vector.encryptions.count == count else {
                    throw fail("contest \(contest.contestId): a selected vector has \(vector.encryptions.count) encryptions, not \(count)")
                }
                guard hashes.selectionHash(vector.encryptions) == vector.selectionHash else {
                    throw fail("contest \(contest.contestId): selected vector \(vector.shortCode) does not hash to its selection hash")
                }
                guard vector.shortCode == String(vector.selectionHash.hex.prefix(shortCodeLength)) else {
                    throw fail("contest \(contest.contestId): short code \(vector.shortCode) is not its selection hash's")
                }
                guard record.allSelectionHashes.contains(vector.selectionHash) else {
                    throw fail("contest \(contest.contestId): selected vector \(vector.shortCode) is not among all_selection_hashes")
                }
                for k in 0..<count { products[k] = products[k] + vector.encryptions[k] }
            }
            let ordered = contest.selections.sorted { $0.sequenceOrder < $1.sequenceOrder }.map(\.ciphertext)
            guard ordered == products else {
                throw fail("contest \(contest.contestId): the selections are not the products of the selected vectors")
            }
            let chi = hashes.preEncryptionContestHash(contest: description, selectionHashes: record.allSelectionHashes)
            guard chi == record.preEncryptionHash else { throw fail("contest \(contest.contestId): χ does not recompute") }
            chis.append(chi)
        }
        guard hashes.preEncryptionConfirmationCode(contestHashes: chis, codeBaux: ballot.codeBaux) == ballot.confirmationCode else {
            throw fail("the confirmation code is not H(B) of the pre-encryption hashes")
        }
    }
}
