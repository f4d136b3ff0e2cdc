@testable import ElectionRecord
import Testing

/// The parser and writer on their own: the corners egk's files do not show.
@Suite("JSON parser and writer")
struct JSONCodecTests {
    struct Sample: Codable, Equatable {
        var text: String
        var count: Int
        var flag: Bool
        var list: [Int]
        var nested: [String: [String]]?
        var note: String?
    }

    func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8), file: "t.json") }

    @Test("escapes, surrogate pairs and non-ASCII text parse to the right strings")
    func strings() throws {
        let value = try parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u20AC\ud83d\ude00", "é€😀", ""]"#)
        #expect(value == .array([.string("a\"b\\c/d\u{8}\u{C}\n\r\t"), .string("é€😀"), .string("é€😀"), .string("")]))
        for bad in [#""\ud83d""#, #""\ude00""#, #""\x""#, "\"a\u{1}b\"", #""\u12G4""#] {
            #expect(throws: ElectionRecordError.self) { try parse(bad) }
        }
    }

    @Test("numbers keep their text; the grammar is enforced")
    func numbers() throws {
        #expect(try parse("[0, -1, 12.5e-3, 99999999999999999999999]")
                == .array([.number("0"), .number("-1"), .number("12.5e-3"), .number("99999999999999999999999")]))
        for bad in ["01", "-", "1.", ".5", "1e", "+1", "NaN", "0x10"] {
            #expect(throws: ElectionRecordError.self) { try parse(bad) }
        }
    }

    @Test("structure errors: trailing commas, comments, missing colons, duplicate keys in large objects, depth")
    func structure() throws {
        for bad in ["[1,]", "{\"a\": 1,}", "// c\n{}", "{\"a\" 1}", "{a: 1}", "[1 2]", "{} {}", "nul", "tru"] {
            #expect(throws: ElectionRecordError.self) { try parse(bad) }
        }
        let keys = (0..<40).map { "\"k\($0)\": \($0)" }
        #expect(throws: Never.self) { try parse("{" + keys.joined(separator: ", ") + "}") }
        let duplicateAt = ("{" + keys.joined(separator: ", ") + ", ").utf8.count + 1
        #expect(throws: ElectionRecordError.malformedJSON(file: "t.json", line: 1, column: duplicateAt, reason: "key \"k3\" appears twice in one object")) {
            try parse("{" + (keys + ["\"k3\": 0"]).joined(separator: ", ") + "}")
        }
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: ElectionRecordError.malformedJSON(file: "t.json", line: 1, column: 257, reason: "nested more than 256 levels deep")) {
            try parse(deep)
        }
        #expect(try parse("\u{FEFF}{}") == .object([]))
    }

    @Test("the writer's text form: 4 spaces, key order, empty containers on two lines, escapes, no final newline")
    func writerForm() throws {
        let sample = Sample(text: "q\"\\\n\u{1}é/", count: -3, flag: true, list: [], nested: ["k": []], note: nil)
        let text = String(decoding: try RecordJSON.encode(sample), as: UTF8.self)
        #expect(text == """
            {
                "text": "q\\"\\\\\\n\\u0001é/",
                "count": -3,
                "flag": true,
                "list": [
                ],
                "nested": {
                    "k": [
                    ]
                }
            }
            """)
        let explicit = String(decoding: try RecordJSON.encode(sample, explicitNulls: true), as: UTF8.self)
        #expect(explicit.hasSuffix("    },\n    \"note\": null\n}"))
        #expect(try RecordJSON.decode(Sample.self, from: Array(explicit.utf8), file: "t.json") == sample)
        #expect(try RecordJSON.decode(Sample.self, from: Array(text.utf8), file: "t.json") == sample)
    }

    @Test("metadata keeps the order of its keys through decoding and encoding")
    func metadataOrder() throws {
        let text = "{\n    \"zeta\": \"1\",\n    \"alpha\": \"2\",\n    \"mid\": \"3\"\n}"
        let metadata = try RecordJSON.decode(RecordMetadata.self, from: Array(text.utf8), file: "t.json")
        #expect(metadata.map(\.key) == ["zeta", "alpha", "mid"])
        #expect(String(decoding: try RecordJSON.encode(metadata), as: UTF8.self) == text)
        #expect(metadata.setting("alpha", to: "4").map(\.value) == ["1", "4", "3"])
        #expect(throws: ElectionRecordError.wrongType(file: "t.json", field: "alpha", expected: "a string", found: "the number 2")) {
            try RecordJSON.decode(RecordMetadata.self, from: Array(#"{"alpha": 2}"#.utf8), file: "t.json")
        }
    }

    @Test("unknown keys are ignored and an explicit null reads as an absent optional")
    func lenientReading() throws {
        let text = #"{"text": "t", "count": 1, "flag": false, "list": [1], "nested": null, "note": null, "extra": {"x": [1]}}"#
        let sample = try RecordJSON.decode(Sample.self, from: Array(text.utf8), file: "t.json")
        #expect(sample == Sample(text: "t", count: 1, flag: false, list: [1], nested: nil, note: nil))
        #expect(throws: ElectionRecordError.wrongType(file: "t.json", field: "list[1]", expected: "an integer", found: "a string")) {
            try RecordJSON.decode(Sample.self, from: Array(#"{"text": "t", "count": 1, "flag": false, "list": [1, "2"]}"#.utf8), file: "t.json")
        }
    }
}
