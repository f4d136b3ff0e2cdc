/// The clean core of an election: the stations whose turnout and leader share show no sign of
/// falsification, located without assuming that clean stations are the majority. Shared by
/// Shpilkin's estimate (its reference ratio) and the fingerprint (its fair part).
///
/// Ballot stuffing only ever raises a station's turnout, so whatever the share of falsified stations,
/// the lowest-turnout hump of the turnout distribution is made of clean stations. The humps are read
/// off the voter-weighted turnout histogram (1-point bins, smoothed over five): a local maximum that
/// stands out from its valleys by at least `minimumProminence` of its height and holds at least
/// `minimumMass` of all voters between them. The lowest hump is clean. A higher hump is clean too when
/// its stations give the other options the same fraction of their ballots (at least
/// `cleanOthersFraction` of the lowest hump's): a second clean population with a higher turnout (the
/// provinces beside a low-turnout capital) keeps the shares, while stuffing adds only leader ballots
/// and cuts the others' fraction. The core is the clean hump with most voters, so where clean
/// stations are the majority it is the global mode, as in Shpilkin's classic method, and where a
/// falsified peak outgrows the clean one (the 2020 and 2024 Russian votes) it is still the clean hump.
/// See docs/forensics.md for the alternatives weighed.
public struct CleanCore: Codable, Equatable, Sendable {
    /// The core's mode (the centre of the clean turnout hump), in percent: the middle of its bin.
    public var modePercent: Double
    /// The core's upper edge in 1-point bins: stations in bins up to this one form the core.
    public var edgeBin: Int
    /// The lower edge of the core's hump (the valley below it), in percent.
    public var lowerEdgePercent: Double
    /// The global mode of the voter-weighted turnout histogram, in percent, for comparison.
    public var globalModePercent: Double
    /// Share of registered voters in the core's hump (between its valleys).
    public var humpMass: Double
    /// Modes of the substantial humps, in percent, lowest first.
    public var humps: [Double]
    /// Whether the core is not the global mode (a falsified peak outweighs the clean one).
    public var belowGlobalMode: Bool { modePercent != globalModePercent }

    /// A hump must stand out from its valleys by this fraction of its height.
    public static let minimumProminence = 0.25
    /// A hump must hold at least this share of the voters between its valleys.
    public static let minimumMass = 0.05
    /// A higher hump is clean when its others' fraction of ballots is at least this share of the lowest's.
    public static let cleanOthersFraction = 0.85

    /// One hump: its peak bin, the bins of its valleys, the voters between them.
    struct Hump {
        var peak: Int
        var lower: Int
        var upper: Int
        var mass: Double
    }

