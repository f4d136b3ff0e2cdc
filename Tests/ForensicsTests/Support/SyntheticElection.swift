import Forensics
import Foundation

/// A generator of station-level results with known truth: a fair election (each station's turnout and
/// leader share drawn around national values, votes drawn binomially) with optional Klimek-style fraud
/// (incremental with probability fi, extreme with probability fe). Written apart from the library's
/// model code, so a mistake there cannot hide itself here.
struct SyntheticElection {
    var stations = 3000
    var registered: ClosedRange<Int> = 300...2500
    var turnout = 0.55
    var turnoutSD = 0.08
    var share = 0.45
    var shareSD = 0.08
    var incrementalFraud = 0.0
    var extremeFraud = 0.0
    var sigmaX = 0.1
    var alpha = 2.0

    /// Stations as a two-option result (leader, others) with valid = cast and no invalid ballots.
    func make(seed: UInt64) -> StationResults {
        var random = Xoshiro256(seed: seed)
        var list: [Station] = []
        list.reserveCapacity(stations)
        for index in 0..<stations {
            let n = registered.lowerBound + Int(random.next() % UInt64(registered.count))
            let t = clamp(random.normal(mean: turnout, sd: turnoutSD))
            let v = clamp(random.normal(mean: share, sd: shareSD))
            var cast = random.binomial(n: n, p: t)
            var leader = random.binomial(n: cast, p: v)
            let draw = random.unit()
            var intensity: Double?
            if draw < incrementalFraud {
                intensity = min(1, abs(random.normal(mean: 0, sd: sigmaX)))
            } else if draw < incrementalFraud + extremeFraud {
                intensity = clamp(random.normal(mean: 1 - sigmaX, sd: sigmaX))
            }
            if let x = intensity {
                let stuffed = Int((x * Double(n - cast)).rounded())
                let stolen = Int((pow(x, alpha) * Double(cast - leader)).rounded())
                cast += stuffed
                leader += stuffed + stolen
            }
            list.append(Station(
                region: "R\(index % 10)", id: "\(index + 1)", line: index + 2, registered: n, issued: cast,
                found: cast, valid: cast, invalid: 0, votes: [leader, cast - leader]))
        }
        return StationResults(
            source: "synthetic(seed: \(seed))", profileName: "synthetic", options: ["Leader", "Others"], leader: 0,
            stations: list,
            mapped: .init(issued: true, found: true, mobile: false, valid: true, invalid: true))
    }

    private func clamp(_ x: Double) -> Double { min(1, max(0, x)) }
}
