import TestSupport
import ElectionGuard
import ElectionRecord
import Foundation
import Testing
@testable import Verifier

/// Verifications 12–14 on a decrypted challenged ballot in `challenged_ballots/`, as egk writes them:
/// one of egk's ballots is marked SPOILED and decrypted by the record's own guardians (their secrets
/// are in its private data), then verified as is and tampered with.
@Suite("challenged-ballot decryptions (12-14)", .serialized)
struct ChallengedBallotFileTests {
    /// A copy of egk's record whose first ballot is SPOILED and decrypted in challenged_ballots/.
    static func recordWithDecryption() throws -> (MutableRecord, file: String) {
        let record = try MutableRecord(copying: Records.egk)
        let source = try ElectionRecordDirectory(root: Records.egk)
        let initialized = try source.initialized()
        let key = PublicKeyCache.key(initialized.jointPublicKey)
        let guardians = try source.trustees().map { DecryptingGuardian(id: $0.id, xCoordinate: $0.xCoordinate, keyShare: $0.keyShare) }
        let ballotFile = try #require(try source.allBallotFiles().first.flatMap { Array($0).first })
        let ballot = try source.ballot(ballotFile).ballot
        var targets = [DecryptionTarget]()
        for contest in ballot.contests {
            targets += contest.selections.map { .ciphertext($0.ciphertext) }
            targets.append(.contestData(contest.contestData))
        }
        var generator = SeededGenerator(seed: 12)
        var opened = try ThresholdDecryption.run(targets, guardians: guardians, publicKeys: initialized.guardians, quorum: guardians.count,
                                                 publicKey: key, extendedBaseHash: initialized.extendedBaseHash, using: &generator)[...]
        let log = DiscreteLog(base: key.key, stride: 16)
        let hashes = BallotHashes(extendedBaseHash: initialized.extendedBaseHash, publicKey: key.key)
        let contests = try ballot.contests.map { contest in
            let selections = try contest.selections.map { selection in
                let (share, proof) = opened.removeFirst()
                let value = try ThresholdDecryption.value(of: selection.ciphertext, share: share, proof: proof, discreteLog: log, bound: 1)
                return DecryptedTallyOrBallot.Selection(selectionId: selection.selectionId, ciphertext: selection.ciphertext, decrypted: value)
            }
            let (beta, proof) = opened.removeFirst()
            let data = try hashes.decryptContestData(contest.contestData, contestId: contest.contestId, beta: beta)
            return DecryptedTallyOrBallot.Contest(contestId: contest.contestId, selections: selections, contestData: .init(
                contestData: data, ciphertext: contest.contestData, proof: proof, beta: beta))
        }
        let decryption = DecryptedTallyOrBallot(id: ballot.ballotId, contests: contests, electionId: initialized.extendedBaseHash)
        let file = try RecordLayout.challengedBallot(ballot.ballotId)
        try record.write(file, Data(try RecordJSON.encode(DecryptedTallyOrBallotJSON(decryption))))
        try record.editJSON(ballotFile.path) { setJSON(&$0, at: [.key("state")], to: "SPOILED") }
        record.keep()
        return (record, file)
    }

    @Test("a guardian decryption verifies (12-14 pass), and tampering with it fails the right check")
    func decryptedBallot() async throws {
        let (record, file) = try Self.recordWithDecryption()
        let cache = VerificationCache()
        let report = try await Records.verify(record.root, cache: cache)
        for id in [CheckID.v12A, .v12B, .v12C, .v13A, .v13B, .v13C, .v13D, .v13E, .v13F, .v14A, .v14B] {
            #expect(report[id]?.status == .passed, "\(id.rawValue): \(report[id]?.firstFailure?.description ?? "")")
        }
        #expect(report[.v12B]?.checked == 100 && report[.v14B]?.checked == 20)
        #expect(Set(report.failures.map(\.id)) == [.v8A, .v8B, .v8C], "only the aggregate misses the ballot now SPOILED")

        let tampered: [(String, [JSONPathComponent], (Any) -> Any, CheckID)] = [
            ("a proof's challenge", [.key("contests"), .index(2), .key("selections"), .index(1), .key("proof"), .key("challenge")],
             { flipDigit($0 as! String, at: 10) }, .v12B),
            ("a vote", [.key("contests"), .index(0), .key("selections"), .index(0), .key("tally")], { ($0 as! Int) + 2 }, .v13A),
            ("a contest-data proof", [.key("contests"), .index(4), .key("decrypted_contest_data"), .key("proof"), .key("response")],
             { flipDigit($0 as! String, at: 3) }, .v14B),
            ("a ciphertext", [.key("contests"), .index(1), .key("selections"), .index(3), .key("encrypted_vote"), .key("pad")],
             { _ in ElementModPHex.g }, .v12C),
            ("a selection id", [.key("contests"), .index(3), .key("selections"), .index(2), .key("selection_id")], { _ in "no-such" }, .v13E),
        ]
        for (what, path, change, expected) in tampered {
            try record.editJSON(file) { object in setJSON(&object, at: path[...], to: change(getJSON(object, at: path)!)) }
            let broken = try await Records.verify(record.root, cache: cache)
            try record.restore()
            #expect(broken[expected]?.status == .failed, "\(what) should fail \(expected.rawValue)")
            #expect(broken[expected]?.firstFailure?.file == file)
        }
        try record.write(file, nil)
        let missing = try await Records.verify(record.root, cache: cache)
        #expect(missing[.v12C]?.firstFailure?.message.contains("neither a primary nonce nor a decryption") == true)
    }
}
