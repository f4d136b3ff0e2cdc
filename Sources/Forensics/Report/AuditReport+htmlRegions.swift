import Foundation

extension AuditReport {
    /// Shpilkin's estimate and the fingerprint's detection per region, side by side.
    var regionEstimatesSection: String {
        let detection = Dictionary(fingerprint.regions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var html = "<h2>Per region: Shpilkin's estimate and fingerprint detection</h2>"
        html += "<p class=caveat>Each region is measured against its own clean core when it has at least "
            + "\(ShpilkinEstimate.stationsForOwnCore) stations and a turnout hump within "
            + "\(ShpilkinEstimate.ownCoreMaximumShift) points of the national core; else against the national core. "
            + "Detection per region: the upper-tail dependence z with a normal p-value, flagged after Holm's correction "
            + "over the regions tested (at least \(UpperTailDependence.minimumRegionStations) stations).</p>"
        html += "<div class=scroll><table><tr><th class=l>Region</th><th>Stations</th><th>Core ≤ %</th><th>Core share %</th>"
            + "<th>Anomalous votes</th><th>\(escapeHTML(leader)) %</th><th>Without them %</th><th>Turnout %</th>"
            + "<th>Without them %</th><th>z</th><th class=l>Detected</th></tr>"
        for region in shpilkin.regions {
            let test = detection[region.name]
            let z = test?.zScore.map { fixed($0, 1) } ?? "–"
            let verdict = test?.zScore == nil ? "too few stations" : (test?.detected == true ? "<span class=flag>yes</span>" : "no")
            html += "<tr><td class=l>\(escapeHTML(region.name))</td><td>\(format(region.stations))</td>"
                + "<td>\(fixed(region.coreTurnoutPercent, 0))\(region.ownCore ? "" : "*")</td><td>\(fixed(region.coreSharePercent, 1))</td>"
                + "<td>\(format(region.anomalousVotes))</td><td>\(fixed(region.reportedSharePercent, 1))</td>"
                + "<td>\(fixed(region.correctedSharePercent, 1))</td><td>\(fixed(region.reportedTurnoutPercent, 1))</td>"
                + "<td>\(fixed(region.correctedTurnoutPercent, 1))</td><td>\(z)</td><td class=l>\(verdict)</td></tr>"
        }
        return html + "</table></div><p class=caveat>* measured against the national core.</p>"
    }

    /// Turnout by leader share, one translucent circle per station with area proportional to its voters.
    var scatterSVG: String {
        guard !scatter.isEmpty else { return "" }
        let sizes = scatter.map(\.registered).sorted()
        let median = Double(max(1, sizes[sizes.count / 2]))
        var chart = SVGChart(
            width: 620, height: 560, x: 0...100, y: 0...100,
            title: "Stations by turnout and \(leader) share (area ∝ voters\(totals.stations > scatter.count ? "; every \((totals.stations + scatter.count - 1) / scatter.count)th station" : ""))",
            xLabel: "turnout, %", yLabel: "\(leader), % of ballots cast")
        chart.grid(step: 10)
        chart.circles(
            scatter.map { (x: $0.turnout, y: $0.share, r: 1.6 * (Double($0.registered) / median).squareRoot()) },
            color: "#1f4e8c", opacity: 0.12)
        chart.vertical(at: shpilkin.core.modePercent, color: "#b00020", label: "clean core \(fixed(shpilkin.core.modePercent, 1))%")
        return chart.render(xTicks: 10)
    }
}
