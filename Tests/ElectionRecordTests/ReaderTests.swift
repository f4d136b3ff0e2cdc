import ElectionRecord
import Foundation
import Testing

/// The reader on partial and damaged records.
@Suite("reading record directories")
struct ReaderTests {
    @Test("the stage follows the files present, as egk infers it")
    func stages() throws {
        let base = ["constants.json", "manifest.json", "election_config.json"]
        try withRecordCopy(only: base) { record in
            #expect(record.stage == .configured)
            let devices = try record.devices()
            let trustees = try record.trustees()
            let plaintexts = try record.plaintextBallots()
            #expect(devices.isEmpty && trustees.isEmpty && plaintexts.isEmpty)
            #expect(Array(record.challengedBallotFiles()).isEmpty)
            #expect(throws: ElectionRecordError.missingFile(file: "election_initialized.json")) { try record.initialized() }
        }
        try withRecordCopy(only: base + ["election_initialized.json"]) { record in
            #expect(record.stage == .initialized)
        }
        try withRecordCopy(only: base + ["election_initialized.json", Fixture.ballotFile("id-1"), "encrypted_tally.json"]) { record in
            #expect(record.stage == .tallied)
        }
    }

    @Test("ballots are read only when the sequence reaches them; a bad file is a failure and reading goes on")
    func lazyBallots() throws {
        let good = try Fixture.text(Fixture.ballotFile("id-1"))
        let changes: [String: String?] = [
            "encrypted_ballots/\(Fixture.device)/eballot-bad.json": "{\"ballot_id\": 7}",
            Fixture.ballotFile("id-2"): good,
        ]
        try withRecordCopy(only: [Fixture.ballotFile("id-1")], changing: changes) { record in
            // Making the sequence reads nothing, so it cannot fail on the bad file.
            let ballots = try record.ballots(device: Fixture.device)
            var successes = 0
            var failures = [ElectionRecordError]()
            for result in ballots {
                switch result {
                case .success(let ballot): successes += ballot.ballotId == "id-1" ? 1 : 0
                case .failure(let error): failures.append(error)
                }
            }
            #expect(successes == 2)
            #expect(failures == [.wrongType(file: "encrypted_ballots/\(Fixture.device)/eballot-bad.json", field: "ballot_id",
                                            expected: "a string", found: "the number 7")])
        }
    }

    @Test("a chain naming a ballot that is not there gives missingFile for that ballot")
    func chainWithMissingBallot() throws {
        let chain = """
            {
                "encrypting_device": "\(Fixture.device)",
                "baux0": "",
                "ballot_ids": ["id-1", "id-404"],
                "last_confirmation_code": "\(String(repeating: "A", count: 64))",
                "chaining": true
            }
            """
        try withRecordCopy(only: [Fixture.ballotFile("id-1")],
                           changing: ["encrypted_ballots/\(Fixture.device)/ballot_chain.json": chain]) { record in
            let files = try record.ballotFiles(device: Fixture.device)
            #expect(files.isChainOrder && files.map(\.name) == ["eballot-id-1.json", "eballot-id-404.json"])
            #expect(throws: ElectionRecordError.missingFile(file: Fixture.ballotFile("id-404"))) {
                try record.ballot(Array(files)[1])
            }
        }
        let hostile = chain.replacingOccurrences(of: "\"id-404\"", with: "\"../../constants\"")
        let error = try withRecordCopy(only: [], changing: ["encrypted_ballots/\(Fixture.device)/ballot_chain.json": hostile]) { record in
            #expect(throws: ElectionRecordError.self) { try record.ballotFiles(device: Fixture.device) }
        }
        #expect(error == .invalidValue(file: "encrypted_ballots/\(Fixture.device)/ballot_chain.json", field: "ballot_ids[1]",
                                       problem: .violates("\"../../constants\" cannot name a record file: it contains '/'")))
    }
}
