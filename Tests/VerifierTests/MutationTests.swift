import TestSupport
import ElectionRecord
import Foundation
import Testing
@testable import Verifier

/// Single changes drawn at random across a record must each fail verification, naming the right step.
/// Each mutation is applied to a working copy, verified (unchanged ballot files come from a
/// `VerificationCache`, so only what changed is verified again), and undone.
@Suite("mutations are caught", .serialized)
struct MutationTests {
    /// Verifies `record` under each mutation; returns the ones not caught as expected.
    static func run(_ mutations: [Mutation], on record: MutableRecord) async throws -> [String] {
        let cache = VerificationCache()
        let baseline = try await Records.verify(record.root, cache: cache)
        #expect(baseline.passed, "the unmutated copy passes")
        var missed = [String]()
        for mutation in mutations {
            try mutation.apply(record)
            let report = try await Records.verify(record.root, cache: cache)
            try record.restore()
            let failed = Set(report.failures.map(\.id))
            if failed.isDisjoint(with: mutation.expected) {
                missed.append("\(mutation): failed \(failed.map(\.rawValue).sorted())")
            }
        }
        return missed
    }

    @Test("a demo record: hundreds of mutations of single fields and of structure, every one caught by the right check")
    func demoRecord() async throws {
        let start = Date()
        let record = try MutableRecord(copying: try await Records.smallDemo.value)
        var catalog = MutationCatalog(record: record, random: SeededGenerator(seed: 2026))
        var mutations = [Mutation]()
        let ballots = try catalog.ballots()
        for _ in 0..<90 {
            let ballot = catalog.pick(ballots)
            mutations += try catalog.fieldMutations(ballot.file, count: 1) {
                MutationCatalog.ballotExpectation($0, ballot: ballot, referendum: true)
            }
        }
        for (file, count) in [(RecordLayout.constants, 4), (RecordLayout.config, 8), (RecordLayout.initialized, 16),
                              (RecordLayout.encryptedTally, 10), (RecordLayout.tally, 16), ("referendum/totals.json", 14),
                              ("referendum/results.json", 10)] {
            mutations += try catalog.fieldMutations(file, count: count) { MutationCatalog.recordExpectation(file, $0, chaining: true) }
        }
        let chains = record.files(under: RecordLayout.encryptedBallots).filter { $0.hasSuffix(RecordLayout.ballotChain) }
        for _ in 0..<8 {
            let chain = catalog.pick(chains)
            mutations += try catalog.fieldMutations(chain, count: 1) { MutationCatalog.recordExpectation(chain, $0, chaining: true) }
        }
        mutations += try catalog.referendumMutations(count: 50)
        mutations += try catalog.structureMutations(chaining: true)
        let missed = try await Self.run(mutations, on: record)
        #expect(mutations.count >= 240)
        #expect(missed.isEmpty, "\(missed.count) of \(mutations.count) mutations not caught as expected:\n\(missed.joined(separator: "\n"))")
        print("mutation test: \(mutations.count) mutations of the demo record, \(missed.count) missed, \(Int(Date().timeIntervalSince(start))) s")
    }

    @Test("egk's record: mutations of ballots, keys and the tally are caught")
    func egkRecord() async throws {
        let start = Date()
        let record = try MutableRecord(copying: Records.egk)
        var catalog = MutationCatalog(record: record, random: SeededGenerator(seed: 194))
        var mutations = [Mutation]()
        let ballots = try catalog.ballots()
        for _ in 0..<8 {
            let ballot = catalog.pick(ballots)
            mutations += try catalog.fieldMutations(ballot.file, count: 1) {
                MutationCatalog.ballotExpectation($0, ballot: ballot, referendum: false)
            }
        }
        for (file, count) in [(RecordLayout.initialized, 3), (RecordLayout.encryptedTally, 3), (RecordLayout.tally, 3)] {
            mutations += try catalog.fieldMutations(file, count: count) { MutationCatalog.recordExpectation(file, $0, chaining: false) }
        }
        mutations += try catalog.structureMutations(chaining: false).filter { !$0.name.hasPrefix("drop") || $0.name.contains("CAST") }
        let missed = try await Self.run(mutations, on: record)
        #expect(missed.isEmpty, "\(missed.count) of \(mutations.count) mutations not caught as expected:\n\(missed.joined(separator: "\n"))")
        print("mutation test: \(mutations.count) mutations of egk's record, \(missed.count) missed, \(Int(Date().timeIntervalSince(start))) s")
    }
}

/// The mutation test's own controls: rewriting a file without changing its content is not a mutation,
/// and a field that spec 2.0 binds to nothing is not caught (so the test can tell caught from missed).
@Suite("mutation test controls")
struct MutationControlTests {
    @Test("rewritten but unchanged files pass; a CAST ballot's contest data, bound by no 2.0 check, is not caught")
    func controls() async throws {
        let record = try MutableRecord(copying: try await Records.smallDemo.value)
        var catalog = MutationCatalog(record: record, random: SeededGenerator(seed: 7))
        let cast = try catalog.ballots().first { $0.state == "CAST" }!
        let unchanged = [cast.file, RecordLayout.tally, RecordLayout.encryptedTally, "referendum/totals.json"].map { file in
            Mutation(name: "\(file) rewritten", expected: [.v1A]) { try $0.editJSON(file) { _ in } }
        }
        let contestData = try catalog.fieldMutations(cast.file, count: 1) { leaf in leaf.text.hasSuffix("encrypted_contest_data.c2") ? [.v1A] : nil }
        #expect(contestData.count == 1)
        let cache = VerificationCache()
        for mutation in unchanged + contestData {
            try mutation.apply(record)
            let report = try await Records.verify(record.root, cache: cache)
            try record.restore()
            #expect(report.passed, "\(mutation.name): \(report.failures.map { $0.firstFailure?.description ?? "" })")
        }
    }
}
