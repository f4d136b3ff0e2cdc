import TestSupport
import ElectionRecord
import Foundation
import Testing
@testable import Verifier

/// Parts that do not make one whole record are refused with an error naming the file and the field.
@Suite("combining refuses parts that do not fit")
struct ShardRefusalTests {
    /// The error `combine` throws for `parts`, or nil.
    static func refusal(_ path: String, _ parts: [ShardPart]) async -> VerifierError? {
        do {
            _ = try await ShardTests.combine(path, parts)
            return nil
        } catch {
            return error as? VerifierError
        }
    }

    static func message(_ error: VerifierError?) -> String { error.map(\.description) ?? "accepted" }

    @Test("a missing shard, a shard given twice, parts of two splits, parts of another record")
    func incompleteSets() async throws {
        let path = try await Records.smallDemo.value
        let parts = try await ShardTests.parts(path)
        let missing = await Self.refusal(path, Array(parts.dropLast()))
        #expect(Self.message(missing).contains("shard 4/4 missing"), "\(Self.message(missing))")
        let twice = await Self.refusal(path, parts + [parts[1]])
        #expect(Self.message(twice).contains("shard 2/4 given twice: part-2.json, part-2.json"), "\(Self.message(twice))")
        let three = try await ShardTests.parts(path, count: 3)
        let mixed = await Self.refusal(path, Array(parts.dropLast()) + [three[2]])
        #expect(Self.message(mixed).contains("parts of different splits"), "\(Self.message(mixed))")
        let egk = try await ShardTests.parts(Records.egk)
        let other = await Self.refusal(path, egk)
        #expect(Self.message(other).contains("a part of another election"), "\(Self.message(other))")
        let none = await Self.refusal(path, [])
        #expect(none == .partsDoNotMatch("no parts to combine"))
    }

    @Test("a ballot added or the manifest changed since the shards ran is refused")
    func changedRecord() async throws {
        let record = try MutableRecord(copying: try await Records.smallDemo.value)
        let parts = try await ShardTests.parts(record.root)
        let ballot = record.files(under: "encrypted_ballots").first { $0.contains("/eballot-") }!
        try record.write(ballot.replacingOccurrences(of: "/eballot-", with: "/eballot-copy-"), try record.data(ballot))
        let error = await Self.refusal(record.root, parts)
        #expect(Self.message(error).contains("record.listingDigest: made from other ballot files"), "\(Self.message(error))")
        try record.restore()
        try record.editLines("referendum/ballots.csv") { lines in lines.swapAt(1, 2) }
        let reordered = await Self.refusal(record.root, parts)
        #expect(reordered == nil, "the same rows in another order are the same inputs: \(Self.message(reordered))")
        try record.restore()
        try record.editJSON(RecordLayout.manifest) { manifest in
            var object = manifest as! [String: Any]
            object["spec_version"] = "2.0.1"
            manifest = object
        }
        let inputs = await Self.refusal(record.root, parts)
        #expect(Self.message(inputs).contains("record.inputsDigest: made with another manifest"), "\(Self.message(inputs))")
    }

    @Test("a part that is not JSON, of another version, or with a value out of place names its file and field")
    func badParts() async throws {
        let path = try await Records.smallDemo.value
        let parts = try await ShardTests.parts(path)
        func decoding(_ text: String) -> String {
            do {
                _ = try ShardPart.decode(Data(text.utf8), source: "p.json")
                return "accepted"
            } catch {
                return "\(error)"
            }
        }
        #expect(decoding("not json").hasPrefix("p.json: "))
        #expect(decoding(#"{"version": 2}"#) == "p.json: version: version 2, this verifier reads version 1")
        var object = try JSONSerialization.jsonObject(with: parts[0].jsonData()) as! [String: Any]
        object["shard"] = ["number": 5, "count": 4]
        #expect(decoding(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)).hasPrefix("p.json: shard.number: "))
        object = try JSONSerialization.jsonObject(with: parts[0].jsonData()) as! [String: Any]
        var summaries = object["summaries"] as! [[String: Any]]
        summaries[0].removeValue(forKey: "ordinal")
        object["summaries"] = summaries
        #expect(decoding(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)) == "p.json: summaries[0].ordinal: missing")

        // Well-formed JSON whose values do not fit the record.
        func tampered(_ change: (inout [String: Any]) -> Void) throws -> [ShardPart] {
            var object = try JSONSerialization.jsonObject(with: parts[0].jsonData()) as! [String: Any]
            change(&object)
            return [try ShardPart.decode(try JSONSerialization.data(withJSONObject: object), source: "part-1.json")] + parts.dropFirst()
        }
        let moved = await Self.refusal(path, try tampered { object in
            var summaries = object["summaries"] as! [[String: Any]]
            summaries[0]["ordinal"] = (summaries[0]["ordinal"] as! Int) + 1
            object["summaries"] = summaries
        })
        #expect(Self.message(moved).hasPrefix("part-1.json: summaries[0].file: "), "\(Self.message(moved))")
        let badHex = await Self.refusal(path, try tampered { object in
            var products = object["aggregate"] as! [[String: Any]]
            products[0]["pad"] = "XYZ"
            object["aggregate"] = products
        })
        #expect(Self.message(badHex) == "part-1.json: aggregate[0].pad: not an element of Z_p in hex")
        let huge = await Self.refusal(path, try tampered { object in
            var ledger = object["ledger"] as! [[String: Any]]
            ledger[0]["checked"] = Int.max
            object["ledger"] = ledger
        })
        #expect(Self.message(huge) == "part-1.json: ledger[0].checked: \(Int.max) is out of range")
        let lone = await Self.refusal(path, [try tampered { object in object["shard"] = ["number": 1, "count": 1_000_000_000_000] }[0]])
        #expect(Self.message(lone).hasPrefix("shards 2/1000000000000, 3/1000000000000"), "\(Self.message(lone))")
        #expect(Self.message(lone).hasSuffix("and more missing: combining needs all 1000000000000 parts"), "\(Self.message(lone))")
        let dropped = await Self.refusal(path, try tampered { object in
            object["summaries"] = Array((object["summaries"] as! [[String: Any]]).dropFirst())
        })
        #expect(Self.message(dropped).hasPrefix("no part holds encrypted_ballots/"), "\(Self.message(dropped))")
        #expect(Self.message({ () -> VerifierError? in
            do { _ = try ShardPart.read(from: "/nonexistent/part.json"); return nil } catch { return error as? VerifierError }
        }()) == "/nonexistent/part.json: cannot read the file")
    }
}
