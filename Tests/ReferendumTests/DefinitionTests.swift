import Foundation
import Testing
@testable import Referendum

@Suite("Referendum definitions: loading and errors that name file, line and field")
struct DefinitionTests {
    @Test("the shipped four-region example loads and is sound")
    func example() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/four-regions.yaml")
        let definition = try ReferendumDefinition.load(contentsOf: url)
        #expect(definition.regions.map(\.id) == ["donetsk", "luhansk", "zaporizhzhia", "kherson"])
        #expect(Set(definition.stations.map(\.kind)) == Set(ReferendumDefinition.Station.Kind.allCases))
        let external = definition.stations.filter { $0.kind == .external }
        #expect(external.allSatisfy { $0.serves.count > 1 }, "external stations serve displaced voters of several regions")
        let window = try #require(definition.schedule.window(for: "donetsk"))
        #expect(window.closes.timeIntervalSince(window.opens) > 4 * 86_400, "a five-day window")
        #expect(definition.guardians.count == 5 && definition.guardians.quorum == 3)
        #expect(definition.contests.count == 4)
    }

    @Test("a missing field names its line and path")
    func missingField() {
        let yaml = SmallReferendum.yaml.replacingOccurrences(of: "time_zone: Europe/Kyiv, pre_conflict_electorate: 20", with: "pre_conflict_electorate: 20")
        #expect(throws: ReferendumError.definition(file: "small.yaml", line: 8, field: "regions[0].time_zone", reason: "missing")) {
            try ReferendumDefinition.parse(yaml, file: "small.yaml")
        }
    }

    @Test("a broken rule names its line and path", arguments: [
        ("kind: mobile, parent: A-1, serves: [alpha]", "kind: mobile, serves: [alpha]", 12, "stations[1].parent",
         "a mobile box belongs to a regional station: name it"),
        ("guardians: {count: 3, quorum: 2}", "guardians: {count: 3, quorum: 4}", 20, "guardians.quorum",
         "the quorum must be between 1 and the 3 guardians"),
        ("serves: [alpha, beta], location: \"Elsewhere\"", "serves: [alpha, gamma], location: \"Elsewhere\"", 14, "stations[3].serves",
         "unknown region gamma"),
        ("time_zone: Europe/Kyiv}", "time_zone: Mars/Olympus}", 9, "regions[1].time_zone",
         "Mars/Olympus is not a time zone identifier (like Europe/Kyiv)"),
    ])
    func brokenRule(original: String, replacement: String, line: Int, field: String, reason: String) {
        let yaml = SmallReferendum.yaml.replacingOccurrences(of: original, with: replacement)
        #expect(yaml != SmallReferendum.yaml)
        #expect(throws: ReferendumError.definition(file: "small.yaml", line: line, field: field, reason: reason)) {
            try ReferendumDefinition.parse(yaml, file: "small.yaml")
        }
    }

    @Test("a window that closes before it opens is refused")
    func window() {
        let yaml = SmallReferendum.yaml.replacingOccurrences(
            of: "{region: beta, opens: 2026-09-01T08:00:00+03:00, closes: 2026-09-03T20:00:00+03:00}",
            with: "{region: beta, opens: 2026-09-03T08:00:00+03:00, closes: 2026-09-01T20:00:00+03:00}")
        #expect(throws: ReferendumError.definition(file: "small.yaml", line: 19, field: "schedule.voting[1].closes", reason: "closes before it opens")) {
            try ReferendumDefinition.parse(yaml, file: "small.yaml")
        }
    }

    @Test("YAML syntax errors name their line")
    func syntax() {
        #expect {
            try ReferendumDefinition.parse("id: x\nregions: [\n  - a\n", file: "bad.yaml")
        } throws: { error in
            guard case ReferendumError.definition(let file, let line, _, _) = error else { return false }
            return file == "bad.yaml" && line != nil
        }
    }
}
