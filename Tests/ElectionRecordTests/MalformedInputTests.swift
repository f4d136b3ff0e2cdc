import ElectionGuard
import ElectionRecord
import Foundation
import Testing

/// Bad input of every kind gives a typed error naming the file and the field, never a crash.
@Suite("malformed input")
struct MalformedInputTests {
    static let config = "election_config.json"
    static let initialized = "election_initialized.json"
    static let ballot = Fixture.ballotFile("id-1")

    static let pHex = Base16.encode(GroupParameters.largePrime)
    /// p − 1 = −1 mod p: below p but of order 2, so outside the order-q subgroup.
    static let pMinusOneHex = String(pHex.dropLast()) + "E"

    func text(_ file: String) throws -> String { try Fixture.text(file) }

    func config(_ text: String) throws -> ElectionConfig {
        try RecordJSON.decode(ElectionConfigJSON.self, from: Array(text.utf8), file: Self.config)
            .config(at: RecordField(file: Self.config))
    }

    func initialized(_ text: String) throws -> ElectionInitialized {
        try RecordJSON.decode(ElectionInitializedJSON.self, from: Array(text.utf8), file: Self.initialized)
            .initialized(at: RecordField(file: Self.initialized))
    }

    /// The fixture ballot id-1 with `change` applied to its JSON, read from a record directory.
    func ballot(_ change: (inout EncryptedBallotJSON) -> Void) throws -> RecordedBallot {
        var json = try RecordJSON.decode(EncryptedBallotJSON.self, from: Fixture.bytes(Self.ballot), file: Self.ballot)
        change(&json)
        let text = String(decoding: try RecordJSON.encode(json), as: UTF8.self)
        return try withRecordCopy(only: [], changing: [Self.ballot: text]) { record in
            try record.ballot(BallotFile(device: Fixture.device, ballotId: "id-1"))
        }
    }