    /// Locates the core from per-bin registered voters (`weights[b]` for turnout in [b, b + 1)%), and
    /// per-bin ballots cast and leader votes (to tell clean humps from falsified ones; without them
    /// only the lowest hump counts as clean).
    public static func locate(weights: [Double], cast: [Int] = [], leader: [Int] = []) -> CleanCore {
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
        // 100% turnout is a wall, not a hump: modes are looked for below 97%, as before.
        let searchable = max(1, min(count, 97))
        let global = (0..<searchable).max { smoothed[$0] < smoothed[$1] } ?? 0
        let globalMode = refined(weights, near: global, below: searchable)
        var humps = substantialHumps(smoothed, weights: weights, total: total, below: searchable)
        // The core must hold voters: with a handful of stations the smoothed mode can fall on an empty bin.
        func edge(_ mode: Int) -> Int {
            var edge = mode, held = weights[0...mode].reduce(0, +)
            while held == 0, edge + 1 < count {
                edge += 1
                held += weights[edge]
            }
            return edge
        }
        guard !humps.isEmpty else {
            return CleanCore(
                modePercent: Double(globalMode) + 0.5, edgeBin: edge(globalMode), lowerEdgePercent: 0,
                globalModePercent: Double(globalMode) + 0.5, humpMass: 1, humps: [])
        }
        // Each hump's own range ends at the valleys between it and its neighbours: a tall hump's walk
        // to a taller bin would otherwise take in the lower humps too.
        func valley(_ from: Int, _ to: Int) -> Int { (from...to).min { smoothed[$0] < smoothed[$1] } ?? from }
        let peaks = humps.map(\.peak)
        for index in humps.indices {
            if index > 0 { humps[index].lower = valley(peaks[index - 1], peaks[index]) }
            if index + 1 < humps.count { humps[index].upper = valley(peaks[index], peaks[index + 1]) }
            let range = humps[index].lower...humps[index].upper
            humps[index].mass = total > 0 ? range.reduce(0) { $0 + weights[$1] } / total : 0
        }
        func othersFraction(_ hump: Hump) -> Double? {
            guard cast.count == count, leader.count == count else { return nil }
            let range = hump.lower...hump.upper
            let ballots = range.reduce(0) { $0 + cast[$1] }, others = ballots - range.reduce(0) { $0 + leader[$1] }
            return ballots > 0 ? Double(others) / Double(ballots) : nil
        }
        var core = humps[0]
        if let reference = othersFraction(humps[0]) {
            for hump in humps.dropFirst() where hump.mass > core.mass {
                if let fraction = othersFraction(hump), fraction >= cleanOthersFraction * reference { core = hump }
            }
        }
        let mode = refined(weights, near: core.peak, below: searchable)
        return CleanCore(
            modePercent: Double(mode) + 0.5, edgeBin: edge(mode), lowerEdgePercent: Double(core.lower),
            globalModePercent: Double(globalMode) + 0.5, humpMass: core.mass, humps: humps.map { Double($0.peak) + 0.5 })
    }

    /// Local maxima of `smoothed` below `limit` that stand out from the valleys on both sides (the
    /// lowest point before a higher bin, or the end) and hold enough voters between them.
    static func substantialHumps(_ smoothed: [Double], weights: [Double], total: Double, below limit: Int) -> [Hump] {
        let count = smoothed.count
        var humps: [Hump] = []
        for peak in 0..<limit where smoothed[peak] > 0 {
            let left = peak > 0 ? smoothed[peak - 1] : 0, right = peak + 1 < count ? smoothed[peak + 1] : 0
            guard smoothed[peak] >= left, smoothed[peak] > right else { continue }
            func valley(step: Int) -> (bin: Int, height: Double) {
                var lowest = smoothed[peak], bin = peak, index = peak + step
                while index >= 0, index < count, smoothed[index] <= smoothed[peak] {
                    if smoothed[index] < lowest {
                        lowest = smoothed[index]
                        bin = index
                    }
                    index += step
                }
                let open = index < 0 || index >= count
                return (open && bin == peak ? index - step : bin, open ? 0 : lowest)
            }
            let below = valley(step: -1), above = valley(step: 1)
            let prominence = (smoothed[peak] - max(below.height, above.height)) / smoothed[peak]
            let mass = total > 0 ? (below.bin...above.bin).reduce(0) { $0 + weights[$1] } / total : 0
            if prominence >= minimumProminence, mass >= minimumMass {
                humps.append(Hump(peak: peak, lower: below.bin, upper: above.bin, mass: mass))
            }
        }
        return humps
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
        var weights = [Double](repeating: 0, count: 100), cast = [Int](repeating: 0, count: 100)
        var leader = [Int](repeating: 0, count: 100)
        for station in results.stations where station.registered > 0 && station.cast > 0 {
            let ballots = min(station.cast, station.registered)
            let bin = Fingerprint.bin(Double(ballots) / Double(station.registered), bins: 100)
            weights[bin] += Double(station.registered)
            cast[bin] += station.cast
            leader[bin] += station.votes[results.leader]
        }
        return locate(weights: weights, cast: cast, leader: leader)
    }
}
