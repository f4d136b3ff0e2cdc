import Foundation

extension AuditReport {
    /// A summary for the terminal.
    public var text: String {
        var lines: [String] = []
        let t = totals
        lines.append("Audit of \(source)")
        lines.append("  \(profile)")
        lines.append("  \(format(t.stations)) stations, \(format(t.registered)) registered, \(format(t.cast)) ballots cast"
            + (badRows.count > 0 ? "; \(format(badRows.count)) bad rows skipped" : ""))
        lines.append("  turnout \(fixed(t.turnoutPercent, 2))%, \(leader) \(fixed(t.leaderPercent, 2))% of ballots cast")
        lines.append("")
        let i = integerPercentages
        lines.append("1. Integer percentages (Kobak, Shpilkin, Pshenichnikov 2016)")
        lines.append("   \(format(i.stationsIncluded)) stations included; \(format(i.observed)) within 0.05 pp of a whole percent "
            + "(turnout \(format(i.observedTurnout)), share \(format(i.observedShare)))")
        lines.append("   null (\(format(i.draws)) binomial draws, seed \(i.seed)): expected \(fixed(i.expected, 1)) ± \(fixed(i.sd, 1)) (sd)")
        lines.append("   excess \(fixed(i.excess, 1)) stations (turnout \(fixed(i.excessTurnout, 1)), share \(fixed(i.excessShare, 1))); "
            + "p = \(pValue(i.pValue, draws: i.draws)); z = \(fixed(i.zScore, 1)), normal p ≈ 1e\(fixed(i.log10NormalPValue, 0))")
        lines.append("")
        let f = fingerprint
        lines.append("2. Fingerprint and fraud model (Klimek et al. 2012)")
        lines.append("   clean core: turnout hump at \(fixed(f.core.modePercent, 1))%"
            + (f.core.belowGlobalMode ? " (below the taller peak at \(fixed(f.core.globalModePercent, 1))%)" : ""))
        if let failure = f.failure {
            lines.append("   fit failed: \(failure)")
        } else {
            lines.append("   fair part (normal fitted to the core's peak): turnout \(fixed(100 * f.fair.turnout, 1))% ± \(fixed(100 * f.fair.turnoutSD, 1)), "
                + "share \(fixed(100 * f.fair.share, 1))% ± \(fixed(100 * f.fair.shareSD, 1))")
            lines.append("   fit (\(f.fitBins) × \(f.fitBins) bins): fi = \(fixed(f.incrementalFraud, 3)), fe = \(fixed(f.extremeFraud, 3)), "
                + "σx = \(fixed(f.sigmaX, 3)), α = \(fixed(f.alpha, 0)); distance \(sci(f.residual)) vs fair model \(sci(f.fairResidual))")
        }
        let d = f.dependence
        lines.append("   detection: dependence of turnout and share, upper-tail z = \(fixed(d.zScore, 1)), whole-range z = "
            + "\(fixed(d.wholeRangeZScore ?? 0, 1)); the larger against "
            + "\(format(d.nullStatistics.count)) shuffles p = \(pValue(d.pValue, draws: d.nullStatistics.count)) → "
            + "\(f.detected ? "fraud pattern detected" : "not detected")")
        let tested = f.regions.filter { $0.zScore != nil }
        let flagged = tested.filter(\.detected).sorted { ($0.zScore ?? 0) > ($1.zScore ?? 0) }
        lines.append("   per region (normal p, Holm at the same level): \(flagged.count) of \(tested.count) regions detected"
            + (flagged.isEmpty ? "" : "; highest z: " + flagged.prefix(5).map { "\($0.name) \(fixed($0.zScore ?? 0, 1))" }
                .joined(separator: ", ")))
        lines.append("")
        let s = shpilkin
        lines.append("3. Shpilkin's anomalous votes")
        lines.append("   core: turnout ≤ \(fixed(s.coreTurnoutPercent, 0))% (the clean hump's mode"
            + (s.core.belowGlobalMode ? ", below the taller peak at \(fixed(s.core.globalModePercent, 1))%" : "")
            + "), leader share there \(fixed(s.coreSharePercent, 2))%")
        lines.append("   anomalous \(leader) votes: \(format(s.anomalousVotes)); share \(fixed(s.reportedSharePercent, 2))% → "
            + "\(fixed(s.correctedSharePercent, 2))%, turnout \(fixed(s.reportedTurnoutPercent, 2))% → \(fixed(s.correctedTurnoutPercent, 2))%")
        if !s.regions.isEmpty {
            let sum = s.regions.reduce(0) { $0 + $1.anomalousVotes }
            lines.append("   per region (own core where it has one; sum \(format(sum))), largest:")
            for region in s.regions.sorted(by: { $0.anomalousVotes > $1.anomalousVotes }).prefix(5) {
                lines.append("   \(region.name): \(format(region.anomalousVotes)); share \(fixed(region.reportedSharePercent, 1))% → "
                    + "\(fixed(region.correctedSharePercent, 1))%, core ≤ \(fixed(region.coreTurnoutPercent, 0))%"
                    + (region.ownCore ? "" : " (national core)"))
            }
        }
        lines.append("")
        lines.append("4. Digit tests (weak evidence; see caveats)")
        for test in digits.lastDigit + digits.secondDigit {
            lines.append("   \(test.name): n = \(format(test.sample)), χ² = \(fixed(test.chiSquare, 1)), p = \(sci(test.pValue))")
        }
        lines.append("")
        lines.append("5. Protocol arithmetic")
        for check in arithmetic {
            lines.append("   \(check.id): \(format(check.violations)) of \(format(check.checked)) stations break \"\(check.rule)\"")
        }
        lines.append("")
        lines.append("6. Mobile boxes")
        if let mobile {
            lines.append("   \(fixed(mobile.sharePercent, 2))% of ballots came from mobile boxes; \(format(mobile.outlierCount)) outlier stations")
            for region in mobile.regions.prefix(5) {
                lines.append("   \(region.name): \(fixed(region.sharePercent, 1))% (median station \(fixed(region.medianStationPercent, 1))%), "
                    + "\(region.outliers) outliers")
            }
        } else {
            lines.append("   not published in this file")
        }
        lines.append("")
        lines.append("7. Exit polls")
        if exitPolls.isEmpty { lines.append("   none given (--exit-poll share=0.6,n=1500[,deff=2][,region=...])") }
        for poll in exitPolls {
            lines.append("   \(poll.poll.label): \(fixed(100 * poll.poll.share, 1))% of \(format(poll.effectiveSample)) "
                + "(effective) vs reported \(fixed(100 * poll.reportedShare, 2))%: z = \(fixed(poll.zScore, 1)), "
                + "P ≈ 1e\(fixed(poll.log10Probability, 1))")
        }
        lines.append("")
        lines.append(contentsOf: regionLines)
        return lines.joined(separator: "\n")
    }

