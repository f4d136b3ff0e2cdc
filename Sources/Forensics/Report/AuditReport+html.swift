import Foundation

extension AuditReport {
    /// One self-contained HTML page: inline SVG plots, tables per region, each method's caveats.
    public var html: String {
        var page: [String] = []
        page.append("""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
            <title>Audit: \(escapeHTML(profile))</title>
            <style>
            body{font-family:system-ui,sans-serif;max-width:1320px;margin:24px auto;padding:0 16px;color:#222}
            h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 7px;text-align:right}
            th{background:#f3f3f3}td.l,th.l{text-align:left}.row{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}
            .verdict{font-weight:bold}.flag{color:#b00020}.ok{color:#1b6e20}.caveat{font-size:13px;color:#444}
            .scroll{max-height:420px;overflow:auto;display:inline-block}
            </style></head><body>
            """)
        page.append(header)
        page.append(integerSection)
        page.append(fingerprintSection)
        page.append(shpilkinSection)
        page.append(digitSection)
        page.append(arithmeticSection)
        page.append(mobileSection)
        page.append(exitPollSection)
        page.append(regionSection)
        page.append(regionEstimatesSection)
        page.append(caveatSection)
        page.append("</body></html>")
        return page.joined(separator: "\n")
    }

    private var header: String {
        let t = totals
        var rows = "<h1>Audit of \(escapeHTML(profile))</h1>"
        rows += "<p>Source: <code>\(escapeHTML(source))</code>. \(format(t.stations)) stations, \(format(t.registered)) "
            + "registered voters, \(format(t.cast)) ballots cast. Turnout <b>\(fixed(t.turnoutPercent, 2))%</b>; "
            + "\(escapeHTML(leader)) <b>\(fixed(t.leaderPercent, 2))%</b> of ballots cast.</p>"
        if badRows.count > 0 {
            let reasons = badRows.byReason.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            rows += "<p class=\"flag\">\(format(badRows.count)) bad rows were skipped (\(escapeHTML(reasons))); first: "
                + badRows.first.prefix(5).map { escapeHTML("line \($0.description)") }.joined(separator: "; ") + "</p>"
        }
        let i = integerPercentages, f = fingerprint
        rows += "<table><tr><th class=l>Test</th><th class=l>Result</th></tr>"
        rows += "<tr><td class=l>1. Integer percentages</td><td class=l>excess \(fixed(i.excess, 0)) ± \(fixed(i.sd, 0)) stations, "
            + "p \(escapeHTML(pValue(i.pValue, draws: i.draws)))</td></tr>"
        let fitText = f.failure.map { "fit failed: \(escapeHTML($0))" }
            ?? "fi = \(fixed(f.incrementalFraud, 3)), fe = \(fixed(f.extremeFraud, 3))"
        rows += "<tr><td class=l>2. Fingerprint fraud model</td><td class=l>\(fitText); \(f.detected ? "<span class=flag>detected</span>" : "<span class=ok>not detected</span>") "
            + "(dependence z = \(fixed(f.dependence.statistic, 1)), p \(escapeHTML(pValue(f.dependence.pValue, draws: f.dependence.nullStatistics.count))))</td></tr>"
        rows += "<tr><td class=l>3. Shpilkin</td><td class=l>\(format(shpilkin.anomalousVotes)) anomalous votes; "
            + "share \(fixed(shpilkin.reportedSharePercent, 2))% → \(fixed(shpilkin.correctedSharePercent, 2))%</td></tr>"
        let failing = (digits.lastDigit + digits.secondDigit).filter { $0.pValue < 0.01 }.count
        rows += "<tr><td class=l>4. Digit tests</td><td class=l>\(failing) of \(digits.lastDigit.count + digits.secondDigit.count) "
            + "tests with p &lt; 0.01 (weak evidence)</td></tr>"
        let broken = arithmetic.filter { $0.violations > 0 }.map { "\($0.id): \(format($0.violations))" }
        rows += "<tr><td class=l>5. Protocol arithmetic</td><td class=l>\(broken.isEmpty ? "no violations" : escapeHTML(broken.joined(separator: ", ")))</td></tr>"
        rows += "<tr><td class=l>6. Mobile boxes</td><td class=l>"
            + (mobile.map { "\(fixed($0.sharePercent, 2))% of ballots; \(format($0.outlierCount)) outlier stations" } ?? "not published")
            + "</td></tr>"
        rows += "<tr><td class=l>7. Exit polls</td><td class=l>\(exitPolls.isEmpty ? "none given" : "\(exitPolls.count) compared")</td></tr>"
        return rows + "</table>"
    }

