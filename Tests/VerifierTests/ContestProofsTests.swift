import ElectionGuard
import ElectionRecord
import Testing
@testable import Verifier

/// The verifier's range-proof checks, one by one and with shared power tables, give the same verdicts
/// as each other and as ElectionGuard's `RangeProof.verify`, on valid proofs and on tampered ones.
@Suite("shared-table range proofs agree with RangeProof.verify")
struct ContestProofsTests {
    /// The election of egk's record and its first ballot.
    static func egkBallot() throws -> (Election, EncryptedBallot) {
        let record = try ElectionRecordDirectory(root: Records.egk)
        let initialized = try record.initialized()
        let election = Election(manifest: try record.manifest(), publicKey: PublicKeyCache.key(initialized.jointPublicKey),
                                extendedBaseHash: initialized.extendedBaseHash, chaining: false, baux0: [], dialect: .v2_0_0)
        let file = try #require(try record.allBallotFiles().first.flatMap { Array($0).first })
        return (election, try record.ballot(file).ballot)
    }

    func verdicts(_ contest: EncryptedContest, _ election: Election, limit: Int) -> [[Bool]] {
        let shared = ContestProofs(election: election, workspace: MontgomeryWorkspace()).verify(contest, limit: limit)
        let single = ContestProofs(election: election, workspace: nil).verify(contest, limit: limit)
        // ElectionGuard's own verification of the same proofs, which the verifier does not call.
        let key = election.publicKey, hash = election.extendedBaseHash
        let producer = contest.selections.map { $0.proof.verify(ciphertext: $0.ciphertext, limit: 1, publicKey: key, extendedBaseHash: hash) }
            + [contest.proof.verify(ciphertext: contest.total, limit: limit, publicKey: key, extendedBaseHash: hash)]
        #expect(producer == single.selections + [single.total])
        return [shared.selections + [shared.total], single.selections + [single.total]]
    }

    @Test("valid contests of egk's record, and the same contests tampered")
    func agreement() throws {
        let (election, ballot) = try Self.egkBallot()
        for contest in ballot.contests.prefix(3) {
            let valid = verdicts(contest, election, limit: 1)
            #expect(valid[0] == valid[1] && valid[0].allSatisfy { $0 })
            // A challenge moved by one, a response moved by one, the total's proof checked at the wrong limit.
            let selection = contest.selections[1]
            let proof = selection.proof
            let bumped = RangeProof(challenges: [proof.challenges[0] + .one, proof.challenges[1]], responses: proof.responses)
            let answered = RangeProof(challenges: proof.challenges, responses: [proof.responses[0], proof.responses[1] + .one])
            for tampered in [bumped, answered] {
                var selections = contest.selections
                selections[1] = EncryptedSelection(selectionId: selection.selectionId, sequenceOrder: selection.sequenceOrder,
                                                   ciphertext: selection.ciphertext, proof: tampered)
                let changed = EncryptedContest(contestId: contest.contestId, sequenceOrder: contest.sequenceOrder,
                                               votesAllowed: contest.votesAllowed, contestHash: contest.contestHash,
                                               selections: selections, proof: contest.proof, contestData: contest.contestData)
                let result = verdicts(changed, election, limit: 1)
                #expect(result[0] == result[1])
                #expect(result[0][1] == false && result[0][0] == true && result[0].last == true)
            }
            // A pad replaced by another subgroup element: that selection's proof and the total's fail.
            var selections = contest.selections
            selections[0] = EncryptedSelection(selectionId: contest.selections[0].selectionId, sequenceOrder: contest.selections[0].sequenceOrder,
                                               ciphertext: ElGamalCiphertext(pad: .g, data: contest.selections[0].ciphertext.data),
                                               proof: contest.selections[0].proof)
            let moved = EncryptedContest(contestId: contest.contestId, sequenceOrder: contest.sequenceOrder, votesAllowed: 1,
                                         contestHash: contest.contestHash, selections: selections, proof: contest.proof,
                                         contestData: contest.contestData)
            let result = verdicts(moved, election, limit: 1)
            #expect(result[0] == result[1] && result[0][0] == false && result[0].last == false)
            let wrongLimit: [Bool] = Array(valid[0].prefix(valid[0].count - 1)) + [false]
            #expect(verdicts(contest, election, limit: 2) == [wrongLimit, wrongLimit])
        }
    }
}
