import Foundation

/// A small SVG chart builder for the HTML report: a plot area with linear axes, lines, bars, markers.
struct SVGChart {
    var width: Double
    var height: Double
    var xRange: ClosedRange<Double>
    var yRange: ClosedRange<Double>
    var yStep: Double
    var title: String
    var xLabel: String
    var yLabel: String
    private var body: [String] = []
    private let margin = (left: 64.0, right: 16.0, top: 28.0, bottom: 44.0)

    init(
        width: Double = 640, height: Double = 260, x: ClosedRange<Double>, y: ClosedRange<Double>,
        title: String, xLabel: String, yLabel: String
    ) {
        self.width = width
        self.height = height
        xRange = x
        let top = y.upperBound > y.lowerBound ? y.upperBound : y.lowerBound + 1
        yStep = niceStep((top - y.lowerBound) / 4)
        yRange = y.lowerBound...(y.lowerBound + (((top - y.lowerBound) / yStep).rounded(.up)) * yStep)
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    func px(_ x: Double) -> Double {
        margin.left + (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
            * (width - margin.left - margin.right)
    }

    func py(_ y: Double) -> Double {
        height - margin.bottom - (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound)
            * (height - margin.top - margin.bottom)
    }

    /// A polyline through the points.
    mutating func line(_ points: [(Double, Double)], color: String, width: Double = 1) {
        let path = points.map { "\(short(px($0.0))),\(short(py(min($0.1, yRange.upperBound))))" }.joined(separator: " ")
        body.append("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(width)\" points=\"\(path)\"/>")
    }

    /// Bars from the x axis, each `barWidth` wide in data units.
    mutating func bars(_ points: [(Double, Double)], barWidth: Double, color: String) {
        for (x, y) in points where y > 0 {
            let left = px(x - barWidth / 2), right = px(x + barWidth / 2)
            let top = py(min(y, yRange.upperBound))
            body.append("<rect x=\"\(short(left))\" y=\"\(short(top))\" width=\"\(short(max(0.5, right - left)))\" "
                + "height=\"\(short(py(yRange.lowerBound) - top))\" fill=\"\(color)\"/>")
        }
    }

    /// Circles at (x, y) of radius r pixels, translucent so that dense places read darker.
    mutating func circles(_ points: [(x: Double, y: Double, r: Double)], color: String, opacity: Double) {
        body.append("<g fill=\"\(color)\" fill-opacity=\"\(opacity)\">")
        for point in points {
            body.append("<circle cx=\"\(short(px(point.x)))\" cy=\"\(short(py(point.y)))\" r=\"\(short(point.r))\"/>")
        }
        body.append("</g>")
    }

    /// A vertical marker with a label.
    mutating func vertical(at x: Double, color: String, label: String) {
        let position = px(min(max(x, xRange.lowerBound), xRange.upperBound))
        body.append("<line x1=\"\(short(position))\" x2=\"\(short(position))\" y1=\"\(short(py(yRange.upperBound)))\" "
            + "y2=\"\(short(py(yRange.lowerBound)))\" stroke=\"\(color)\" stroke-width=\"2\"/>")
        let anchor = position > width * 0.7 ? "end" : "start"
        let shift = anchor == "end" ? -4.0 : 4.0
        body.append("<text x=\"\(short(position + shift))\" y=\"\(short(py(yRange.upperBound) + 14))\" "
            + "fill=\"\(color)\" font-size=\"12\" text-anchor=\"\(anchor)\">\(escapeHTML(label))</text>")
    }

    /// A horizontal line across the plot.
    mutating func horizontal(at y: Double, color: String, label: String) {
        let position = py(y)
        body.append("<line x1=\"\(short(px(xRange.lowerBound)))\" x2=\"\(short(px(xRange.upperBound)))\" "
            + "y1=\"\(short(position))\" y2=\"\(short(position))\" stroke=\"\(color)\" stroke-dasharray=\"4 3\"/>")
        body.append("<text x=\"\(short(px(xRange.lowerBound) + 4))\" y=\"\(short(position - 4))\" fill=\"\(color)\" "
            + "font-size=\"11\">\(escapeHTML(label))</text>")
    }

    /// Faint vertical grid lines at each multiple of `step`.
    mutating func grid(step: Double, color: String = "#e3e3e3") {
        var x = (xRange.lowerBound / step).rounded(.up) * step
        while x <= xRange.upperBound {
            body.append("<line x1=\"\(short(px(x)))\" x2=\"\(short(px(x)))\" y1=\"\(short(py(yRange.upperBound)))\" "
                + "y2=\"\(short(py(yRange.lowerBound)))\" stroke=\"\(color)\" stroke-width=\"0.5\"/>")
            x += step
        }
    }

    /// The finished `<svg>` element with axes, ticks and labels.
    func render(xTicks: Int = 10, xFormat: (Double) -> String = { short($0) }) -> String {
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(short(width))\" height=\"\(short(height))\" "
            + "viewBox=\"0 0 \(short(width)) \(short(height))\" font-family=\"sans-serif\">"]
        parts.append("<text x=\"\(short(margin.left))\" y=\"16\" font-size=\"13\" font-weight=\"bold\">\(escapeHTML(title))</text>")
        parts.append(contentsOf: body)
        let left = px(xRange.lowerBound), right = px(xRange.upperBound)
        let bottom = py(yRange.lowerBound), top = py(yRange.upperBound)
        parts.append("<path d=\"M\(short(left)),\(short(top)) V\(short(bottom)) H\(short(right))\" fill=\"none\" stroke=\"#333\"/>")
        for tick in 0...xTicks {
            let value = xRange.lowerBound + Double(tick) / Double(xTicks) * (xRange.upperBound - xRange.lowerBound)
            parts.append("<text x=\"\(short(px(value)))\" y=\"\(short(bottom + 16))\" font-size=\"11\" "
                + "text-anchor=\"middle\">\(escapeHTML(xFormat(value)))</text>")
        }
        for value in stride(from: yRange.lowerBound, through: yRange.upperBound + yStep / 2, by: yStep) {
            parts.append("<text x=\"\(short(left - 6))\" y=\"\(short(py(value) + 4))\" font-size=\"11\" "
                + "text-anchor=\"end\">\(escapeHTML(compact(value)))</text>")
        }
        parts.append("<text x=\"\(short((left + right) / 2))\" y=\"\(short(height - 8))\" font-size=\"12\" "
            + "text-anchor=\"middle\">\(escapeHTML(xLabel))</text>")
        parts.append("<text transform=\"translate(14,\(short((top + bottom) / 2))) rotate(-90)\" font-size=\"12\" "
            + "text-anchor=\"middle\">\(escapeHTML(yLabel))</text>")
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}

/// 1, 2 or 5 times a power of ten, at least `raw`.
func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let power = pow(10, (log10(raw)).rounded(.down))
    for factor in [1.0, 2, 5, 10] where factor * power >= raw { return factor * power }
    return 10 * power
}

/// A heat map of a square histogram (row = x bin, column = y bin) on a logarithmic colour scale.
func heatmapSVG(_ cells: [Double], bins: Int, title: String, xLabel: String, yLabel: String, size: Double = 300) -> String {
    let peak = cells.max() ?? 0
    let cell = size / Double(bins)
    let left = 44.0, top = 24.0
    var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(short(size + left + 10))\" "
        + "height=\"\(short(size + top + 40))\" font-family=\"sans-serif\">",
        "<text x=\"\(short(left))\" y=\"16\" font-size=\"13\" font-weight=\"bold\">\(escapeHTML(title))</text>",
        "<rect x=\"\(short(left))\" y=\"\(short(top))\" width=\"\(short(size))\" height=\"\(short(size))\" fill=\"#0b0b2a\"/>"]
    if peak > 0 {
        let floor = peak * 1e-4
        for x in 0..<bins {
            for y in 0..<bins {
                let value = cells[x * bins + y]
                guard value > floor else { continue }
                let level = log10(value / floor) / 4
                parts.append("<rect x=\"\(short(left + Double(x) * cell))\" y=\"\(short(top + size - Double(y + 1) * cell))\" "
                    + "width=\"\(short(cell + 0.2))\" height=\"\(short(cell + 0.2))\" fill=\"\(heatColour(level))\"/>")
            }
        }
    }
    for tick in stride(from: 0, through: 100, by: 20) {
        let offset = Double(tick) / 100 * size
        parts.append("<text x=\"\(short(left + offset))\" y=\"\(short(top + size + 14))\" font-size=\"10\" text-anchor=\"middle\">\(tick)</text>")
        parts.append("<text x=\"\(short(left - 4))\" y=\"\(short(top + size - offset + 3))\" font-size=\"10\" text-anchor=\"end\">\(tick)</text>")
    }
    parts.append("<text x=\"\(short(left + size / 2))\" y=\"\(short(top + size + 30))\" font-size=\"11\" text-anchor=\"middle\">\(escapeHTML(xLabel))</text>")
    parts.append("<text transform=\"translate(12,\(short(top + size / 2))) rotate(-90)\" font-size=\"11\" text-anchor=\"middle\">\(escapeHTML(yLabel))</text>")
    parts.append("</svg>")
    return parts.joined(separator: "\n")
}

/// Dark blue → red → yellow → white for 0…1.
func heatColour(_ level: Double) -> String {
    let t = min(1, max(0, level))
    let stops: [(Double, Double, Double)] = [(20, 20, 90), (180, 30, 60), (250, 170, 30), (255, 255, 230)]
    let scaled = t * Double(stops.count - 1)
    let index = min(stops.count - 2, Int(scaled))
    let f = scaled - Double(index)
    let a = stops[index], b = stops[index + 1]
    return String(format: "#%02x%02x%02x", Int(a.0 + (b.0 - a.0) * f), Int(a.1 + (b.1 - a.1) * f), Int(a.2 + (b.2 - a.2) * f))
}

func short(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(format: "%.1f", value)
}

func compact(_ value: Double) -> String {
    if abs(value) >= 1_000_000 { return String(format: "%.1fM", value / 1_000_000) }
    if abs(value) >= 10_000 { return String(format: "%.0fk", value / 1000) }
    if value == value.rounded() { return String(Int(value)) }
    return abs(value) < 0.01 ? String(format: "%.1e", value) : String(format: "%.2f", value)
}

func escapeHTML(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}
