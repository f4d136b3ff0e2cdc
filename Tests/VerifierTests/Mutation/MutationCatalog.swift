import TestSupport
import ElectionRecord
import Foundation
@testable import Verifier

/// One change to a record and the checks that must catch it (at least one of them must fail).
struct Mutation: CustomStringConvertible {
    let name: String
    let expected: Set<CheckID>
    let apply: (MutableRecord) throws -> Void

    var description: String { "\(name) -> \(expected.map(\.rawValue).sorted().joined(separator: "|"))" }
}

/// Draws mutations at random (from a seed) across a record: single fields of every file, and changes
/// of structure (ballots dropped or duplicated, states, chains, rows of the referendum's files).
struct MutationCatalog {
    let record: MutableRecord
    var random: SeededGenerator

    /// What the record holds, read once.
    struct BallotInfo {
        let file: String
        let state: String
        let hasNonce: Bool
        let json: Any
    }

    func ballots() throws -> [BallotInfo] {
        try record.files(under: RecordLayout.encryptedBallots).filter { $0.hasSuffix(".json") && !$0.hasSuffix(RecordLayout.ballotChain) }.map { file in
            let json = try JSONSerialization.jsonObject(with: try record.data(file))
            let object = json as! [String: Any]
            return BallotInfo(file: file, state: object["state"] as! String, hasNonce: object["primary_nonce"] != nil, json: json)
        }
    }

    mutating func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }

    // MARK: single fields

    /// A digit of a hex field, or an integer field, of `file`, drawn from the leaves `expectation` knows.
    mutating func fieldMutations(_ file: String, count: Int, expectation: (JSONLeaf) -> Set<CheckID>?) throws -> [Mutation] {
        let object = try JSONSerialization.jsonObject(with: try record.data(file))
        let leaves = JSONLeaf.leaves(of: object).filter { $0.kind != .other && expectation($0) != nil }
        guard !leaves.isEmpty else { return [] }
        var mutations = [Mutation]()
        for _ in 0..<count {
            let leaf = pick(leaves)
            let expected = expectation(leaf)!
            switch leaf.kind {
            case .hex:
                let hex = leaf.value as! String
                let position = Int(random.next() % UInt64(hex.count))
                let changed = flipDigit(hex, at: position)
                mutations.append(Mutation(name: "\(file): \(leaf.text) digit \(position)", expected: expected) { record in
                    try record.editJSON(file) { setJSON(&$0, at: leaf.path[...], to: changed) }
                })
            case .integer:
                let value = leaf.value as! Int
                // R.2 allows a second between a ballot's timestamp and its row (rounding), so move times further.
                let changed = value + (leaf.text == "timestamp" ? 5 : 1)
                mutations.append(Mutation(name: "\(file): \(leaf.text) \(value) -> \(changed)", expected: expected) { record in
                    try record.editJSON(file) { setJSON(&$0, at: leaf.path[...], to: changed) }
                })
            case .other:
                break
            }
        }
        return mutations
    }

    /// The checks that must catch a change of `leaf` in an encrypted ballot.
    static func ballotExpectation(_ leaf: JSONLeaf, ballot: BallotInfo, referendum: Bool) -> Set<CheckID>? {
        let path = leaf.text
        let selection = path.contains(".selections[")
        if path.hasSuffix("encrypted_vote.pad") || path.hasSuffix("encrypted_vote.data") { return [.v5A, .v5D] }
        if path.hasPrefix("encrypted_sn") || path.hasSuffix("encrypted_contest_data.c0") { return [.v5A] }
        if path.hasSuffix(".challenge") { return selection ? [.v5B, .v5D] : [.v6B, .v6D] }
        if path.hasSuffix(".response") { return selection ? [.v5C, .v5D] : [.v6C, .v6D] }
        if path.hasSuffix("contest_hash") { return [.v7A] }
        if path == "confirmation_code" { return [.v7B] }
        if path == "code_baux" { return [.v7B] }
        if path == "election_id" { return [.v5E] }
        if path == "primary_nonce" { return [.v12C] }
        // Contest data is bound by nothing in spec 2.0 except a challenged ballot's opening.
        if path.contains("encrypted_contest_data") { return ballot.hasNonce ? [.v12C] : nil }
        if path == "timestamp" { return referendum ? [.r2] : nil }
        if path.hasSuffix("sequence_order") { return selection ? [.v5E] : [.v5E, .v7A] }
        if path.hasSuffix("votes_allowed") { return [.v5E] }
        return nil
    }

    /// The checks that must catch a change of `leaf` in a record-level file.
    static func recordExpectation(_ file: String, _ leaf: JSONLeaf, chaining: Bool) -> Set<CheckID>? {
        let path = leaf.text
        switch file {
        case RecordLayout.constants:
            return ["large_prime": [.v1B], "small_prime": [.v1C], "cofactor": [.v1D], "generator": [.v1E]][path]
        case RecordLayout.config:
            if path.hasPrefix("baux0") { return chaining ? [.v7D] : nil }
            return ["parameter_base_hash": [.v1F], "manifest_hash": [.v1G], "election_base_hash": [.v1H],
                    "number_of_guardians": [.v1H, .v2D], "quorum": [.v1H, .v2D]][path]
        case RecordLayout.initialized:
            if path == "joint_public_key" { return [.v3B] }
            if path == "extended_base_hash" { return [.v4A] }
            if path.hasSuffix("public_key") { return [.v2A, .v2C] }
            if path.hasSuffix("challenge") { return [.v2C] }
            if path.hasSuffix("response") { return [.v2B, .v2C] }
            if path.hasSuffix("x_coordinate") { return [.v2C, .v2D] }
            return nil
        case RecordLayout.encryptedTally:
            if path.hasSuffix("pad") { return [.v8A] }
            if path.hasSuffix("data") { return [.v8B] }
            if path == "election_id" { return [.v8C] }
            if path.hasSuffix("sequence_order") { return [.v10B, .v10C] }
            return nil
        case RecordLayout.tally:
            if path.hasSuffix(".tally") { return [.v10A] }
            if path.hasSuffix("b_over_m") { return [.v9B, .v10A] }
            if path.contains(".proof.") { return [.v9A, .v9B] }
            if path.contains("encrypted_vote") { return [.v9C, .v9B] }
            if path == "election_id" { return [.v9C] }
            return nil
        default:
            if file.hasSuffix(RecordLayout.ballotChain) {
                return ["last_confirmation_code": [.v7F], "closing_hash": [.v7G], "baux0": [.v7D]][path]
            }
            if file.hasSuffix("totals.json") { return [.r4] }
            if file.hasSuffix("results.json") { return [.r5] }
            return nil
        }
    }
}
