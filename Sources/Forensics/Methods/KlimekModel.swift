import Foundation

/// The fraud model of Klimek, Yegorov, Hanel and Thurner (PNAS 109(41), 2012). In a fair election each
/// station's turnout and leader share are normal around the country's values; with probability fi a
/// station has incremental fraud (a fraction x of its non-voters are added as leader votes, and a
/// fraction x^α of the other options' votes are moved to the leader), with probability fe extreme
/// fraud (the same with x near 1).
public enum KlimekModel {
    /// Centre and spread of turnout and leader share in the fair part of the election.
    public struct FairParameters: Codable, Equatable, Sendable {
        /// Most common turnout.
        public var turnout: Double
        /// Spread of turnout between stations (binomial noise removed).
        public var turnoutSD: Double
        /// Most common leader share.
        public var share: Double
        /// Spread of leader share between stations (binomial noise removed).
        public var shareSD: Double

        /// Creates fair parameters.
        public init(turnout: Double, turnoutSD: Double, share: Double, shareSD: Double) {
            self.turnout = turnout
            self.turnoutSD = turnoutSD
            self.share = share
            self.shareSD = shareSD
        }
    }

    /// One station of the model: its registered voters.
    struct Unit {
        var registered: Int
    }

    /// Estimates the fair parameters by fitting a normal to the peak of each distribution, as the paper
    /// does: a parabola is fitted (weighted by counts) to the log of the histogram (0.5-point bins for
    /// 50,000 stations, wider for fewer) from 1.5 spreads below the mode to half a spread above it,
    /// where fraud (which moves stations up and out of the peak) changes the shape least. Below 20,000
    /// stations that fit is too noisy: the share's normal is then the one through the 10% and 40%
    /// quantiles (they also give the starting spread, and serve if the peak cannot be fitted). The
    /// binomial variance of a station of the typical size is removed from the spread.
    ///
    /// The peak is the clean core's (`CleanCore`). With 20,000 stations or more and the core at the
    /// global peak this is the paper's procedure unchanged. Otherwise (a falsified peak outweighs the
    /// clean one, or too few stations for the peak fit, where the quantiles are pulled up by fraud)
    /// the turnout normal is the core's hump (centre at its mode, spread from its lower half, the peak
    /// fit around it when there are enough stations) and the share normal is read off the core's stations.
    static func estimateFair(
        turnouts: [Double], shares: [Double], registered: [Int], cast: [Int], core: CleanCore? = nil
    ) -> FairParameters {
        let paperFit = turnouts.count >= 20_000 && core?.belowGlobalMode != true
        let hint = core.flatMap { paperFit ? nil : $0.modePercent / 100 }
        let (turnout, spreadT) = peakNormal(turnouts, near: hint, lowerEdge: (core?.lowerEdgePercent ?? 0) / 100)
        var shareSample = shares
        if let core, hint != nil {
            let inCore = zip(turnouts, shares).filter { Fingerprint.bin($0.0, bins: 100) <= core.edgeBin }.map(\.1)
            if inCore.count > 10 { shareSample = inCore }
        }
        let (share, spreadV) = peakNormal(shareSample)
        var binomialT = 0.0, binomialV = 0.0
        for index in registered.indices {
            binomialT += turnout * (1 - turnout) / Double(max(1, registered[index]))
            binomialV += share * (1 - share) / Double(max(1, cast[index]))
        }
        binomialT /= Double(max(1, registered.count))
        binomialV /= Double(max(1, registered.count))
        let sdT = max(spreadT * spreadT - binomialT, 1e-6).squareRoot()
        let sdV = max(spreadV * spreadV - binomialV, 1e-6).squareRoot()
        return FairParameters(turnout: turnout, turnoutSD: sdT, share: share, shareSD: sdV)
    }

    /// Centre and spread of the normal fitted to the peak of values in [0, 1].
    /// With `hint` (the clean core's mode), the hump around it instead (`hintedPeakNormal`).
    static func peakNormal(
        _ values: [Double], near hint: Double? = nil, lowerEdge: Double = 0
    ) -> (centre: Double, spread: Double) {
        guard values.count > 10 else { return (values.reduce(0, +) / Double(max(1, values.count)), 0.1) }
        if let hint { return hintedPeakNormal(values, mode: hint, lowerEdge: lowerEdge) }
        let sorted = values.sorted()
        func quantile(_ p: Double) -> Double { sorted[Int(p * Double(sorted.count - 1))] }
        let z10 = SpecialFunctions.normalQuantile(0.10), z40 = SpecialFunctions.normalQuantile(0.40)
        let start = max((quantile(0.40) - quantile(0.10)) / (z40 - z10), 1e-3)
        let fallback = (quantile(0.40) - z40 * start, start)
        guard values.count >= 20_000 else { return fallback }
        return parabolaFit(values, start: start, window: 0..<1) ?? fallback
    }

