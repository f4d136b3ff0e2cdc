import ElectionGuard
@testable import ElectionRecord
import Testing

/// Decoding an egk file and encoding it again gives egk's bytes exactly, both straight through the JSON
/// types and through the domain values (so every conversion is lossless and the writer's text form is
/// egk's).
@Suite("byte-identical re-encoding of egk's files")
struct ReencodingTests {
    /// Every JSON file of the fixture but the manifest (which is never re-encoded; see below).
    static let files: [String] = (try? Fixture.files().filter { $0 != "manifest.json" }) ?? []

    @Test("the fixture has the files the format describes")
    func fixtureFiles() throws {
        #expect(Self.files.count == 30)
        #expect(Self.domainFiles.count == 21)
        #expect(Self.files.contains("tally.json"))
    }

    @Test("decode then encode through the JSON types", arguments: files)
    func throughJSONTypes(file: String) throws {
        let bytes = try Fixture.bytes(file)
        let encoded = try reencode(bytes, file: file)
        #expect(encoded == bytes, "\(file): \(firstDifference(encoded, bytes))")
    }

    /// The files for the round trip through domain values: every kind, but only two of the eleven
    /// ballots (all alike in shape; each costs 222 subgroup checks).
    static let domainFiles = files.filter { !$0.hasPrefix("encrypted_ballots/") || $0.hasSuffix("-1.json") || $0.hasSuffix("-10.json") }

    @Test("decode, convert to domain values, convert back and encode", arguments: domainFiles)
    func throughDomainValues(file: String) throws {
        let bytes = try Fixture.bytes(file)
        let field = RecordField(file: file)
        let encoded: [UInt8]
        switch kind(of: file) {
        case .constants:
            encoded = try RecordJSON.encode(ElectionConstantsJSON(RecordJSON.decode(ElectionConstantsJSON.self, from: bytes, file: file).constants(at: field)))
        case .config:
            encoded = try RecordJSON.encode(ElectionConfigJSON(RecordJSON.decode(ElectionConfigJSON.self, from: bytes, file: file).config(at: field)))
        case .initialized:
            encoded = try RecordJSON.encode(ElectionInitializedJSON(RecordJSON.decode(ElectionInitializedJSON.self, from: bytes, file: file).initialized(at: field)))
        case .ballot:
            encoded = try RecordJSON.encode(EncryptedBallotJSON(RecordJSON.decode(EncryptedBallotJSON.self, from: bytes, file: file).recordedBallot(at: field)))
        case .encryptedTally:
            encoded = try RecordJSON.encode(EncryptedTallyJSON(RecordJSON.decode(EncryptedTallyJSON.self, from: bytes, file: file).tally(at: field)))
        case .tally:
            encoded = try RecordJSON.encode(DecryptedTallyOrBallotJSON(RecordJSON.decode(DecryptedTallyOrBallotJSON.self, from: bytes, file: file).decrypted(at: field)))
        case .trustee:
            encoded = try RecordJSON.encode(DecryptingTrusteeJSON(RecordJSON.decode(DecryptingTrusteeJSON.self, from: bytes, file: file).trustee(at: field)))
        case .plaintext:
            // The domain PlaintextBallot drops sequence orders and sn; rebuild them from the manifest.
            let json = try RecordJSON.decode(PlaintextBallotJSON.self, from: bytes, file: file)
            let manifest = try Fixture.record().manifest()
            let contests = try #require(manifest.contests(forBallotStyle: json.ballot_style))
            encoded = try RecordJSON.encode(PlaintextBallotJSON(json.plaintextBallot(at: field), contests: contests, sn: json.sn))
        }
        #expect(encoded == bytes, "\(file): \(firstDifference(encoded, bytes))")
    }

    @Test("a manifest built from egk's parsed manifest is written with egk's bytes (explicit nulls)")
    func manifest() throws {
        let bytes = try Fixture.bytes("manifest.json")
        let read = try ElectionManifest(bytes: bytes)
        let rebuilt = try ElectionManifest(read.json)
        #expect(rebuilt.bytes == bytes, "\(firstDifference(rebuilt.bytes, bytes))")
        // Without explicit nulls the text differs, and so would H_M: the manifest's bytes must be kept.
        #expect(try RecordJSON.encode(read.json) != bytes)
    }

