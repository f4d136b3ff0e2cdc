import ElectionGuard
import ElectionRecord
import Foundation
import Testing

/// Writing records: egk's bytes from domain values, atomically or not at all.
@Suite("writing records")
struct WriterTests {
    @Test("a record written from the values read from egk's record is egk's record, byte for byte")
    func rewriteFixture() throws {
        // Two of the eleven ballots keep the test quick; the re-encoding tests cover every ballot's text.
        let ballots = ["id-2", "id-11"]
        let expectedFiles = try Fixture.files().filter { file in
            !file.hasPrefix("encrypted_ballots/") || ballots.contains { file == Fixture.ballotFile($0) }
        }
        let source = try Fixture.record()
        try withTemporaryDirectory { directory in
            let target = directory + "/copy"
            try ElectionRecordWriter.write(to: target) { writer in
                try writer.write(constants: source.constants())
                try writer.write(manifest: source.manifest())
                try writer.write(config: source.config())
                try writer.write(initialized: source.initialized())
                for files in try source.allBallotFiles() {
                    for file in files where ballots.contains(where: { file.ballotIdFromName == $0 }) {
                        try writer.append(try source.ballot(file))
                    }
                }
                try writer.write(encryptedTally: source.encryptedTally())
                try writer.write(tally: source.tally())
                for trustee in try source.trustees() { try writer.write(trustee: trustee) }
                for ballot in try source.plaintextBallots() { try writer.write(plaintextBallot: ballot) }
            }
            #expect(try entries(directory) == ["copy"])
            let written = try ElectionRecordDirectory(root: target)
            for file in expectedFiles {
                let bytes = try written.bytes(file)
                let expected = try Fixture.bytes(file)
                #expect(bytes == expected, "\(file): \(firstDifference(bytes, expected))")
            }
            let writtenFiles = FileManager.default.enumerator(atPath: target)?.allObjects.compactMap { $0 as? String }
                .filter { !$0.hasSuffix("encrypted_ballots") && !$0.hasSuffix(Fixture.device) && !$0.hasSuffix("private_data")
                          && !$0.hasSuffix("input") && !$0.hasSuffix("trustees") }
            #expect(writtenFiles?.sorted() == expectedFiles)
        }
    }

    @Test("a failure halfway through leaves no record and no staging directory")
    func failureLeavesNothing() throws {
        struct Interrupted: Error {}
        let source = try Fixture.record()
        let ballot = try Fixture.sampleBallot.get()
        try withTemporaryDirectory { directory in
            let target = directory + "/record"
            #expect(throws: Interrupted.self) {
                try ElectionRecordWriter.write(to: target) { writer in
                    try writer.write(constants: .standard)
                    try writer.write(manifest: source.manifest())
                    try writer.append(ballot)
                    #expect(try entries(directory).count == 1 && entries(directory)[0].hasPrefix(".record.writing-"))
                    throw Interrupted()
                }
            }
            #expect(try entries(directory) == [])

            // The writer's own failure: the same ballot twice on one device.
            #expect(throws: ElectionRecordError.duplicate(file: Fixture.ballotFile("id-1"))) {
                try ElectionRecordWriter.write(to: target) { writer in
                    try writer.write(constants: .standard)
                    try writer.append(ballot)
                    try writer.append(ballot.withState(.challenged))
                }
            }
            #expect(try entries(directory) == [])

