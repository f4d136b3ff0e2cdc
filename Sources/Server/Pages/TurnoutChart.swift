import Foundation

/// Turnout over time as an SVG line chart: per region, the share of its register that has voted, at
/// the end of each hour with ballots. Drawn on the server: no script, no external library.
enum TurnoutChart {
    static let colors = ["#0057b8", "#d97706", "#15803d", "#b91c1c", "#7c3aed", "#0e7490"]

    /// The chart of `snapshot`'s regions, labelled with `names`.
    static func svg(_ snapshot: TurnoutSnapshot, names: [String: String], width: Int = 880, height: Int = 300) -> String {
        let (left, right, top, bottom) = (48.0, 150.0, 16.0, 34.0)
        let plotWidth = Double(width) - left - right, plotHeight = Double(height) - top - bottom
        let times = snapshot.regions.flatMap { $0.timeline.map(\.hour.timeIntervalSince1970) }
        guard let first = times.min(), let last = times.max() else {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"60\" role=\"img\"><text x=\"8\" y=\"30\">–</text></svg>"
        }
        let start = first, end = max(last + 3600, first + 3600)
        let peak = max(0.05, snapshot.regions.compactMap(\.turnout).max() ?? 0)
        let top100 = min(1, (peak * 1.15 * 20).rounded(.up) / 20)
        func x(_ t: Double) -> Double { left + (t - start) / (end - start) * plotWidth }
        func y(_ share: Double) -> Double { top + (1 - share / top100) * plotHeight }
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\">"]
        for step in 0...4 {
            let share = top100 * Double(step) / 4
            parts.append("<line x1=\"\(f(left))\" x2=\"\(f(left + plotWidth))\" y1=\"\(f(y(share)))\" y2=\"\(f(y(share)))\" stroke=\"#e3e7ee\"/>")
            parts.append("<text x=\"\(f(left - 6))\" y=\"\(f(y(share) + 4))\" text-anchor=\"end\">\(Int((share * 100).rounded()))%</text>")
        }
        let format = DateFormatter()
        format.dateFormat = "dd.MM HH:mm"
        format.timeZone = TimeZone(identifier: "UTC")
        for step in 0...4 {
            let t = start + (end - start) * Double(step) / 4
            parts.append("<text x=\"\(f(x(t)))\" y=\"\(f(top + plotHeight + 20))\" text-anchor=\"middle\">\(format.string(from: Date(timeIntervalSince1970: t))) UTC</text>")
        }
        for (index, region) in snapshot.regions.enumerated() where region.registered > 0 {
            let color = colors[index % colors.count]
            var points = [(x(start), y(0))]
            for point in region.timeline {
                let share = Double(point.count) / Double(region.registered)
                points.append((x(point.hour.timeIntervalSince1970 + 3600), y(share)))
            }
            let path = points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
            parts.append("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\" points=\"\(path)\"/>")
            let labelY = top + 14 + Double(index) * 18
            parts.append("<rect x=\"\(f(left + plotWidth + 12))\" y=\"\(f(labelY - 9))\" width=\"12\" height=\"4\" fill=\"\(color)\"/>")
            parts.append("<text x=\"\(f(left + plotWidth + 30))\" y=\"\(f(labelY - 3))\">\(escape(names[region.id] ?? region.id))</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