    private var integerSection: String {
        let i = integerPercentages
        var html = "<h2>1. Integer percentages</h2>"
        html += "<p>\(format(i.stationsIncluded)) stations with ≥ 100 voters and both ratios ≤ 99%. Within 0.05 pp of a whole "
            + "percent: <b>\(format(i.observed))</b> (turnout \(format(i.observedTurnout)), share \(format(i.observedShare))). "
            + "Under the binomial null (\(format(i.draws)) draws, seed \(i.seed)): \(fixed(i.expected, 1)) ± \(fixed(i.sd, 1)). "
            + "<span class=verdict>Excess \(fixed(i.excess, 1)) stations</span> (turnout \(fixed(i.excessTurnout, 1)), "
            + "share \(fixed(i.excessShare, 1))); Monte Carlo p \(escapeHTML(pValue(i.pValue, draws: i.draws))); exact null "
            + "\(fixed(i.exactExpected, 1)) ± \(fixed(i.exactSD, 1)), z = \(fixed(i.zScore, 1)).</p>"
        let low = Double(min(i.nullCounts.min() ?? 0, i.observed)), high = Double(max(i.nullCounts.max() ?? 1, i.observed))
        let span = max(1, high - low)
        let binCount = 40
        let width = span / Double(binCount)
        var counts = [Double](repeating: 0, count: binCount + 1)
        for value in i.nullCounts { counts[min(binCount, Int((Double(value) - low) / width))] += 1 }
        var chart = SVGChart(
            x: (low - span * 0.05)...(high + span * 0.08), y: 0...((counts.max() ?? 1) * 1.15),
            title: "Whole-percent stations: null draws vs observed", xLabel: "stations within 0.05 pp of a whole percent",
            yLabel: "null draws")
        chart.bars(counts.enumerated().map { (low + (Double($0.offset) + 0.5) * width, $0.element) }, barWidth: width, color: "#7a9cc6")
        chart.vertical(at: Double(i.observed), color: "#b00020", label: "observed \(format(i.observed))")
        html += "<div class=row>" + chart.render(xTicks: 5, xFormat: { String(format: "%.0f", $0) }) + "</div>"
        html += "<div class=row>" + tenthHistogram(histograms.turnout, title: "Turnout, 0.1-point bins", label: "turnout, %")
        html += tenthHistogram(histograms.share, title: "\(leader) share, 0.1-point bins", label: "\(leader), % of ballots cast") + "</div>"
        return html
    }

    private func tenthHistogram(_ counts: [Int], title: String, label: String) -> String {
        let sorted = counts.sorted()
        let cap = Double(max(10, sorted[Int(Double(sorted.count) * 0.995)])) * 1.3
        var chart = SVGChart(width: 650, height: 280, x: 0...100, y: 0...cap, title: title, xLabel: label, yLabel: "stations")
        chart.grid(step: 5)
        chart.line(counts.enumerated().map { (Double($0.offset) / 10, Double($0.element)) }, color: "#1f4e8c", width: 0.8)
        return chart.render(xTicks: 10)
    }

