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

    /// Estimates the fair parameters from the lower part of each distribution, where fraud (which only
    /// moves stations up) changes least. With a share `contamination` of stations moved up, the fair
    /// p-quantile is the observed p·(1 − contamination)-quantile; the centre and spread of a normal are
    /// solved from the fair 10% and 40% quantiles, and the binomial variance of a station of the
    /// typical size is removed from the spread. (The paper reads the fair peak off the mode; on
    /// synthetic fair elections the mode is too noisy and the fit then reports fraud that is not there.)
    static func estimateFair(
        turnouts: [Double], shares: [Double], registered: [Int], cast: [Int], contamination: Double = 0
    ) -> FairParameters {
        let (turnout, spreadT) = lowerNormal(turnouts, contamination: contamination)
        let (share, spreadV) = lowerNormal(shares, contamination: contamination)
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

    /// Centre and spread of the normal through the fair 10% and 40% quantiles.
    static func lowerNormal(_ values: [Double], contamination: Double) -> (centre: Double, spread: Double) {
        guard values.count > 1 else { return (0.5, 0.1) }
        let sorted = values.sorted()
        func quantile(_ p: Double) -> Double {
            let position = p * (1 - min(0.9, max(0, contamination))) * Double(sorted.count - 1)
            let low = Int(position.rounded(.down)), high = min(sorted.count - 1, low + 1)
            return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
        }
        let z10 = SpecialFunctions.normalQuantile(0.10), z40 = SpecialFunctions.normalQuantile(0.40)
        let q10 = quantile(0.10), q40 = quantile(0.40)
        let spread = max((q40 - q10) / (z40 - z10), 1e-4)
        return (q40 - z40 * spread, spread)
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
