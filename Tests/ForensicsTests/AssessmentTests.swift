import Foundation
import Testing

@testable import Forensics

@Suite("Assessment against the Code of Good Practice on Referendums")
struct AssessmentTests {
    static let shipped = Fixtures.repository("Examples/assessments/2022-four-regions.yaml")

    func verdict(_ report: Assessment.Report, _ id: String, region: String? = nil) -> Assessment.Verdict? {
        report.checks.first { $0.id == id && $0.region == region }?.verdict
    }

    @Test func shippedFactsFileGivesTheReadmeVerdicts() throws {
        let report = Assessment.run(try Facts.load(path: Self.shipped), source: "2022-four-regions.yaml")
        #expect(report.checks.count == 29)
        #expect(verdict(report, "notice-period") == .fails)
        #expect(report.checks.first { $0.id == "notice-period" }?.facts.contains("3 days") == true)
        #expect(verdict(report, "legal-basis") == .fails)
        #expect(verdict(report, "mobile-voting") == .fails)
        #expect(verdict(report, "secrecy") == .fails)
        #expect(verdict(report, "stable-rules") == .cannotDecide)
        #expect(verdict(report, "observation") == .cannotDecide)
        #expect(verdict(report, "results-published") == .cannotDecide)
        #expect(verdict(report, "register-during-voting", region: "Donetsk (\"DPR\")") == .fails)
        #expect(verdict(report, "yes-share-arithmetic", region: "Luhansk (\"LPR\")") == .meets)
        #expect(verdict(report, "yes-share-arithmetic", region: "Zaporizhzhia") == .fails)
        #expect(verdict(report, "register-consistency", region: "Zaporizhzhia") == .fails)
        #expect(verdict(report, "yes-share-arithmetic", region: "Kherson") == .meets)
        #expect(verdict(report, "register-consistency", region: "Kherson") == .meets)
        #expect(verdict(report, "coverage", region: "Kherson") == .cannotDecide)
        #expect(report.tally[.fails] == 11 && report.tally[.meets] == 3 && report.tally[.cannotDecide] == 15)
    }

    @Test func unknownFactsCannotDecide() throws {
        let facts = try Facts.decode(yaml: "referendum:\n  name: Empty\nregions:\n  - name: A\n")
        let report = Assessment.run(facts, source: "empty")
        #expect(report.checks.allSatisfy { $0.verdict == .cannotDecide })
    }

    @Test func aWellRunVoteMeetsTheChecks() throws {
        let yaml = """
            referendum:
              name: Model vote
              announced: "2024-01-10"
              votingStart: "2024-03-10"
              rulesAdopted: "2020-05-01"
              calledUnderNationalLaw: true
              registersPublic: true
              pollingStationDays: 1
              doorToDoorDays: 0
              mobileVotingGeneral: false
              armedEscortReports: []
              secrecyReports: []
              coercionReports: []
              observersFromBothSides: true
              stationLevelResultsPublished: true
            regions:
              - name: A
                registered: 1000
                participants: 600
                turnoutPercent: 60.00
                yes: 330
                no: 260
                invalid: 10
                yesPercent: 55.00
                registerGrowthDuringVoting: 0
                territoryControlledPercent: 100
            """
        let report = Assessment.run(try Facts.decode(yaml: yaml), source: "model")
        let notDecided = report.checks.filter { $0.verdict != .meets }.map(\.id)
        #expect(notDecided == ["register-consistency"])
    }

    @Test func arithmeticFlagsImpossibleFigures() throws {
        let yaml = """
            referendum: {name: X}
            regions:
              - {name: A, registered: 1000, participants: 1100, turnoutPercent: 110, yes: 900, no: 300, yesPercent: 81.82}
              - {name: B, yes: 990, no: 20, yesPercent: 99.5}
            """
        let report = Assessment.run(try Facts.decode(yaml: yaml.replacingOccurrences(of: "110,", with: "100,")), source: "x")
        #expect(verdict(report, "turnout-arithmetic", region: "A") == .fails)
        #expect(verdict(report, "yes-share-arithmetic", region: "A") == .fails)
        #expect(verdict(report, "yes-share-arithmetic", region: "B") == .fails)
    }

    @Test func malformedFactsNameTheField() {
        #expect(throws: ForensicsError.invalidYAML(path: "f.yaml", field: "referendum.announced", reason: "'20 Sept' is not a date YYYY-MM-DD")) {
            try Facts.decode(yaml: "referendum: {name: X, announced: 20 Sept}\nregions: []\n", path: "f.yaml")
        }
        #expect(throws: ForensicsError.invalidYAML(path: "f.yaml", field: "regions[0].yesPercent", reason: "120.0 is not a percentage")) {
            try Facts.decode(yaml: "referendum: {name: X}\nregions: [{name: A, yesPercent: 120}]\n", path: "f.yaml")
        }
    }

    @Test func dayArithmetic() {
        #expect(Facts.day("1970-01-01") == 0)
        #expect(Facts.day("2022-09-23")! - Facts.day("2022-09-20")! == 3)
        #expect(Facts.day("2024-03-01")! - Facts.day("2024-02-28")! == 2)
        #expect(Facts.day("2022-13-01") == nil)
    }
}
