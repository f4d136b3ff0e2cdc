import TestSupport
import ElectionRecord
import Foundation
import Testing
@testable import Verifier

/// Verifying on many machines: four shards and their combination report exactly what one run reports.
@Suite("verifying in shards")
struct ShardTests {
    /// The parts of `count` shards of the record at `path`, each through its JSON as a file would carry it.
    static func parts(_ path: String, count: Int = 4, batch: Bool = true) async throws -> [ShardPart] {
        var parts = [ShardPart]()
        for number in 1...count {
            let random = Locked(SeededGenerator(seed: UInt64(number)))
            let part = try await Verifier.verifyShard(recordAt: path, shard: Shard(number: number, count: count)!, options: VerificationOptions(
                jobs: 2, batch: batch, randomExponent: { random.withLock { $0.next() } }))
            parts.append(try ShardPart.decode(part.jsonData(), source: "part-\(number).json"))
        }
        return parts
    }

    static func combine(_ path: String, _ parts: [ShardPart]) async throws -> VerificationReport {
        let random = Locked(SeededGenerator(seed: 99))
        return try await Verifier.combine(recordAt: path, parts: parts, options: VerificationOptions(
            jobs: 2, randomExponent: { random.withLock { $0.next() } }))
    }

    /// The two reports have the same checks: ids, statuses, counts, first failures and details (5.A's
    /// detail counts the batches, which depend on how the ballots were split).
    static func expectSame(_ combined: VerificationReport, _ single: VerificationReport, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(combined.checks.map(\.id) == single.checks.map(\.id), sourceLocation: sourceLocation)
        for (a, b) in zip(combined.checks, single.checks) {
            let combined = "\(a.status) \(a.failed)/\(a.checked) \(a.firstFailure?.description ?? "-")"
            let single = "\(b.status) \(b.failed)/\(b.checked) \(b.firstFailure?.description ?? "-")"
            #expect(combined == single, "\(a.id.rawValue)", sourceLocation: sourceLocation)
            if a.id != .v5A { #expect(a.detail == b.detail, "\(a.id.rawValue)", sourceLocation: sourceLocation) }
        }
        #expect(combined.passed == single.passed, sourceLocation: sourceLocation)
        #expect(combined.statistics.ballots == single.statistics.ballots, sourceLocation: sourceLocation)
        #expect(combined.statistics.devices == single.statistics.devices, sourceLocation: sourceLocation)
        #expect(combined.statistics.challengedBallotFiles == single.statistics.challengedBallotFiles, sourceLocation: sourceLocation)
    }

    @Test("the split is stable, disjoint and covers every ballot; i/n is 1 ≤ i ≤ n")
    func split() throws {
        let files = (0..<400).map { "encrypted_ballots/device-\($0 % 7)/eballot-\($0).json" }
        let numbers = files.map { Shard.number(of: $0, count: 4) }
        #expect(numbers == files.map { Shard.number(of: $0, count: 4) })
        for number in 1...4 {
            let shard = Shard(number: number, count: 4)!
            #expect(files.filter(shard.contains).count == numbers.filter { $0 == number }.count)
            #expect(numbers.filter { $0 == number }.count > 60, "roughly a quarter each")
        }
        #expect(Shard("2/4") == Shard(number: 2, count: 4))
        for bad in ["0/4", "5/4", "1/0", "-1/4", "2/", "/4", "a/b", "2-4", "1/2/3", " 1/2"] { #expect(Shard(bad) == nil, "\(bad)") }
    }

    @Test("four shards and combine give the demo record's report")
    func demoRecord() async throws {
        let path = try await Records.smallDemo.value
        let single = try await Records.verify(path)
        let parts = try await Self.parts(path)
        #expect(parts.map(\.statistics.ballots).reduce(0, +) == single.statistics.ballots)
        #expect(parts.allSatisfy { $0.statistics.ballots > 0 })
        let combined = try await Self.combine(path, parts)
        #expect(combined.passed)
        Self.expectSame(combined, single)
        let reversed = try await Self.combine(path, parts.reversed())
        Self.expectSame(reversed, single)
    }

    @Test("four shards and combine give the report of egk's records, one with challenged ballots to match")
    func egkRecords() async throws {
        for path in [Records.egk, Records.egkChained] {
            let single = try await Records.verify(path)
            let parts = try await Self.parts(path)
            let combined = try await Self.combine(path, parts)
            #expect(combined.passed)
            #expect(parts.flatMap(\.spoiled).count == (path == Records.egkChained ? 3 : 0), "SPOILED ballots read again for 12.C")
            Self.expectSame(combined, single)
        }
    }

    @Test("shards verifying one by one (--no-batch) give the single one-by-one run's report, 5.A's detail included")
    func oneByOne() async throws {
        let single = try await Records.verify(Records.egk, batch: false)
        let combined = try await Self.combine(Records.egk, try await Self.parts(Records.egk, batch: false))
        #expect(combined.passed)
        Self.expectSame(combined, single)
        #expect(combined[.v5A]?.detail == single[.v5A]?.detail)
        #expect(combined.statistics.batched == false)
    }

    @Test("a changed proof or ciphertext in one shard's ballot is reported by combine as by a single run")
    func mutation() async throws {
        let record = try MutableRecord(copying: try await Records.smallDemo.value)
        let catalog = MutationCatalog(record: record, random: SeededGenerator(seed: 5))
        let cast = try catalog.ballots().filter { $0.state == "CAST" }
        let edits: [(file: String, field: String, expected: CheckID, change: (inout [String: Any]) -> Void)] = [
            (cast[1].file, "response", .v5D, { ballot in
                Self.editSelection(&ballot) { selection in
                    var proof = selection["proof"] as! [String: Any], proofs = proof["proofs"] as! [[String: Any]]
                    proofs[0]["response"] = Self.nudged(proofs[0]["response"] as! String)
                    proof["proofs"] = proofs
                    selection["proof"] = proof
                }
            }),
            (cast[2].file, "encrypted_vote", .v8B, { ballot in
                Self.editSelection(&ballot) { selection in
                    var vote = selection["encrypted_vote"] as! [String: Any]
                    vote["data"] = (selection["encrypted_vote"] as! [String: Any])["pad"]
                    selection["encrypted_vote"] = vote
                }
            }),
        ]
        for edit in edits {
            try record.editJSON(edit.file) { object in
                var ballot = object as! [String: Any]
                edit.change(&ballot)
                object = ballot
            }
            let single = try await Records.verify(record.root)
            let parts = try await Self.parts(record.root)
            let owner = parts.first { $0.shard.contains(edit.file) }!
            #expect(owner.ledger.contains { $0.failed > 0 && $0.first?.failure.file == edit.file })
            let combined = try await Self.combine(record.root, parts)
            try record.restore()
            #expect(!combined.passed)
            #expect(combined[edit.expected]?.status == .failed, "\(edit.field): \(combined.failures.map(\.id.rawValue))")
            Self.expectSame(combined, single)
        }
    }

    @Test("a damaged record gives the same report in shards: a missing key or manifest, a stray file, a truncated ballot",
          arguments: ["no key", "no manifest", "stray file", "truncated ballot", "no chain file"])
    func damagedRecord(_ damage: String) async throws {
        let record = try MutableRecord(copying: try await Records.smallDemo.value)
        let ballots = try MutationCatalog(record: record, random: SeededGenerator(seed: 3)).ballots()
        switch damage {
        case "no key": try record.write(RecordLayout.initialized, nil)
        case "no manifest": try record.write(RecordLayout.manifest, nil)
        case "stray file": try record.write(ballots[0].file.replacingOccurrences(of: "/eballot-", with: "/notes-"), Data("x".utf8))
        case "truncated ballot": try record.write(ballots[3].file, try record.data(ballots[3].file).prefix(3_000))
        default:
            let chain = record.files(under: RecordLayout.encryptedBallots).first { $0.hasSuffix(RecordLayout.ballotChain) }!
            try record.write(chain, nil)
        }
        let single = try await Records.verify(record.root)
        #expect(!single.passed)
        Self.expectSame(try await Self.combine(record.root, try await Self.parts(record.root)), single)
    }

    /// Applies `change` to the first selection of the first contest of `ballot`.
    static func editSelection(_ ballot: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
        var contests = ballot["contests"] as! [[String: Any]]
        var selections = contests[0]["selections"] as! [[String: Any]]
        change(&selections[0])
        contests[0]["selections"] = selections
        ballot["contests"] = contests
    }

    /// The hex number one less (one more if it ends in 0): still below q, no longer the right value.
    static func nudged(_ hex: String) -> String {
        var digits = Array(hex)
        let digit = Int(String(digits[digits.count - 1]), radix: 16)!
        digits[digits.count - 1] = Character(String(digit == 0 ? 1 : digit - 1, radix: 16).uppercased())
        return String(digits)
    }
}
