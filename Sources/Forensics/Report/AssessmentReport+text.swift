import Foundation

extension Assessment.Report {
    /// A summary for the terminal, grouped by region.
    public var text: String {
        var lines = ["Assessment of \(name)", "  facts: \(source)", "  against the Code of Good Practice on Referendums "
            + "(Venice Commission, revised 2022, CDL-AD(2022)015)", ""]
        for (title, checks) in groups {
            lines.append(title)
            for check in checks {
                lines.append("  [\(check.verdict.rawValue)] \(check.id) (\(check.reference))")
                lines.append("      asks:  \(check.asks)")
                lines.append("      facts: \(check.facts)")
            }
            lines.append("")
        }
        lines.append(summaryLine)
        return lines.joined(separator: "\n")
    }

    /// The same in Markdown, for the README: what each check asks (once), then the verdicts for the
    /// whole referendum and per region with what the facts say.
    public var markdown: String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["Assessment of **\(name)** (`\(source)`) against the Venice Commission's Code of Good Practice on "
            + "Referendums (revised 2022, CDL-AD(2022)015). \(summaryLine)", "",
            "| Check | Code | What the standard asks |", "|---|---|---|"]
        var seen = Set<String>()
        for check in checks where seen.insert(check.id).inserted {
            lines.append("| \(check.id) | \(check.reference) | \(cell(check.asks)) |")
        }
        lines += ["", "| Where | Check | Verdict | What the facts say |", "|---|---|---|---|"]
        for check in checks {
            lines.append("| \(cell(check.region ?? "all regions")) | \(check.id) | **\(check.verdict.rawValue)** | \(cell(check.facts)) |")
        }
        return lines.joined(separator: "\n")
    }

    /// The report as pretty-printed JSON with sorted keys.
    public func jsonString() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    private var groups: [(String, [Assessment.Check])] {
        var order: [String] = []
        var grouped: [String: [Assessment.Check]] = [:]
        for check in checks {
            let title = check.region.map { "Region: \($0)" } ?? "Whole referendum"
            if grouped[title] == nil { order.append(title) }
            grouped[title, default: []].append(check)
        }
        return order.map { ($0, grouped[$0] ?? []) }
    }

    private var summaryLine: String {
        let counts = tally
        return "\(checks.count) checks: \(counts[.fails] ?? 0) fail, \(counts[.meets] ?? 0) meet, "
            + "\(counts[.cannotDecide] ?? 0) cannot be decided from the facts."
    }
}
