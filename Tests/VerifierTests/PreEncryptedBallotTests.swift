import ElectionGuard
import ElectionRecord
import Foundation
import TestSupport
import Testing
@testable import Verifier

/// Verifications 15–18 on a pre-encrypted ballot: one made with the public values of egk's record
/// (its key, H_E and manifest) and added to a copy of it, neither cast nor challenged, so the tally
/// is unchanged.
@Suite("pre-encrypted ballots")
struct PreEncryptedBallotTests {
    /// A copy of egk's record with one pre-encrypted ballot (every contest's first option chosen).
    static func recordWithPreEncryptedBallot() throws -> (path: String, file: String) {
        let path = try Records.copy(Records.egk)
        let record = try ElectionRecordDirectory(root: path)
        let initialized = try record.initialized()
        let style = "ballotStyle"
        let contests = try #require(try record.manifest().contests(forBallotStyle: style))
        let preEncryptor = PreEncryptor(publicKey: ElGamalPublicKey(initialized.jointPublicKey), extendedBaseHash: initialized.extendedBaseHash,
                                        contests: contests, dialect: .v2_0_0)
        var generator = SeededGenerator(seed: 1517)
        let primaryNonce = UInt256.random(using: &generator)
        let device = try #require(try record.devices().first)
        let sample = try record.ballot(try #require(try record.ballotFiles(device: device).first { _ in true }))
        let ballot = preEncryptor.preEncrypt(ballotId: "pre-1", styleId: style, primaryNonce: primaryNonce, codeBaux: sample.ballot.codeBaux)
        let codes = Dictionary(uniqueKeysWithValues: ballot.contests.map { ($0.contestId, [$0.rows[0].shortCode]) })
        let recorded = try preEncryptor.record(ballot, primaryNonce: primaryNonce, selectedCodes: codes, device: device,
                                               timestamp: sample.ballot.timestamp, state: .unknown)
        let file = "encrypted_ballots/\(device)/eballot-pre-1.json"
        let json = EncryptedBallotJSON(RecordedBallot(ballot: recorded.ballot, electionId: sample.electionId, isPreencrypt: true,
                                                      preEncryptions: recorded.contests))
        try JSONEncoder().encode(json).write(to: URL(fileURLWithPath: "\(path)/\(file)"))
        return (path, file)
    }

    @Test("a pre-encrypted ballot passes 15-18 and every other check; a short code or a selection hash changed fails it")
    func preEncryptedBallot() async throws {
        let (path, file) = try Self.recordWithPreEncryptedBallot()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = try await Records.verify(path)
        #expect(report.passed, "\(report.failures.map { "\($0.id.rawValue): \($0.firstFailure?.description ?? "")" })")
        #expect(report[.v15]?.status == .passed && report[.v15]?.checked == 1)
        #expect(report[.v7B]?.checked == 11, "the pre-encrypted ballot's code is checked by 15-18, not 7.B")

        let url = URL(fileURLWithPath: "\(path)/\(file)")
        let original = try Data(contentsOf: url)
        for change in ["short_code", "selection_hash"] {
            var object = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
            var contests = try #require(object["contests"] as? [[String: Any]])
            var data = try #require(contests[3]["pre_encryption"] as? [String: Any])
            var vectors = try #require(data["selected_vectors"] as? [[String: Any]])
            let value = try #require(vectors[0][change] as? String)
            vectors[0][change] = (value.first == "0" ? "1" : "0") + value.dropFirst()
            data["selected_vectors"] = vectors
            contests[3]["pre_encryption"] = data
            object["contests"] = contests
            try JSONSerialization.data(withJSONObject: object).write(to: url)
            let tampered = try await Records.verify(path)
            #expect(tampered[.v15]?.status == .failed, "\(change)")
            #expect(tampered[.v15]?.firstFailure?.file == file, "\(change)")
        }
    }
}