    /// The hump whose mode is `mode`: the starting spread is the root mean square distance below the
    /// mode of the values between it and the hump's lower valley `lowerEdge` and within 30 points (the
    /// lower half of a normal, which ballot stuffing does not reach); the peak is searched within 3
    /// points of the mode.
    static func hintedPeakNormal(_ values: [Double], mode: Double, lowerEdge: Double) -> (centre: Double, spread: Double) {
        var sum = 0.0, count = 0
        for value in values where value <= mode && value > max(mode - 0.3, lowerEdge) {
            sum += (mode - value) * (mode - value)
            count += 1
        }
        let start = count > 5 ? max((sum / Double(count)).squareRoot(), 1e-3) : 0.1
        guard values.count >= 20_000 else { return (mode, start) }
        return parabolaFit(values, start: start, window: max(0, mode - 0.03)..<min(1, mode + 0.03)) ?? (mode, start)
    }

    /// The normal through a log-parabola fitted (weighted by counts) to the histogram from 1.5 `start`
    /// below the peak to half a `start` above it; the peak is the largest 5-bin sum whose centre lies in
    /// `window` (and below 97%). Nil when the fit is not a downward parabola near the peak.
    static func parabolaFit(_ values: [Double], start: Double, window: Range<Double>) -> (centre: Double, spread: Double)? {
        let bins = min(200, max(40, values.count / 250))
        var histogram = [Double](repeating: 0, count: bins)
        for value in values { histogram[Fingerprint.bin(value, bins: bins)] += 1 }
        var peak = 0, best = -1.0
        for centre in 0..<(bins * 97 / 100) {
            let position = (Double(centre) + 0.5) / Double(bins)
            guard window.contains(position) else { continue }
            let sum = (max(0, centre - 2)...min(bins - 1, centre + 2)).reduce(0.0) { $0 + histogram[$1] }
            if sum > best {
                best = sum
                peak = centre
            }
        }
        let mode = (Double(peak) + 0.5) / Double(bins)
        var sums = [Double](repeating: 0, count: 8)
        var used = 0
        for index in 0..<bins where histogram[index] > 0 {
            let x = (Double(index) + 0.5) / Double(bins) - mode
            guard x >= -1.5 * start, x <= 0.5 * start else { continue }
            let w = histogram[index], y = log(histogram[index])
            sums[0] += w
            sums[1] += w * x
            sums[2] += w * x * x
            sums[3] += w * x * x * x
            sums[4] += w * x * x * x * x
            sums[5] += w * y
            sums[6] += w * x * y
            sums[7] += w * x * x * y
            used += 1
        }
        guard used >= 5,
            let (_, b, a) = solve3(
                [[sums[0], sums[1], sums[2]], [sums[1], sums[2], sums[3]], [sums[2], sums[3], sums[4]]],
                [sums[5], sums[6], sums[7]]),
            a < 0
        else { return nil }
        let spread = (-1 / (2 * a)).squareRoot()
        let centre = mode - b / (2 * a)
        guard spread.isFinite, centre.isFinite, abs(centre - mode) < 2 * start, spread < 4 * start else { return nil }
        return (centre, spread)
    }

    /// Solves a 3 × 3 linear system by Cramer's rule; nil if singular.
    static func solve3(_ m: [[Double]], _ r: [Double]) -> (Double, Double, Double)? {
        func det(_ a: [[Double]]) -> Double {
            a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0])
        }
        let d = det(m)
        guard abs(d) > 1e-300 else { return nil }
        func replaced(_ column: Int) -> [[Double]] {
            m.enumerated().map { row, values in
                values.enumerated().map { $0.offset == column ? r[row] : $0.element }
            }
        }
        return (det(replaced(0)) / d, det(replaced(1)) / d, det(replaced(2)) / d)
    }

    /// A binomial count: normal approximation when the variance is at least 9, exact otherwise
    /// (the model's histograms are at 1-point resolution, where the two cannot be told apart).
    @inline(__always)
    static func count(_ n: Int, _ p: Double, _ random: inout Xoshiro256) -> Int {
        let variance = Double(n) * p * (1 - p)
        if variance < 9 { return random.binomial(n: n, p: p) }
        let value = (Double(n) * p + variance.squareRoot() * random.normal()).rounded()
        return min(n, max(0, Int(value)))
    }

    /// One fair station: (ballots cast, leader votes).
    @inline(__always)
    static func fairStation(
        registered: Int, fair: FairParameters, _ random: inout Xoshiro256
    ) -> (cast: Int, leader: Int) {
        let t = min(1, max(0, random.normal(mean: fair.turnout, sd: fair.turnoutSD)))
        let v = min(1, max(0, random.normal(mean: fair.share, sd: fair.shareSD)))
        let cast = count(registered, t, &random)
        let leader = cast > 0 ? count(cast, v, &random) : 0
        return (cast, leader)
    }

    /// Applies fraud of intensity `x` (0…1) to a station: x of the non-voters become leader votes
    /// (ballot stuffing) and x^α of the others' votes move to the leader (vote stealing).
    @inline(__always)
    static func applyFraud(
        registered: Int, cast: Int, leader: Int, intensity x: Double, alpha: Double
    ) -> (cast: Int, leader: Int) {
        let stuffed = Int((x * Double(registered - cast)).rounded())
        let stolen = Int((pow(x, alpha) * Double(cast - leader)).rounded())
        return (cast + stuffed, leader + stuffed + stolen)
    }
}