    @Test("truncated JSON: malformedJSON with the file, line and column")
    func truncated() throws {
        let full = try text(Self.config)
        let cut = String(full.prefix(300))
        let lines = cut.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(throws: ElectionRecordError.malformedJSON(
            file: Self.config, line: lines.count, column: lines.last!.utf8.count + 1,
            reason: "unexpected end of file inside a string (truncated?)")) {
            try config(cut)
        }
        #expect(throws: ElectionRecordError.malformedJSON(file: Self.config, line: 1, column: 1,
                                                          reason: "unexpected end of file (truncated?)")) {
            try config("")
        }
    }

    @Test("a truncated ballot read through the directory names the ballot's file")
    func truncatedBallot() throws {
        let cut = String(try text(Self.ballot).prefix(5000))
        try withRecordCopy(only: [], changing: [Self.ballot: cut]) { record in
            let results = Array(try record.ballots(device: Fixture.device))
            #expect(results.count == 1)
            guard case .failure(let error) = results[0], case .malformedJSON(let file, _, _, _) = error else {
                Issue.record("expected malformedJSON, got \(results[0])")
                return
            }
            #expect(file == Self.ballot)
        }
    }

    @Test("other syntax errors: stray comma, duplicate key, invalid UTF-8, trailing text")
    func syntax() throws {
        let full = try text(Self.config)
        #expect(throws: ElectionRecordError.malformedJSON(file: Self.config, line: 3, column: 28,
                                                          reason: "unexpected ',' where a value should begin")) {
            try config(full.replacingOccurrences(of: "\"number_of_guardians\": 3,", with: "\"number_of_guardians\": ,"))
        }
        #expect(throws: ElectionRecordError.malformedJSON(file: Self.config, line: 5, column: 5,
                                                          reason: "key \"quorum\" appears twice in one object")) {
            try config(full.replacingOccurrences(of: "\"quorum\": 3,", with: "\"quorum\": 3,\n    \"quorum\": 2,"))
        }
        #expect(throws: ElectionRecordError.malformedJSON(file: "x.json", line: 1, column: 12, reason: "string is not valid UTF-8")) {
            _ = try RecordJSON.decode(ManifestJSON.Language.self, from: Array(#"{"value": ""#.utf8) + [0xC3, 0x28] + Array(#"", "language": "en"}"#.utf8), file: "x.json")
        }
        #expect(throws: ElectionRecordError.malformedJSON(file: Self.config, line: 32, column: 2,
                                                          reason: "unexpected '}' after the end of the document")) {
            try config(full + "}")
        }
    }

    @Test("wrong JSON types: wrongType naming the field, expected and found")
    func wrongTypes() throws {
        let full = try text(Self.config)
        #expect(throws: ElectionRecordError.wrongType(file: Self.config, field: "quorum", expected: "an integer", found: "a string")) {
            try config(full.replacingOccurrences(of: "\"quorum\": 3", with: "\"quorum\": \"3\""))
        }
        #expect(throws: ElectionRecordError.wrongType(file: Self.config, field: "quorum", expected: "an integer", found: "the number 3.0")) {
            try config(full.replacingOccurrences(of: "\"quorum\": 3", with: "\"quorum\": 3.0"))
        }
        #expect(throws: ElectionRecordError.wrongType(file: Self.config, field: "chain_confirmation_codes", expected: "true or false", found: "null")) {
            try config(full.replacingOccurrences(of: "\"chain_confirmation_codes\": false", with: "\"chain_confirmation_codes\": null"))
        }
        #expect(throws: ElectionRecordError.wrongType(file: Self.config, field: "", expected: "an object", found: "an array")) {
            try config("[]")
        }
        let initialized = try text(Self.initialized)
        #expect(throws: ElectionRecordError.wrongType(file: Self.initialized, field: "guardians[0].x_coordinate", expected: "an integer", found: "an array")) {
            try self.initialized(initialized.replacingOccurrences(of: "\"x_coordinate\": 1,", with: "\"x_coordinate\": [1],"))
        }
    }

    @Test("missing fields, at the top and deep in a ballot")
    func missingFields() throws {
        let initialized = try text(Self.initialized)
        #expect(throws: ElectionRecordError.missingField(file: Self.initialized, field: "extended_base_hash")) {
            try self.initialized(initialized.replacingOccurrences(of: "\"extended_base_hash\"", with: "\"extended_base_hash_\""))
        }
        let ballot = try text(Self.ballot)
        let lastNumBytes = try #require(ballot.range(of: "\"numBytes\": 64", options: .backwards))
        let cut = ballot.replacingCharacters(in: lastNumBytes, with: "\"numberOfBytes\": 64")
        #expect(throws: ElectionRecordError.missingField(file: Self.ballot, field: "contests[19].encrypted_contest_data.numBytes")) {
            _ = try RecordJSON.decode(EncryptedBallotJSON.self, from: Array(cut.utf8), file: Self.ballot)
        }
    }

    @Test("an element not below p, or zero: out of range, naming the deep field")
    func outOfRangeElement() throws {
        #expect(throws: ElectionRecordError.invalidValue(
            file: Self.ballot, field: "contests[3].selections[1].encrypted_vote.pad", problem: .outOfRange("not in 1..<p"))) {
            try ballot { $0.contests[3].selections[1].encrypted_vote.pad = Self.pHex }
        }
        #expect(throws: ElectionRecordError.invalidValue(
            file: Self.ballot, field: "contests[0].encrypted_contest_data.c0", problem: .outOfRange("not in 1..<p"))) {
            try ballot { $0.contests[0].encrypted_contest_data.c0 = String(repeating: "0", count: 1024) }
        }
        #expect(throws: ElectionRecordError.invalidValue(
            file: Self.ballot, field: "contests[0].proof.proofs[1].challenge", problem: .outOfRange("not in 0..<q"))) {
            try ballot { $0.contests[0].proof.proofs[1].challenge = String(repeating: "F", count: 64) }
        }
    }

    @Test("an element below p but outside the order-q subgroup: notInSubgroup")
    func notInSubgroup() throws {
        let original = try text(Self.initialized)
        let key = try RecordJSON.decode(ElectionInitializedJSON.self, from: Array(original.utf8), file: Self.initialized).joint_public_key
        #expect(throws: ElectionRecordError.invalidValue(file: Self.initialized, field: "joint_public_key", problem: .notInSubgroup)) {
            try initialized(original.replacingOccurrences(of: key, with: Self.pMinusOneHex))
        }
        #expect(throws: ElectionRecordError.invalidValue(file: Self.ballot, field: "encrypted_sn.data", problem: .notInSubgroup)) {
            try ballot { $0.encrypted_sn?.data = Self.pMinusOneHex }
        }
    }

    @Test("lower-case hex is accepted; a wrong width is rejected, even with leading zeros")
    func hexCaseAndWidth() throws {
        let original = try text(Self.initialized)
        let json = try RecordJSON.decode(ElectionInitializedJSON.self, from: Array(original.utf8), file: Self.initialized)
        let lower = try initialized(original.replacingOccurrences(of: json.joint_public_key, with: json.joint_public_key.lowercased())
            .replacingOccurrences(of: json.extended_base_hash, with: json.extended_base_hash.lowercased()))
        #expect(lower == (try initialized(original)))

        #expect(throws: ElectionRecordError.invalidValue(
            file: Self.initialized, field: "extended_base_hash", problem: .wrongWidth(expectedDigits: 64, actualDigits: 62))) {
            try initialized(original.replacingOccurrences(of: json.extended_base_hash, with: String(json.extended_base_hash.dropFirst(2))))
        }
        #expect(throws: ElectionRecordError.invalidValue(
            file: Self.initialized, field: "joint_public_key", problem: .wrongWidth(expectedDigits: 1024, actualDigits: 1026))) {
            try initialized(original.replacingOccurrences(of: json.joint_public_key, with: "00" + json.joint_public_key))
        }
        #expect(throws: ElectionRecordError.invalidValue(
            file: Self.ballot, field: "contests[0].selections[0].proof.proofs[0].response", problem: .wrongWidth(expectedDigits: 64, actualDigits: 66))) {
            try ballot { $0.contests[0].selections[0].proof.proofs[0].response = "00" + $0.contests[0].selections[0].proof.proofs[0].response }
        }
        #expect(throws: ElectionRecordError.invalidValue(file: Self.ballot, field: "code_baux", problem: .notHexadecimal)) {
            try ballot { $0.code_baux = "ABC" }
        }
        #expect(throws: ElectionRecordError.invalidValue(file: Self.ballot, field: "confirmation_code", problem: .notHexadecimal)) {
            try ballot { $0.confirmation_code = "0x" + String($0.confirmation_code.dropFirst(2)) }
        }
    }

    @Test("numbers and names out of their ranges")
    func ranges() throws {
        let full = try text(Self.config)
        #expect(throws: ElectionRecordError.invalidValue(file: Self.config, field: "baux0[2]", problem: .outOfRange("200 is not in -128...127"))) {
            try config(full.replacingOccurrences(of: "118,", with: "200,"))
        }
        #expect(throws: ElectionRecordError.invalidValue(file: Self.config, field: "quorum", problem: .outOfRange("4 is not in 1...3"))) {
            try config(full.replacingOccurrences(of: "\"quorum\": 3", with: "\"quorum\": 4"))
        }
        #expect(throws: ElectionRecordError.invalidValue(file: Self.config, field: "number_of_guardians",
                                                         problem: .outOfRange("99999999999999999999 is not in \(Int.min)...\(Int.max)"))) {
            try config(full.replacingOccurrences(of: "\"number_of_guardians\": 3", with: "\"number_of_guardians\": 99999999999999999999"))
        }
        #expect(throws: ElectionRecordError.invalidValue(file: Self.ballot, field: "state",
                                                         problem: .unknownName("CHALLENGED", allowed: ["CAST", "SPOILED", "UNKNOWN"]))) {
            try ballot { $0.state = "CHALLENGED" }
        }
        #expect(throws: ElectionRecordError.invalidValue(file: Self.ballot, field: "contests[5].encrypted_contest_data.numBytes",
                                                         problem: .outOfRange("65 is not in 0...64"))) {
            try ballot { $0.contests[5].encrypted_contest_data.numBytes = 65 }
        }
        #expect(throws: ElectionRecordError.invalidValue(file: Self.ballot, field: "contests[2].selections[4].proof.proofs",
                                                         problem: .violates("a range proof has at least one part"))) {
            try ballot { $0.contests[2].selections[4].proof.proofs = [] }
        }
        let initialized = try text(Self.initialized)
        let emptied = initialized.replacingOccurrences(of: #""coefficient_proofs": \[[^\]]*\]"#, with: "\"coefficient_proofs\": []",
                                                       options: .regularExpression)
        #expect(throws: ElectionRecordError.invalidValue(file: Self.initialized, field: "guardians[0].coefficient_proofs",
                                                         problem: .violates("a guardian has at least one coefficient proof"))) {
            try self.initialized(emptied)
        }
    }

    @Test("missing files and a broken layout")
    func missingFiles() throws {
        try withRecordCopy(changing: ["tally.json": nil, "encrypted_ballots/loose.json": "{}"]) { record in
            #expect(record.stage == .tallied)
            #expect(throws: ElectionRecordError.missingFile(file: "tally.json")) { try record.tally() }
            #expect(throws: ElectionRecordError.invalidLayout(
                file: "encrypted_ballots/loose.json",
                reason: "not a directory; egk reads every entry of encrypted_ballots/ as a device directory")) {
                try record.devices()
            }
            #expect(throws: ElectionRecordError.missingFile(file: "encrypted_ballots/elsewhere")) {
                try record.ballotFiles(device: "elsewhere")
            }
        }
        #expect(throws: ElectionRecordError.missingFile(file: "/nonexistent/record")) {
            try ElectionRecordDirectory(root: "/nonexistent/record")
        }
    }
}
