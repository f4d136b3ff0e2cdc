import TestSupport
import ElectionRecord
import Foundation
import Testing
@testable import Verifier

/// Broken input (truncated JSON, wrong types, numbers out of range, missing or stray files) fails the
/// checks that need it, with a message naming the file and the field; nothing crashes and the other
/// checks still run.
@Suite("malformed input", .serialized)
struct MalformedInputTests {
    /// Applies `change` to a copy of the demo record and verifies it.
    static func verify(_ change: (MutableRecord) throws -> Void) async throws -> VerificationReport {
        let record = try MutableRecord(copying: try await Records.smallDemo.value)
        try change(record)
        return try await Records.verify(record.root, cache: cache)
    }

    static let cache = VerificationCache()

    static func firstCastBallot(_ record: MutableRecord) throws -> String {
        try MutationCatalog(record: record, random: SeededGenerator(seed: 1)).ballots().first { $0.state == "CAST" }!.file
    }

    /// The first failure of `id`, which must have failed.
    func failure(_ report: VerificationReport, _ id: CheckID, sourceLocation: SourceLocation = #_sourceLocation) throws -> CheckFailure {
        let result = try #require(report[id], sourceLocation: sourceLocation)
        #expect(result.status == .failed, "\(id.rawValue) should fail", sourceLocation: sourceLocation)
        return try #require(result.firstFailure, sourceLocation: sourceLocation)
    }

    @Test("a truncated ballot fails 5.E with its file, line and column; the other ballots are still verified")
    func truncatedBallot() async throws {
        var file = ""
        let report = try await Self.verify { record in
            file = try Self.firstCastBallot(record)
            try record.write(file, try record.data(file).prefix(4_000))
        }
        let truncated = try failure(report, .v5E)
        #expect(truncated.file == file)
        #expect(truncated.message.hasPrefix("5.E line ") && truncated.message.contains("not valid JSON"))
        #expect(report[.v5D]!.status == .passed && report[.v5D]!.checked == 2 * (report.statistics.ballots - 1))
        #expect(report[.v8A]?.status == .failed, "the truncated CAST ballot is missing from the aggregate")
    }

    @Test("wrong JSON types and numbers out of range name the field")
    func wrongTypes() async throws {
        var file = ""
        let report = try await Self.verify { record in
            file = try Self.firstCastBallot(record)
            try record.editJSON(file) { setJSON(&$0, at: [.key("contests"), .index(0), .key("selections"), .index(1), .key("encrypted_vote"), .key("data")], to: 12) }
        }
        let wrongType = try failure(report, .v5E)
        #expect(wrongType.file == file && wrongType.field == "contests[0].selections[1].encrypted_vote.data")
        #expect(wrongType.message.contains("expected a string, found the number 12"))

        let huge = try await Self.verify { record in
            let text = try record.text(try Self.firstCastBallot(record))
            try record.write(try Self.firstCastBallot(record), Data(text.replacingOccurrences(of: "\"votes_allowed\": 1", with: "\"votes_allowed\": 100000000000000000000000").utf8))
        }
        let range = try failure(huge, .v5E)
        #expect(range.field == "contests[0].votes_allowed" && range.message.contains("out of range"))
    }

    @Test("a response not below q fails 5.C, a pad not below p fails 5.A, each naming its field")
    func outOfRange() async throws {
        var file = ""
        let report = try await Self.verify { record in
            file = try Self.firstCastBallot(record)
            try record.editJSON(file) { object in
                setJSON(&object, at: [.key("contests"), .index(0), .key("selections"), .index(0), .key("proof"), .key("proofs"), .index(1), .key("response")],
                        to: String(repeating: "F", count: 64))
            }
        }
        let response = try failure(report, .v5C)
        #expect(response.file == file && response.field == "contests[0].selections[0].proof.proofs[1].response")
        #expect(response.message.contains("not in 0..<q"))
        let pad = try await Self.verify { record in
            try record.editJSON(try Self.firstCastBallot(record)) { object in
                setJSON(&object, at: [.key("contests"), .index(0), .key("selections"), .index(0), .key("encrypted_vote"), .key("pad")],
                        to: String(repeating: "F", count: 1024))
            }
        }
        #expect(try failure(pad, .v5A).field == "contests[0].selections[0].encrypted_vote.pad")
    }

    @Test("each missing record file fails the checks that need it, names it, and the rest still run",
          arguments: [RecordLayout.constants, RecordLayout.manifest, RecordLayout.config, RecordLayout.initialized,
                      RecordLayout.encryptedTally, RecordLayout.tally])
    func missingFile(_ file: String) async throws {
        let report = try await Self.verify { try $0.write(file, nil) }
        #expect(!report.passed)
        let named = report.failures.compactMap(\.firstFailure).filter { $0.file == file && $0.message.contains("file is missing") }
        #expect(!named.isEmpty, "\(report.failures.map { $0.firstFailure?.description ?? "" })")
        #expect(report[.v7H]?.status == .passed, "the ballots' own files are still read")
        if file != RecordLayout.initialized && file != RecordLayout.manifest {
            #expect(report[.v5D]?.status == .passed, "ballots are still verified without \(file)")
        }
    }

    @Test("a stray file, a broken chain file and a bad CSV cell are reported with file and field")
    func layoutAndReferendumFiles() async throws {
        let report = try await Self.verify { record in
            try record.write("encrypted_ballots/notes.txt", Data("x".utf8))
            let chain = record.files(under: RecordLayout.encryptedBallots).first { $0.hasSuffix(RecordLayout.ballotChain) }!
            try record.write(chain, Data("{\"encrypting_device\": 3}".utf8))
            try record.editLines("referendum/register.csv") { lines in
                var fields = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                fields[2] = "maybe"
                lines[2] = fields.joined(separator: ",")
            }
        }
        #expect(try failure(report, .v5E).file == "encrypted_ballots/notes.txt")
        let chain = try failure(report, .v7D)
        #expect(chain.file.hasSuffix("ballot_chain.json") && chain.field == "encrypting_device")
        let register = try failure(report, .r1)
        #expect(register.file == "referendum/register.csv" && register.field == "line 3: displaced")
        #expect(report[.v5D]?.status == .passed, "the ballots of the device with the broken chain are still verified")
    }

    @Test("garbage and empty files are malformed JSON, not a crash")
    func garbage() async throws {
        let report = try await Self.verify { record in
            try record.write(RecordLayout.tally, Data([0xFF, 0xFE, 0x00, 0x7B]))
            try record.write(RecordLayout.manifest, Data())
        }
        #expect(try failure(report, .v9B).message.contains("not valid JSON"))
        #expect(try failure(report, .v1G).file == RecordLayout.manifest)
    }

    @Test("no directory at the path: recordNotFound")
    func noRecord() async throws {
        await #expect(throws: VerifierError.recordNotFound("/nonexistent/record")) {
            try await Verifier.verify(recordAt: "/nonexistent/record")
        }
    }
}
