/// The clean core of an election: the stations whose turnout and leader share show no sign of
/// falsification, located without assuming that clean stations are the majority. Shared by
/// Shpilkin's estimate (its reference ratio) and the fingerprint (its fair part).
///
/// Ballot stuffing only ever raises a station's turnout, so whatever the share of falsified stations,
/// the lowest-turnout hump of the turnout distribution is made of clean stations. The core's centre
/// is the mode of the lowest *substantial* hump of the voter-weighted turnout histogram (1-point bins,
/// smoothed over five bins): a local maximum that stands out from the valley towards the next higher
/// peak by at least `minimumProminence` of its height, and below whose valley lies at least
/// `minimumMass` of all voters. When clean stations are the majority this is the global mode, as in
/// Shpilkin's classic method; when a falsified peak outgrows the clean one (the 2020 and 2024 Russian
/// votes), it is still the clean hump. See docs/forensics.md for the alternatives weighed.
public struct CleanCore: Codable, Equatable, Sendable {
    /// The core's mode (the centre of the clean turnout hump), in percent: the middle of its bin.
    public var modePercent: Double
    /// The core's upper edge in 1-point bins: stations in bins up to this one form the core.
    public var edgeBin: Int
    /// The global mode of the voter-weighted turnout histogram, in percent, for comparison.
    public var globalModePercent: Double
    /// Share of registered voters in the core's hump (below the valley that ends it).
    public var humpMass: Double
    /// Whether the core is not the global mode (a falsified peak outweighs the clean one).
    public var belowGlobalMode: Bool { edgeBin != Int(globalModePercent) }

    /// A hump must stand out from its upper valley by this fraction of its height.
    public static let minimumProminence = 0.25
    /// A hump must hold at least this share of the voters (up to its upper valley).
    public static let minimumMass = 0.05

    /// Locates the core from per-bin registered voters (`weights[b]` for turnout in [b, b + 1)%).
    public static func locate(weights: [Double]) -> CleanCore {
        let count = weights.count
        let smoothed = (0..<count).map { index -> Double in
            var sum = 0.0, norm = 0.0
            for offset in -2...2 where index + offset >= 0 && index + offset < count {
                let kernel = Double(3 - abs(offset))
                sum += kernel * weights[index + offset]
                norm += kernel
            }
            return sum / norm
        }
        let total = weights.reduce(0, +)
        // 100% turnout is a wall, not a hump: the global mode is looked for below 97%, as before.
        let searchable = max(1, min(count, 97))
        let global = (0..<searchable).max { smoothed[$0] < smoothed[$1] } ?? 0
        let globalMode = refined(weights, near: global, below: searchable)
        var cumulative = [Double](repeating: 0, count: count + 1)
        for index in 0..<count { cumulative[index + 1] = cumulative[index] + weights[index] }
        for peak in 0..<searchable where smoothed[peak] > 0 {
            let left = peak > 0 ? smoothed[peak - 1] : 0, right = peak + 1 < count ? smoothed[peak + 1] : 0
            guard smoothed[peak] >= left, smoothed[peak] > right else { continue }
            var valley = smoothed[peak], valleyBin = peak, index = peak + 1
            while index < count, smoothed[index] < smoothed[peak] {
                if smoothed[index] < valley {
                    valley = smoothed[index]
                    valleyBin = index
                }
                index += 1
            }
            if index == count { valleyBin = count - 1 }
            let prominence = (smoothed[peak] - (index == count ? 0 : valley)) / smoothed[peak]
            let mass = total > 0 ? cumulative[valleyBin + 1] / total : 0
            if prominence >= minimumProminence, mass >= minimumMass {
                let mode = refined(weights, near: peak, below: searchable)
                return CleanCore(
                    modePercent: Double(mode) + 0.5, edgeBin: mode, globalModePercent: Double(globalMode) + 0.5,
                    humpMass: mass)
            }
        }
        return CleanCore(
            modePercent: Double(globalMode) + 0.5, edgeBin: globalMode, globalModePercent: Double(globalMode) + 0.5,
            humpMass: 1)
    }

    /// The bin with the largest 3-bin sum within two bins of `peak` (the classic method's mode, so
    /// that where the core is the global peak it lands exactly where Shpilkin's estimate always put it).
    static func refined(_ weights: [Double], near peak: Int, below limit: Int) -> Int {
        func window(_ index: Int) -> Double {
            (max(0, index - 1)...min(weights.count - 1, index + 1)).reduce(0) { $0 + weights[$1] }
        }
        let range = max(0, peak - 2)...min(limit - 1, peak + 2)
        return range.max { window($0) < window($1) } ?? peak
    }

    /// Locates the core of a set of stations (turnout = ballots cast over registered voters).
    public static func locate(_ results: StationResults) -> CleanCore {
        locate(weights: turnoutWeights(results.stations))
    }

    /// Registered voters per 1-point turnout bin.
    static func turnoutWeights(_ stations: some Sequence<Station>) -> [Double] {
        var weights = [Double](repeating: 0, count: 100)
        for station in stations where station.registered > 0 && station.cast > 0 {
            let ballots = min(station.cast, station.registered)
            weights[Fingerprint.bin(Double(ballots) / Double(station.registered), bins: 100)] += Double(station.registered)
        }
        return weights
    }
}