    /// Every region: Shpilkin's estimate against the core used, and the detection's z and verdict.
    var regionLines: [String] {
        let detection = Dictionary(fingerprint.regions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var lines = ["Per region: Shpilkin's estimate (core ≤ turnout; * national core) and detection (z, Holm at 1%)"]
        for region in shpilkin.regions {
            let test = detection[region.name]
            let verdict = test?.zScore.map { "z = \(fixed($0, 1))\(test?.detected == true ? ", detected" : "")" }
                ?? "too few stations to test"
            lines.append("   \(region.name): \(format(region.stations)) stations; core ≤ \(fixed(region.coreTurnoutPercent, 0))%"
                + "\(region.ownCore ? "" : "*"); anomalous \(format(region.anomalousVotes)); \(leader) "
                + "\(fixed(region.reportedSharePercent, 1))% → \(fixed(region.correctedSharePercent, 1))%; \(verdict)")
        }
        return lines
    }
}

func fixed(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
}

func sci(_ value: Double) -> String {
    if value == 0 { return "0" }
    if abs(value) >= 0.001 && abs(value) < 1000 { return String(format: "%.3g", value) }
    return String(format: "%.2e", value)
}

func format(_ value: Int) -> String {
    let digits = String(abs(value))
    var groups: [Substring] = []
    var end = digits.endIndex
    while end > digits.startIndex {
        let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
        groups.insert(digits[start..<end], at: 0)
        end = start
    }
    return (value < 0 ? "-" : "") + groups.joined(separator: ",")
}

func pValue(_ value: Double, draws: Int) -> String {
    value <= 1.0 / Double(draws + 1) + 1e-12 ? "≤ 1/\(draws + 1) (no draw reached the observed)" : sci(value)
}