    private var fingerprintSection: String {
        let f = fingerprint
        var html = "<h2>2. Fingerprint and fraud model</h2>"
        html += "<p>Clean core (shared with Shpilkin's estimate): the turnout hump at \(fixed(f.core.modePercent, 1))%"
            + (f.core.belowGlobalMode ? ", below the taller, falsified peak at \(fixed(f.core.globalModePercent, 1))%" : "")
            + ".</p>"
        if let failure = f.failure {
            html += "<p class=flag><b>Fit failed:</b> \(escapeHTML(failure)). Its numbers are not reported.</p>"
        } else {
            html += "<p>Fair part of the election (a normal fitted to the core's peak): turnout \(fixed(100 * f.fair.turnout, 1))% ± \(fixed(100 * f.fair.turnoutSD, 1)), "
                + "\(escapeHTML(leader)) \(fixed(100 * f.fair.share, 1))% ± \(fixed(100 * f.fair.shareSD, 1)). Best fit on the grid: "
                + "<b>fi = \(fixed(f.incrementalFraud, 3))</b> (incremental fraud), <b>fe = \(fixed(f.extremeFraud, 3))</b> (extreme "
                + "fraud), σx = \(fixed(f.sigmaX, 3)), α = \(fixed(f.alpha, 0)), fitted on \(f.fitBins) × \(f.fitBins) bins; "
                + "weighted distance \(sci(f.residual)) against \(sci(f.fairResidual)) for the fair model.</p>"
        }
        html += "<p>Detection: the fair model has turnout and share independent; fraud moves stations up in both. "
            + "Dependence of the two: upper-tail z = <b>\(fixed(f.dependence.zScore, 1))</b>, whole-range z = "
            + "<b>\(fixed(f.dependence.wholeRangeZScore ?? 0, 1))</b>; the larger against "
            + "\(format(f.dependence.nullStatistics.count)) shuffles of the shares between stations p "
            + "\(escapeHTML(pValue(f.dependence.pValue, draws: f.dependence.nullStatistics.count))) — "
            + (f.detected ? "<span class=flag>the fraud pattern is detected</span>" : "<span class=ok>not detected</span>") + ".</p>"
        html += "<div class=row>"
        html += heatmapSVG(f.observed.counts, bins: f.observed.bins, title: "Observed", xLabel: "turnout, %", yLabel: "\(leader), %")
        if !f.fitted.isEmpty, f.failure == nil {
            html += heatmapSVG(f.fitted, bins: 100, title: "Fitted fraud model", xLabel: "turnout, %", yLabel: "\(leader), %")
            html += heatmapSVG(f.fairModel, bins: 100, title: "Fair model (fi = fe = 0)", xLabel: "turnout, %", yLabel: "\(leader), %")
        }
        html += "</div><div class=row>" + scatterSVG + "</div>"
        let d = f.dependence
        if !d.nullStatistics.isEmpty {
            let low = min(d.nullStatistics.min() ?? 0, d.statistic), high = max(d.nullStatistics.max() ?? 0, d.statistic)
            let span = max(1, high - low), width = span / 40
            var counts = [Double](repeating: 0, count: 41)
            for value in d.nullStatistics { counts[min(40, max(0, Int((value - low) / width)))] += 1 }
            var chart = SVGChart(x: (low - span * 0.05)...(high + span * 0.08), y: 0...((counts.max() ?? 1) * 1.15),
                                 title: "Dependence (larger z): shuffled shares vs observed", xLabel: "z",
                                 yLabel: "shuffles")
            chart.bars(counts.enumerated().map { (low + (Double($0.offset) + 0.5) * width, $0.element) }, barWidth: width,
                       color: "#7a9cc6")
            chart.vertical(at: d.statistic, color: "#b00020", label: "observed z = \(fixed(d.statistic, 1))")
            html += "<div class=row>" + chart.render(xTicks: 5, xFormat: { String(format: "%.0f", $0) }) + "</div>"
        }
        return html
    }

    private var shpilkinSection: String {
        let s = shpilkin
        var html = "<h2>3. Shpilkin's anomalous votes</h2>"
        html += "<p>Core: stations with turnout up to \(fixed(s.coreTurnoutPercent, 0))% (the mode of the clean turnout hump"
            + (s.core.belowGlobalMode ? "; the taller peak at \(fixed(s.core.globalModePercent, 1))% is above it" : "") + "); "
            + "\(escapeHTML(leader)) there \(fixed(s.coreSharePercent, 2))% of ballots cast. Votes above the core's ratio in "
            + "higher-turnout bins: <b>\(format(s.anomalousVotes))</b>. Without them: \(escapeHTML(leader)) "
            + "\(fixed(s.correctedSharePercent, 2))% (announced \(fixed(s.reportedSharePercent, 2))%), turnout "
            + "\(fixed(s.correctedTurnoutPercent, 2))% (announced \(fixed(s.reportedTurnoutPercent, 2))%).</p>"
        let peak = Double(s.bins.map(\.cast).max() ?? 1)
        var chart = SVGChart(width: 900, height: 300, x: 0...100, y: 0...(peak * 1.1),
                             title: "Ballots by turnout bin: \(leader) (red), expected from the core (blue), others (grey)",
                             xLabel: "turnout, %", yLabel: "ballots")
        chart.bars(s.bins.map { ($0.turnoutPercent + 0.5, Double($0.cast)) }, barWidth: 0.9, color: "#d0d0d0")
        chart.bars(s.bins.map { ($0.turnoutPercent + 0.5, Double($0.leader)) }, barWidth: 0.9, color: "#d9534f")
        chart.bars(s.bins.map { ($0.turnoutPercent + 0.5, $0.expectedLeader) }, barWidth: 0.5, color: "#1f4e8c")
        chart.vertical(at: s.coreTurnoutPercent, color: "#333", label: "core ends")
        return html + "<div class=row>" + chart.render(xTicks: 10) + "</div>"
    }

    private var digitSection: String {
        var html = "<h2>4. Digit tests</h2><table><tr><th class=l>Test</th><th>n</th>"
            + (0...9).map { "<th>\($0)</th>" }.joined() + "<th>χ²</th><th>p</th></tr>"
        for test in digits.lastDigit + digits.secondDigit {
            let share = test.observed.map { test.sample > 0 ? fixed(100 * Double($0) / Double(test.sample), 1) : "–" }
            html += "<tr><td class=l>\(escapeHTML(test.name))</td><td>\(format(test.sample))</td>"
                + share.map { "<td>\($0)</td>" }.joined() + "<td>\(fixed(test.chiSquare, 1))</td><td>\(sci(test.pValue))</td></tr>"
        }
        let benford = DigitTests.benfordSecondDigit.map { "<td>\(fixed(100 * $0, 1))</td>" }.joined()
        html += "<tr><td class=l><i>Benford 2nd digit, %</i></td><td></td>\(benford)<td></td><td></td></tr></table>"
        return html + "<p class=caveat>Digit frequencies in percent; last digits use counts ≥ \(digits.lastDigitMinimum).</p>"
    }

