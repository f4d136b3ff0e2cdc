import ElectionGuard
import ElectionRecord

/// Verifications 15–18 of a pre-encrypted ballot (spec 2.0.0 §4.5) beyond its range proofs and contest
/// hashes, which are checked as for every ballot (5.x, 6.x, 7.A): each contest has exactly L selected
/// vectors, each hashing to its selection hash (17.A) with the short code that hash gives (18.A) and
/// listed among the contest's m + L sorted selection hashes; the selections are the products of the
/// selected vectors (18, for L > 1); χ recomputes (17.B) and the confirmation code is H(B) of the χ's (17.C).
enum PreEncryptedBallotVerification {
    /// What is wrong with the ballot's pre-encryption data, or nil.
    /// - Parameter contests: the ballot style's contests, as the manifest describes them.
    static func problem(_ ballot: EncryptedBallot, data: [RecordedPreEncryption], contests: [ContestDescription],
                        election: Election) -> String? {
        let hash = election.extendedBaseHash, key = election.publicKey.key
        let byId = Dictionary(contests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        guard ballot.contests.map(\.contestId) == data.map(\.contestId) else {
            return "the pre-encryption data lists other contests than the ballot"
        }
        var chis = [UInt256]()
        for (contest, record) in zip(ballot.contests, data) {
            let name = "contest \(contest.contestId)"
            guard let description = byId[contest.contestId] else { return "\(name) is not in the manifest" }
            let limit = description.votesAllowed, count = description.selections.count
            guard record.selectedVectors.count == limit else {
                return "\(name) has \(record.selectedVectors.count) selected vectors, L = \(limit)"
            }
            guard record.allSelectionHashes.count == count + limit,
                  record.allSelectionHashes == PreEncryptionEquations.ascending(record.allSelectionHashes) else {
                return "\(name): all_selection_hashes is not m + L sorted hashes"
            }
            guard Set(record.selectedVectors.map(\.selectionHash)).count == limit else { return "\(name): a row is selected twice" }
            var products = Array(repeating: AggregationEquations.none, count: count)
            for vector in record.selectedVectors {
                guard vector.encryptions.count == count else {
                    return "\(name): a selected vector has \(vector.encryptions.count) encryptions, not \(count)"
                }
                guard PreEncryptionEquations.selectionHash(vector.encryptions, extendedBaseHash: hash, jointKey: key) == vector.selectionHash else {
                    return "17.A \(name): selected vector \(vector.shortCode) does not hash to its selection hash"
                }
                guard vector.shortCode == PreEncryptionEquations.shortCode(vector.selectionHash) else {
                    return "18.A \(name): short code \(vector.shortCode) is not its selection hash's"
                }
                guard record.allSelectionHashes.contains(vector.selectionHash) else {
                    return "\(name): selected vector \(vector.shortCode) is not among all_selection_hashes"
                }
                for k in 0..<count { products[k] = AggregationEquations.product(products[k], vector.encryptions[k]) }
            }
            let ordered = contest.selections.sorted { $0.sequenceOrder < $1.sequenceOrder }.map(\.ciphertext)
            guard ordered == products else { return "18 \(name): the selections are not the products of the selected vectors" }
            let chi = PreEncryptionEquations.contestHash(sequenceOrder: description.sequenceOrder, selectionHashes: record.allSelectionHashes,
                                                         extendedBaseHash: hash, jointKey: key)
            guard chi == record.preEncryptionHash else { return "17.B \(name): χ does not recompute" }
            chis.append(chi)
        }
        let code = PreEncryptionEquations.confirmationCode(contestHashes: chis, codeBaux: ballot.codeBaux, extendedBaseHash: hash)
        return code == ballot.confirmationCode ? nil : "17.C the confirmation code is not H(B) of the pre-encryption hashes"
    }
}