    @Test("pre-encryption data (absent from egk's record) survives JSON → domain → JSON, placed where egk puts it")
    func preEncryption() throws {
        let file = Fixture.ballotFile("id-1")
        var json = try RecordJSON.decode(EncryptedBallotJSON.self, from: Fixture.bytes(file), file: file)
        let contest = json.contests[0]
        json.is_preencrypt = true
        json.contests[0].pre_encryption = PreEncryptionJSON(
            preencryption_hash: json.confirmation_code,
            all_selection_hashes: [contest.contest_hash, json.election_id],
            selected_vectors: [SelectionVectorJSON(selection_hash: contest.contest_hash, short_code: "7C",
                                                   encryptions: contest.selections.map(\.encrypted_vote))])
        let bytes = try RecordJSON.encode(json)
        let ballot = try RecordJSON.decode(EncryptedBallotJSON.self, from: bytes, file: file).recordedBallot(at: RecordField(file: file))
        #expect(ballot.isPreencrypt && ballot.preEncryptions.count == 20)
        #expect(ballot.preEncryptions[0]?.selectedVectors.first?.encryptions.count == 5)
        #expect(ballot.preEncryptions.dropFirst().allSatisfy { $0 == nil })
        #expect(try RecordJSON.encode(EncryptedBallotJSON(ballot)) == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("""
                            "numBytes": 64
                        },
                        "pre_encryption": {
                            "preencryption_hash": "\(json.confirmation_code)",
                            "all_selection_hashes": [
            """))
    }

    @Test("a change of one value changes the encoding, so the comparisons above can fail")
    func comparisonsCanFail() throws {
        let file = "election_config.json"
        var json = try RecordJSON.decode(ElectionConfigJSON.self, from: Fixture.bytes(file), file: file)
        json.quorum = 2
        #expect(try RecordJSON.encode(json) != (try Fixture.bytes(file)))
    }

    enum Kind { case constants, config, initialized, ballot, encryptedTally, tally, trustee, plaintext }

    func kind(of file: String) -> Kind {
        switch file {
        case "constants.json": .constants
        case "election_config.json": .config
        case "election_initialized.json": .initialized
        case "encrypted_tally.json": .encryptedTally
        case "tally.json": .tally
        case _ where file.hasPrefix("encrypted_ballots/"): .ballot
        case _ where file.hasPrefix("private_data/trustees/"): .trustee
        default: .plaintext
        }
    }

    func reencode(_ bytes: [UInt8], file: String) throws -> [UInt8] {
        switch kind(of: file) {
        case .constants: try RecordJSON.encode(RecordJSON.decode(ElectionConstantsJSON.self, from: bytes, file: file))
        case .config: try RecordJSON.encode(RecordJSON.decode(ElectionConfigJSON.self, from: bytes, file: file))
        case .initialized: try RecordJSON.encode(RecordJSON.decode(ElectionInitializedJSON.self, from: bytes, file: file))
        case .ballot: try RecordJSON.encode(RecordJSON.decode(EncryptedBallotJSON.self, from: bytes, file: file))
        case .encryptedTally: try RecordJSON.encode(RecordJSON.decode(EncryptedTallyJSON.self, from: bytes, file: file))
        case .tally: try RecordJSON.encode(RecordJSON.decode(DecryptedTallyOrBallotJSON.self, from: bytes, file: file))
        case .trustee: try RecordJSON.encode(RecordJSON.decode(DecryptingTrusteeJSON.self, from: bytes, file: file))
        case .plaintext: try RecordJSON.encode(RecordJSON.decode(PlaintextBallotJSON.self, from: bytes, file: file))
        }
    }
}

/// Where two byte strings first differ, with some context, for a readable failure.
func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
    guard let index = (0..<min(a.count, b.count)).first(where: { a[$0] != b[$0] }) ?? (a.count == b.count ? nil : min(a.count, b.count)) else {
        return "identical"
    }
    let context = { (bytes: [UInt8]) in String(decoding: bytes[max(0, index - 40)..<min(bytes.count, index + 40)], as: UTF8.self) }
    return "first difference at byte \(index) (lengths \(a.count), \(b.count)): «\(context(a))» vs «\(context(b))»"
}
