extension VerificationReport {
    /// The report for a terminal: a line per check (id, status, counts, title), the first failure of each
    /// failed check under it, and a summary.
    public var text: String {
        var lines = ["Verification of \(record) (ElectionGuard 2.0, egk record layout)", ""]
        var group: String?
        for check in checks {
            let heading = Self.heading(of: check.id)
            if heading != group {
                group = heading
                lines.append(heading)
            }
            let status = switch check.status {
            case .passed: "ok    "
            case .failed: "FAILED"
            case .skipped: "n/a   "
            }
            let counts = check.status == .skipped ? "" : check.failed > 0 ? " (\(check.failed) of \(check.checked) failed)" : " (\(check.checked))"
            let marker = check.origin == .plebiscite ? " [not in egk]" : ""
            lines.append("  \(check.id.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(status) \(check.title)\(marker)\(counts)")
            if let failure = check.firstFailure { lines.append("           first: \(failure)") }
            if let detail = check.detail, check.status != .passed || check.id == .v5A { lines.append("           \(detail)") }
        }
        let failed = checks.filter { $0.status == .failed }.count
        let skipped = checks.filter { $0.status == .skipped }.count
        let mode = statistics.batched ? "batched" : "one by one"
        lines.append("")
        lines.append("\(statistics.ballots) ballots on \(statistics.devices) devices, \(statistics.challengedBallotFiles) challenged-ballot files; "
                     + "\(mode), \(statistics.jobs) jobs; \(Self.seconds(statistics.seconds)) (ballots \(Self.seconds(statistics.ballotSeconds)))")
        lines.append(passed
            ? "PASSED: \(checks.count - failed - skipped) checks passed, \(skipped) not applicable."
            : "FAILED: \(failed) of \(checks.count) checks failed (\(skipped) not applicable).")
        return lines.joined(separator: "\n")
    }

    static func heading(of id: CheckID) -> String {
        switch id.group {
        case 1: "1. Parameters"
        case 2: "2. Guardian public keys"
        case 3: "3. Election public key"
        case 4: "4. Extended base hash"
        case 5: "5. Selection encryptions"
        case 6: "6. Contest limits"
        case 7: "7. Confirmation codes and chains"
        case 8: "8. Ballot aggregation"
        case 9: "9. Tally decryption"
        case 10: "10. Tally values and labels"
        case 11: "11. Tally contest data"
        case 12: "12. Challenged ballots"
        case 13: "13. Challenged-ballot values and labels"
        case 14: "14. Challenged-ballot contest data"
        case 15: "15-18. Pre-encrypted ballots"
        default: "R. Referendum rules"
        }
    }

    static func seconds(_ value: Double) -> String {
        value < 10 ? "\(Double(Int(value * 100)) / 100) s" : "\(Int(value.rounded())) s"
    }
}
