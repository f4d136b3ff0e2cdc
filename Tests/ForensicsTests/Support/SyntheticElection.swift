import Forensics
import Foundation

/// A generator of station-level results with known truth: a fair election (each station's turnout and
/// leader share drawn around national values, votes drawn binomially) with optional Klimek-style fraud
/// (incremental with probability fi, extreme with probability fe), optional plain ballot stuffing on a
/// share of stations, and an optional low-turnout capital beside the rest. Written apart from the
/// library's model code, so a mistake there cannot hide itself here.
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
    /// Share of all stations where ballots for the leader are stuffed: a fraction x ~ N(stuffing,
    /// stuffingSD) (clamped to 0…1) of the station's non-voters; nothing else changes.
    var falsified = 0.0
    var stuffing = 0.6
    var stuffingSD = 0.15
    /// Share of stations in a clean capital (region "Capital") whose turnout centres on `capitalTurnout`.
    var capital = 0.0
    var capitalTurnout = 0.35

    /// What was done to the numbers.
    struct Truth {
        /// Leader votes added (stuffed ballots and stolen votes).
        var addedVotes = 0
        /// Ballots cast before any fraud.
        var cleanCast = 0
        /// Registered voters.
        var registered = 0

        /// Turnout without the added ballots, in percent.
        var cleanTurnoutPercent: Double { 100 * Double(cleanCast) / Double(registered) }
    }

    /// Stations as a two-option result (leader, others) with valid = cast and no invalid ballots.
    func make(seed: UInt64) -> StationResults { generate(seed: seed).results }

    /// The results and the truth behind them.
    func generate(seed: UInt64) -> (results: StationResults, truth: Truth) {
        var random = Xoshiro256(seed: seed)
        var list: [Station] = []
        var truth = Truth()
        list.reserveCapacity(stations)
        for index in 0..<stations {
            let inCapital = capital > 0 && Double(index) < capital * Double(stations)
            let n = registered.lowerBound + Int(random.next() % UInt64(registered.count))
            let t = clamp(random.normal(mean: inCapital ? capitalTurnout : turnout, sd: turnoutSD))
            let v = clamp(random.normal(mean: share, sd: shareSD))
            var cast = random.binomial(n: n, p: t)
            var leader = random.binomial(n: cast, p: v)
            truth.cleanCast += cast
            truth.registered += n
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
                truth.addedVotes += stuffed + stolen
            }
            if falsified > 0, !inCapital, random.unit() < falsified / (1 - capital) {
                let x = clamp(random.normal(mean: stuffing, sd: stuffingSD))
                let stuffed = Int((x * Double(n - cast)).rounded())
                cast += stuffed
                leader += stuffed
                truth.addedVotes += stuffed
            }
            list.append(Station(
                region: inCapital ? "Capital" : "R\(index % 10)", id: "\(index + 1)", line: index + 2,
                registered: n, issued: cast, found: cast, valid: cast, invalid: 0, votes: [leader, cast - leader]))
        }
        let results = StationResults(
            source: "synthetic(seed: \(seed))", profileName: "synthetic", options: ["Leader", "Others"], leader: 0,
            stations: list,
            mapped: .init(issued: true, found: true, mobile: false, valid: true, invalid: true))
        return (results, truth)
    }

    private func clamp(_ x: Double) -> Double { min(1, max(0, x)) }
}
