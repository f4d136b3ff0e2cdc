import Foundation
import Testing

@testable import Forensics

@Suite("Reading station results")
struct InputTests {
    let profilePath = Fixtures.path("small-referendum.yaml")
    let csvPath = Fixtures.path("small-referendum.csv")

    @Test func scannerHandlesQuotesCRLFAndLineNumbers() {
        let text = "\u{FEFF}a,\"b, c\",d\r\n1,\"say \"\"hi\"\"\",3\r\n\r\n4,\"two\nlines\",6\n7,8,9"
        var scanner = CSVScanner(bytes: Array(text.utf8))
        var fields: [CSVScanner.Field] = []
        var records: [(Int, [String])] = []
        while let line = scanner.nextRecord(into: &fields) {
            records.append((line, fields.map { scanner.string($0) }))
        }
        #expect(records.map(\.0) == [1, 2, 4, 6])
        #expect(records[0].1 == ["a", "b, c", "d"])
        #expect(records[1].1 == ["1", "say \"hi\"", "3"])
        #expect(records[2].1 == ["4", "two\nlines", "6"])
        #expect(records[3].1 == ["7", "8", "9"])
    }

    @Test(arguments: [("42", CSVScanner.Count.value(42)), (" 7 ", .value(7)), ("12.0", .value(12)),
                      ("-3", .value(-3)), ("", .empty), ("1.5", .notANumber), ("x1", .notANumber),
                      ("99999999999999999999", .notANumber)])
    func countParsing(text: String, expected: CSVScanner.Count) {
        var scanner = CSVScanner(bytes: Array(text.utf8))
        var fields: [CSVScanner.Field] = []
        if scanner.nextRecord(into: &fields) == nil {
            #expect(expected == .empty)
            return
        }
        #expect(scanner.count(fields[0]) == expected)
    }

    @Test func badRowsStopTheReadWithLineNumbers() throws {
        let profile = try ColumnProfile.load(path: profilePath)
        do {
            _ = try StationResults.read(path: csvPath, profile: profile, skipBadRows: false)
            Issue.record("expected the bad rows to stop the read")
        } catch let ForensicsError.badRows(path, rows) {
            #expect(path == csvPath)
            #expect(rows.map(\.line) == [4, 5, 6, 7])
            #expect(rows.map(\.reason) == [.notANumber, .negative, .notANumber, .moreBallotsThanVoters])
            #expect(rows[2].detail.contains("'abc'"))
            #expect(rows[0].field == "issued ('Issued on the day')")
            #expect(ForensicsError.badRows(path: path, rows: rows).description.contains("\(csvPath):7: issued"))
        }
    }

    @Test func skippingBadRowsKeepsAndCountsThem() throws {
        let profile = try ColumnProfile.load(path: profilePath)
        let results = try StationResults.read(path: csvPath, profile: profile, skipBadRows: true)
        #expect(results.stations.map(\.id) == ["1", "2", "7"])
        #expect(results.badRows.count == 4)
        #expect(results.stations[0].issued == 600)
        #expect(results.stations[0].cast == 600)
        #expect(results.leaderName == "Yes")
        #expect(results.totals.registered == 3000)
    }

    @Test func profileMayAllowMoreBallotsThanVoters() throws {
        var profile = try ColumnProfile.load(path: profilePath)
        profile.rules.ballotsMayExceedRegistered = true
        let results = try StationResults.read(path: csvPath, profile: profile, skipBadRows: true)
        #expect(results.badRows.map(\.line) == [4, 5, 6])
        let check = ProtocolArithmetic.run(results).first { $0.id == "turnout-over-100" }
        #expect(check?.violations == 1)
    }

