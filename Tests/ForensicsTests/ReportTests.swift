import Foundation
import Testing

@testable import Forensics

@Suite("Audit reports")
struct ReportTests {
    static let options = Audit.Options(
        draws: 50, klimek: KlimekFit.Options(sigmas: [0.2], alphas: [2], simulatedStations: 4000, permutations: 99),
        exitPolls: [ExitPoll.Poll(label: "poll", sampleSize: 1500, share: 0.60, designEffect: 2)])

    static func audit(seed: UInt64) async -> AuditReport {
        let election = SyntheticElection(stations: 2000, incrementalFraud: 0.1, sigmaX: 0.2).make(seed: 21)
        var random = Xoshiro256(seed: seed)
        return await Audit.run(election, options: options, random: &random)
    }

    @Test func sameSeedSameReport() async {
        let first = await Self.audit(seed: 1), second = await Self.audit(seed: 1), other = await Self.audit(seed: 2)
        #expect(first == second)
        #expect(first.integerPercentages.nullCounts != other.integerPercentages.nullCounts)
    }

    @Test func textJSONAndHTMLCarryTheResults() async throws {
        let report = await Self.audit(seed: 3)
        let text = report.text
        for heading in ["1. Integer percentages", "2. Fingerprint", "3. Shpilkin", "4. Digit tests",
                        "5. Protocol arithmetic", "6. Mobile boxes", "7. Exit polls"] {
            #expect(text.contains(heading))
        }
        #expect(text.contains("fraud pattern detected"))
        #expect(text.contains("turnout \(String(format: "%.2f", report.totals.turnoutPercent))%"))

        let decoded = try JSONDecoder().decode(AuditReport.self, from: Data(try report.jsonString().utf8))
        #expect(decoded.integerPercentages == report.integerPercentages)
        #expect(decoded.totals == report.totals)
        #expect(decoded.fingerprint.dependence == report.fingerprint.dependence)
        #expect(decoded.fingerprint.fitted.isEmpty)

        let html = report.html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 9)
        #expect(html.components(separatedBy: "<circle").count - 1 == report.scatter.count)
        #expect(report.scatter.count == report.totals.stations)
        for region in report.shpilkin.regions {
            #expect(html.contains("<td class=l>\(escapeHTML(region.name))</td><td>\(format(region.stations))</td><td>\(String(format: "%.0f", region.coreTurnoutPercent))"))
        }
        #expect(report.shpilkin.regions.count == report.regions.count)
        #expect(report.fingerprint.regions.count == report.regions.count)
        #expect(text.contains("per region"))
        for region in report.shpilkin.regions {
            #expect(text.contains("   \(region.name): \(format(region.stations)) stations; core ≤ "), "\(region.name)")
        }
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=") && !html.contains("<link"))
        for note in MethodNote.all {
            #expect(html.contains(escapeHTML(note.method)))
            #expect(html.contains(escapeHTML(note.caveats[0])))
        }
        #expect(report.exitPolls.first?.effectiveSample == 750)
    }

    @Test func aFailedFitIsReportedAsSuchNotAsNumbers() async throws {
        var report = await Self.audit(seed: 4)
        report.fingerprint.failure = "the fair part's turnout centre 102.3% lies outside 0–100%"
        report.fingerprint.incrementalFraud = 0.987654
        #expect(report.text.contains("fit failed: the fair part's turnout centre 102.3%"))
        #expect(!report.text.contains("0.988"))
        #expect(report.html.contains("Fit failed:"))
        #expect(!report.html.contains("0.988"))
        #expect(try report.jsonString().contains("\"failure\" : \"the fair part"))
    }
}
