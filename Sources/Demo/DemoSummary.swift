import ElectionRecord
import Foundation
import Referendum
#if canImport(Glibc)
import Glibc
#endif

/// The demo's closing report: results per region, turnout, timings, the record and memory used.
public struct DemoSummary: Sendable {
    public let outcome: DemoRunner.Outcome
    public let record: RecordPublisher.Summary
    public let publishSeconds: Double
    public let totalSeconds: Double

    public init(outcome: DemoRunner.Outcome, record: RecordPublisher.Summary, publishSeconds: Double, totalSeconds: Double) {
        self.outcome = outcome
        self.record = record
        self.publishSeconds = publishSeconds
        self.totalSeconds = totalSeconds
    }

    /// The peak resident memory of this process, in megabytes.
    public static var peakMemoryMB: Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    public var text: String {
        let results = outcome.results
        let definition = outcome.setup.definition
        func percent(_ value: Double?) -> String { value.map { String(format: "%6.2f%%", 100 * $0) } ?? "     -" }
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        let options = definition.options.map(\.id)
        var lines = ["", "\(definition.title.text()) — \(definition.question.text())", ""]
        lines.append(pad("region", 14) + right("registered", 11) + right("coverage", 10) + right("ballots", 9) + right("turnout", 9)
                     + options.map { right($0, 9) + right("share", 9) }.joined() + right("mobile", 9))
        for region in results.regions {
            let counted = max(region.ballots, 1)
            lines.append(pad(definition.region(region.id)?.name.text() ?? region.id, 14) + right(String(region.registered), 11)
                         + right(percent(region.coverage), 10) + right(String(region.ballots), 9) + right(percent(region.turnout), 9)
                         + options.map { right(String(region.votes[$0] ?? 0), 9) + right(percent(Double(region.votes[$0] ?? 0) / Double(counted)), 9) }.joined()
                         + right(percent(region.mobileShare), 9))
        }
        lines.append(pad("all regions", 14) + right("", 11) + right("", 10) + right(String(results.totalBallots), 9) + right("", 9)
                     + options.map { right(String(results.total[$0] ?? 0), 9) + right(percent(Double(results.total[$0] ?? 0) / Double(max(results.totalBallots, 1))), 9) }.joined())
        lines.append("")
        lines.append("decrypted counts equal the plaintext counts the demo generated: \(outcome.matchesExpected ? "yes" : "NO")")
        lines.append("ballots: \(outcome.castBallots) cast, \(outcome.challengedBallots) challenged, \(outcome.setup.count?.resolution.supersededBy.count ?? 0) superseded by a revote; \(results.stations.count) station results"
                     + (results.remainders.isEmpty ? "" : "; \(results.remainders.reduce(0) { $0 + $1.stations.count }) small station counts merged "
                        + "into \(results.remainders.count) region remainders (under \(outcome.setup.definition.cellThreshold) ballots)"))
        if let paper = outcome.paper {
            let unexplained = paper.cells.filter(\.unexplained)
            lines.append("paper: \(paper.protocols.count) protocols; \(unexplained.count) cells where the paper and the devices differ"
                         + (unexplained.isEmpty ? "" : ": " + unexplained.map(\.scope).joined(separator: ", ")))
        }
        if let audit = outcome.audit {
            lines.append("risk-limiting audit (\(audit.method.rawValue), risk limit \(audit.riskLimit), seed \(audit.seed)):")
            for contest in audit.contests {
                let rounds = contest.rounds.map { round in
                    "round \(round.number) drew \(round.size)" + (round.risk.map { String(format: ", risk %.3f", $0) } ?? "")
                }
                lines.append("  \(pad(contest.region, 14))\(contest.status.rawValue)\(contest.handCountWinner.map { " (by hand: \($0))" } ?? "")"
                             + (rounds.isEmpty ? "" : "; " + rounds.joined(separator: "; ")))
            }
        }
        let casting = outcome.timings.first { $0.phase == "casting" }?.seconds ?? 0
        lines.append(String(format: "casting: %.0f ballots/s on %d cores", Double(outcome.castBallots + outcome.challengedBallots) / max(casting, 0.001),
                            ProcessInfo.processInfo.activeProcessorCount))
        lines.append("timings: " + outcome.timings.map { "\($0.phase) " + String(format: "%.1f s", $0.seconds) }.joined(separator: ", ")
                     + String(format: ", publishing %.1f s, total %.1f s", publishSeconds, totalSeconds))
        lines.append("record: \(record.path) (\(record.ballots) ballots, \(record.devices) devices, "
                     + String(format: "%.1f MB); peak memory %.0f MB", Double(record.bytes) / 1_000_000, Self.peakMemoryMB))
        lines.append("verify it: swift run plebiscite verify \(record.path)")
        return lines.joined(separator: "\n")
    }
}