    private var arithmeticSection: String {
        var html = "<h2>5. Protocol arithmetic</h2><table><tr><th class=l>Check</th><th class=l>Rule</th><th>Stations</th>"
            + "<th>Violations</th><th class=l>Examples</th></tr>"
        for check in arithmetic {
            html += "<tr><td class=l>\(check.id)</td><td class=l>\(escapeHTML(check.rule))</td><td>\(format(check.checked))</td>"
                + "<td>\(format(check.violations))</td><td class=l>\(check.examples.prefix(3).map(escapeHTML).joined(separator: "<br>"))</td></tr>"
        }
        return html + "</table>"
    }

    private var mobileSection: String {
        guard let mobile else { return "<h2>6. Mobile boxes</h2><p>The file does not publish ballots from mobile boxes.</p>" }
        var html = "<h2>6. Mobile boxes</h2><p>\(fixed(mobile.sharePercent, 2))% of all ballots came from mobile boxes. Outlier "
            + "rule: \(escapeHTML(mobile.outlierRule)); \(format(mobile.outlierCount)) stations flagged.</p><div class=row><div class=scroll>"
            + "<table><tr><th class=l>Region</th><th>Stations</th><th>Mobile %</th><th>Median station %</th><th>Outliers</th></tr>"
        for region in mobile.regions {
            html += "<tr><td class=l>\(escapeHTML(region.name))</td><td>\(format(region.stations))</td><td>\(fixed(region.sharePercent, 1))</td>"
                + "<td>\(fixed(region.medianStationPercent, 1))</td><td>\(region.outliers)</td></tr>"
        }
        html += "</table></div><div class=scroll><table><tr><th class=l>Region</th><th class=l>Station</th><th>Line</th>"
            + "<th>Mobile %</th><th>Ballots</th></tr>"
        for outlier in mobile.outliers {
            html += "<tr><td class=l>\(escapeHTML(outlier.region))</td><td class=l>\(escapeHTML(outlier.station))</td>"
                + "<td>\(outlier.line)</td><td>\(fixed(outlier.sharePercent, 1))</td><td>\(format(outlier.found))</td></tr>"
        }
        return html + "</table></div></div>"
    }

    private var exitPollSection: String {
        var html = "<h2>7. Exit polls</h2>"
        if exitPolls.isEmpty { return html + "<p>None given (<code>--exit-poll share=0.6,n=1500,deff=2</code>).</p>" }
        html += "<table><tr><th class=l>Poll</th><th>Share %</th><th>n (effective)</th><th>Reported %</th><th>z</th>"
            + "<th>log10 P</th></tr>"
        for poll in exitPolls {
            html += "<tr><td class=l>\(escapeHTML(poll.poll.label))</td><td>\(fixed(100 * poll.poll.share, 1))</td>"
                + "<td>\(format(poll.effectiveSample))</td><td>\(fixed(100 * poll.reportedShare, 2))</td><td>\(fixed(poll.zScore, 1))</td>"
                + "<td>\(fixed(poll.log10Probability, 1))</td></tr>"
        }
        return html + "</table>"
    }

    private var regionSection: String {
        var html = "<h2>Regions</h2><div class=scroll><table><tr><th class=l>Region</th><th>Stations</th><th>Registered</th>"
            + "<th>Turnout %</th><th>\(escapeHTML(leader)) %</th><th>Stations ≥ 95% / 95%</th></tr>"
        for region in regions {
            html += "<tr><td class=l>\(escapeHTML(region.name))</td><td>\(format(region.totals.stations))</td>"
                + "<td>\(format(region.totals.registered))</td><td>\(fixed(region.turnoutPercent, 2))</td>"
                + "<td>\(fixed(region.leaderPercent, 2))</td><td>\(format(region.stationsAbove95))</td></tr>"
        }
        return html + "</table></div>"
    }

    private var caveatSection: String {
        var html = "<h2>What each method can and cannot say</h2>"
        for note in notes {
            html += "<h3>\(escapeHTML(note.method))</h3><p class=caveat><i>\(escapeHTML(note.reference))</i></p><ul class=caveat>"
                + note.caveats.map { "<li>\(escapeHTML($0))</li>" }.joined() + "</ul>"
        }
        return html
    }
}
