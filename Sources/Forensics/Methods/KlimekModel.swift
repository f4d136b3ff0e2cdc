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

    /// Estimates the fair parameters from the stations the way the paper reads them off the fair
    /// peak: the centre is the mode of the smoothed 1-point histogram, the spread is the root mean
    /// square distance from the mode of the stations below it (fraud moves stations up, so the lower
    /// side is the clean one), less the binomial variance of a station of that size.
    static func estimateFair(turnouts: [Double], shares: [Double], registered: [Int], cast: [Int]) -> FairParameters {
        let turnout = mode(turnouts)
        let share = mode(shares)
        var binomialT = 0.0, binomialV = 0.0
        for index in registered.indices {
            binomialT += turnout * (1 - turnout) / Double(max(1, registered[index]))
            binomialV += share * (1 - share) / Double(max(1, cast[index]))
        }
        binomialT /= Double(max(1, registered.count))
        binomialV /= Double(max(1, registered.count))
        let sdT = (max(lowerSideVariance(turnouts, centre: turnout) - binomialT, 1e-6)).squareRoot()
        let sdV = (max(lowerSideVariance(shares, centre: share) - binomialV, 1e-6)).squareRoot()
        return FairParameters(turnout: turnout, turnoutSD: sdT, share: share, shareSD: sdV)
    }

    /// Mode of values in [0, 1]: peak of a 0.5-point histogram smoothed over 5 bins, refined to the
    /// mean of the values within that window. Peaks above 97% are not considered: extreme fraud
    /// piles stations up at 100%, and that pile is not the fair peak.
    static func mode(_ values: [Double]) -> Double {
        let bins = 200
        var histogram = [Double](repeating: 0, count: bins)
        for value in values { histogram[Fingerprint.bin(value, bins: bins)] += 1 }
        var best = 0, bestSum = -1.0
        for centre in 0..<194 {
            var sum = 0.0
            for offset in -2...2 where (0..<bins).contains(centre + offset) {
                sum += histogram[centre + offset]
            }
            if sum > bestSum {
                bestSum = sum
                best = centre
            }
        }
        let low = Double(best - 2) / Double(bins), high = Double(best + 3) / Double(bins)
        var total = 0.0, count = 0.0
        for value in values where value >= low && value < high {
            total += value
            count += 1
        }
        return count > 0 ? total / count : (Double(best) + 0.5) / Double(bins)
    }

    static func lowerSideVariance(_ values: [Double], centre: Double) -> Double {
        var sum = 0.0, count = 0.0
        for value in values where value < centre {
            sum += (value - centre) * (value - centre)
            count += 1
        }
        return count > 0 ? sum / count : 0
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