    @Test func missingColumnIsNamed() throws {
        var profile = try ColumnProfile.load(path: profilePath)
        profile.columns.valid = "Valid ballots"
        #expect(throws: ForensicsError.missingColumn(
            path: csvPath, column: "Valid ballots", field: "columns.valid", suggestions: ["Valid"])) {
            try StationResults.read(path: csvPath, profile: profile, skipBadRows: true)
        }
    }

    /// A header with nested quotes, misspelt in the profile: the message proposes the header as a YAML
    /// scalar that can be pasted back.
    @Test func missingColumnSuggestsTheClosestHeaders() throws {
        let csv = "region,station,\"Number of voters \"\"on the list\"\"\",Yes,No\nA,1,100,40,30\n"
        let yaml = "name: q\ncolumns: {region: region, station: station, registered: 'Number of voters on list'}\n"
            + "options: [{name: Yes, column: 'Yes'}, {name: No, column: 'No'}]\n"
        let profile = try ColumnProfile.decode(yaml: yaml)
        do {
            _ = try StationResults.parse(csv: Array(csv.utf8), path: "q.csv", profile: profile, skipBadRows: false)
            Issue.record("expected a missing column")
        } catch let error as ForensicsError {
            guard case let .missingColumn(_, _, field, suggestions) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(field == "columns.registered")
            #expect(suggestions.first == "Number of voters \"on the list\"")
            #expect(error.description.contains("did you mean 'Number of voters \"on the list\"'"))
            let fixed = yaml.replacingOccurrences(
                of: "'Number of voters on list'", with: ColumnProfile.yamlQuoted(suggestions[0]))
            let read = try StationResults.parse(
                csv: Array(csv.utf8), path: "q.csv", profile: ColumnProfile.decode(yaml: fixed), skipBadRows: false)
            #expect(read.totals.registered == 100)
        }
    }

    /// `--inspect` on the 2012 file proposes a profile that reads it exactly as the shipped one does.
    @Test func inspectionProposesAWorkingProfileForTheRussianLayout() throws {
        let zip = Fixtures.path("russia-2012-president-stations.csv.zip")
        let inspection = try HeaderInspection.inspect(path: zip)
        #expect(inspection.headers.count == 27)
        #expect(inspection.layout.contains("Russian"))
        #expect(inspection.text.contains("4. 'Число избирателей, включенных в список избирателей' (counts)"))
        let proposed = try ColumnProfile.decode(yaml: inspection.proposal.replacingOccurrences(of: "name: ''", with: "name: x"))
        let shipped = try ColumnProfile.load(path: Fixtures.repository("Examples/profiles/russia-2012-president.yaml"))
        #expect(proposed.columns == shipped.columns)
        #expect(proposed.options.map(\.column) == shipped.options.map(\.column))
    }

    @Test func inspectionOfAnEnglishReferendumFile() throws {
        let inspection = try HeaderInspection.inspect(path: csvPath)
        let proposed = try ColumnProfile.decode(yaml: inspection.proposal.replacingOccurrences(of: "name: ''", with: "name: x"))
        #expect(proposed.columns.registered == "Registered, total")
        #expect(proposed.columns.issued == ColumnSum(["Issued early", "Issued on the day"]))
        #expect(proposed.columns.valid == "Valid" && proposed.columns.invalid == "Invalid")
        #expect(proposed.options.map(\.name) == ["Yes", "No"])
    }

    @Test func invalidProfileNamesTheField() {
        let yaml = "name: x\ncolumns:\n  region: r\n  station: s\noptions: []\n"
        #expect(throws: ForensicsError.invalidYAML(path: "p.yaml", field: "columns.registered", reason: "required field is missing")) {
            try ColumnProfile.decode(yaml: yaml, path: "p.yaml")
        }
        let leader = "name: x\ncolumns: {region: r, station: s, registered: n}\noptions: [{name: A, column: a}]\nleader: B\n"
        #expect(throws: ForensicsError.invalidYAML(path: "p.yaml", field: "leader", reason: "'B' is not the name of an option")) {
            try ColumnProfile.decode(yaml: leader, path: "p.yaml")
        }
    }

    @Test func unreadableAndWrongZip() throws {
        let profile = try ColumnProfile.load(path: profilePath)
        #expect(throws: ForensicsError.self) {
            try StationResults.read(path: "/nonexistent.csv", profile: profile, skipBadRows: false)
        }
        var named = profile
        named.source.zipEntry = "missing.csv"
        let zip = Fixtures.path("russia-2012-president-stations.csv.zip")
        #expect(throws: ForensicsError.zipEntryMissing(path: zip, entry: "missing.csv")) {
            try StationResults.read(path: zip, profile: named, skipBadRows: false)
        }
    }
}