            // A failure at commit: something appeared at the target meanwhile.
            #expect(throws: ElectionRecordError.destinationExists(path: target)) {
                try ElectionRecordWriter.write(to: target) { writer in
                    try writer.write(constants: .standard)
                    try FileManager.default.createDirectory(atPath: target + "/other", withIntermediateDirectories: true)
                }
            }
            #expect(try entries(directory) == ["record"])
            #expect(try entries(target) == ["other"])

            // A writer dropped without commit cleans up after itself.
            do {
                let writer = try ElectionRecordWriter(target: directory + "/dropped")
                try writer.write(constants: .standard)
            }
            #expect(try entries(directory) == ["record"])
        }
    }

    @Test("discarding a record never follows a symbolic link out of the staging directory")
    func discardKeepsLinkedFiles() throws {
        struct Interrupted: Error {}
        try withTemporaryDirectory { directory in
            let outside = directory + "/keep"
            try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: outside + "/file"))
            #expect(throws: Interrupted.self) {
                try ElectionRecordWriter.write(to: directory + "/record") { writer in
                    try FileManager.default.createSymbolicLink(atPath: writer.staging + "/link", withDestinationPath: outside)
                    throw Interrupted()
                }
            }
            #expect(try entries(directory) == ["keep"])
            #expect(try entries(outside) == ["file"])
        }
    }

    @Test("an existing record is kept unless replacing is asked; replacing swaps it whole")
    func replacing() throws {
        try withTemporaryDirectory { directory in
            let target = directory + "/record"
            try ElectionRecordWriter.write(to: target) { try $0.write(constants: .standard) }
            #expect(throws: ElectionRecordError.destinationExists(path: target)) {
                try ElectionRecordWriter(target: target)
            }
            let manifest = try Fixture.record().manifest()
            try ElectionRecordWriter.write(to: target + "/", replacing: true) { try $0.write(manifest: manifest) }
            #expect(try entries(directory) == ["record"])
            #expect(try entries(target) == ["manifest.json"])

            let writer = try ElectionRecordWriter(target: directory + "/other")
            for path in ["../escape.json", "/etc/x.json", "a//b.json", "./c.json"] {
                #expect(throws: ElectionRecordError.invalidName(name: path, reason: "a record file is a relative path inside the record")) {
                    try writer.write(bytes: [1], to: path)
                }
            }
            try writer.commit()
            #expect(try entries(directory) == ["other", "record"])
            #expect(throws: ElectionRecordError.writeFailed(file: "tally.json", reason: "the record was already committed")) {
                try writer.write(bytes: [], to: "tally.json")
            }
        }
    }

    @Test("ids become file names as egk makes them; ids that cannot be file names are refused")
    func names() throws {
        let ballot = try Fixture.sampleBallot.get()
        try withTemporaryDirectory { directory in
            let target = directory + "/record"
            try ElectionRecordWriter.write(to: target) { writer in
                try writer.append(ballot.renamed(id: "ballot 7", device: "station 12 mobile"))
                for bad in ["", "..", "a/b", "x\u{0}y"] {
                    #expect(throws: ElectionRecordError.self) { try writer.append(ballot.renamed(id: bad, device: "d")) }
                }
                #expect(throws: ElectionRecordError.invalidName(name: "../up", reason: "it contains '/'")) {
                    try writer.append(ballot.renamed(id: "b", device: "../up"))
                }
            }
            let record = try ElectionRecordDirectory(root: target)
            #expect(try record.devices() == ["station_12_mobile"])
            let files = Array(try record.ballotFiles(device: "station 12 mobile"))
            #expect(files.map(\.path) == ["encrypted_ballots/station_12_mobile/eballot-ballot_7.json"])
            let read = try record.ballot(files[0])
            #expect(read.ballotId == "ballot 7" && files[0].matches(read))
            #expect(files[0].ballotIdFromName == "ballot_7")
        }
    }

    @Test("with a ballot chain, ballots are listed in chain order; without, every file of the device")
    func chainOrder() throws {
        let sample = try Fixture.sampleBallot.get()
        let ballots = ["id-5", "id-1", "id-3"].map { sample.renamed(id: $0, device: Fixture.device) }
        try withTemporaryDirectory { directory in
            let target = directory + "/record"
            try ElectionRecordWriter.write(to: target) { writer in
                for ballot in ballots {
                    try writer.append(ballot.renamed(id: ballot.ballotId, device: "chained"))
                    try writer.append(ballot.renamed(id: ballot.ballotId, device: "unchained"))
                }
                try writer.write(ballotChain: BallotChainRecord(
                    encryptingDevice: "chained", baux0: Array("device information".utf8), ballotIds: ballots.map(\.ballotId),
                    lastConfirmationCode: ballots[2].ballot.confirmationCode, chaining: true,
                    closingHash: ballots[0].ballot.confirmationCode, metadata: ["device": "chained", "clerk": "A. N. Other"]))
            }
            let record = try ElectionRecordDirectory(root: target)
            #expect(try record.devices() == ["chained", "unchained"])
            let chained = try record.ballotFiles(device: "chained")
            #expect(chained.isChainOrder)
            #expect(chained.map(\.name) == ["eballot-id-5.json", "eballot-id-1.json", "eballot-id-3.json"])
            let unchained = try record.ballotFiles(device: "unchained")
            #expect(!unchained.isChainOrder)
            #expect(unchained.map(\.name).sorted() == ["eballot-id-1.json", "eballot-id-3.json", "eballot-id-5.json"])

            let chain = try #require(try record.ballotChain(device: "chained"))
            #expect(chain.metadata.map(\.key) == ["device", "clerk"])
            #expect(chain.closingHash == ballots[0].ballot.confirmationCode)
            let text = String(decoding: try record.bytes("encrypted_ballots/chained/ballot_chain.json"), as: UTF8.self)
            #expect(text.hasPrefix("{\n    \"encrypting_device\": \"chained\",\n    \"baux0\": \"64657669636520696E666F726D6174696F6E\",\n    \"ballot_ids\": [\n        \"id-5\","))
            #expect(text.hasSuffix("\"metadata\": {\n        \"device\": \"chained\",\n        \"clerk\": \"A. N. Other\"\n    }\n}"))
        }
    }

    @Test("a challenged ballot with a primary nonce, its decryption with contest data, written and read back")
    func challengedBallot() throws {
        let read = try Fixture.sampleBallot.get().renamed(id: "id-4", device: Fixture.device)
        let nonce = try UInt256(hex: String(repeating: "0A", count: 32))
        let challenged = RecordedBallot(
            ballot: read.ballot.with(state: .challenged), electionId: read.electionId, encryptedSerialNumber: nil,
            isPreencrypt: false, primaryNonce: nonce)
        // Values of the right shapes; whether the proofs verify is the verifier's concern, not the format's.
        let contest = read.ballot.contests[0]
        let proof = DecryptionProof(challenge: contest.proof.challenges[0], response: contest.proof.responses[0])
        let selections = contest.selections.map {
            DecryptedTallyOrBallot.Selection(selectionId: $0.selectionId, tally: 0, bOverM: .one, ciphertext: $0.ciphertext, proof: proof)
        }
        let decryption = DecryptedTallyOrBallot(
            id: "id-4",
            contests: [DecryptedTallyOrBallot.Contest(
                contestId: contest.contestId, selections: selections,
                contestData: .init(contestData: ContestData(status: .overVote, overVotes: [1, 3], writeIns: ["Zaphod \"B\"\n\u{1}é"]),
                                   ciphertext: contest.contestData, proof: proof, beta: contest.selections[0].ciphertext.pad))],
            electionId: read.electionId)
        try withTemporaryDirectory { directory in
            let target = directory + "/record"
            try ElectionRecordWriter.write(to: target) { writer in
                try writer.append(challenged)
                try writer.write(challengedBallot: decryption)
            }
            let record = try ElectionRecordDirectory(root: target)
            let ballot = try record.ballot(BallotFile(device: Fixture.device, ballotId: "id-4"))
            #expect(ballot == challenged)
            let ballotText = String(decoding: try record.bytes(Fixture.ballotFile("id-4")), as: UTF8.self)
            #expect(ballotText.hasSuffix("    \"state\": \"SPOILED\",\n    \"is_preencrypt\": false,\n    \"primary_nonce\": \"\(nonce.hex)\"\n}"))
            #expect(!ballotText.contains("encrypted_sn") && !ballotText.contains("pre_encryption"))

            #expect(Array(record.challengedBallotFiles()) == ["challenged_ballots/dballot-id-4.json"])
            #expect(try record.challengedBallot(id: "id-4") == decryption)
            let text = String(decoding: try record.bytes("challenged_ballots/dballot-id-4.json"), as: UTF8.self)
            #expect(text.contains("""
                "decrypted_contest_data": {
                                "contest_data": {
                                    "over_votes": [
                                        1,
                                        3
                                    ],
                                    "write_ins": [
                                        "Zaphod \\"B\\"\\n\\u0001é"
                                    ],
                                    "status": "over_vote"
                                },
                                "encrypted_contest_data": {
                """))
        }
    }
}

extension RecordedBallot {
    func withState(_ state: EncryptedBallot.State) -> RecordedBallot {
        RecordedBallot(ballot: ballot.with(state: state), electionId: electionId, encryptedSerialNumber: encryptedSerialNumber,
                       isPreencrypt: isPreencrypt, primaryNonce: primaryNonce, preEncryptions: preEncryptions)
    }

    func renamed(id: String, device: String) -> RecordedBallot {
        let renamed = EncryptedBallot(
            ballotId: id, styleId: ballot.styleId, encryptingDevice: device, timestamp: ballot.timestamp, codeBaux: ballot.codeBaux,
            confirmationCode: ballot.confirmationCode, contests: ballot.contests, state: ballot.state)
        return RecordedBallot(ballot: renamed, electionId: electionId, encryptedSerialNumber: encryptedSerialNumber,
                              isPreencrypt: isPreencrypt, primaryNonce: primaryNonce, preEncryptions: preEncryptions)
    }
}
