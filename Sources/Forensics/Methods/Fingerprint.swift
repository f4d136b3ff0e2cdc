/// A 2-D histogram of stations by turnout (ballots cast over registered) and leader share (of ballots
/// cast): the "election fingerprint" of Klimek, Yegorov, Hanel and Thurner (PNAS 109(41), 2012).
public struct Fingerprint: Codable, Equatable, Sendable {
    /// Bins per axis (1-percentage-point bins: 100).
    public var bins: Int
    /// Station counts, row-major: `counts[turnoutBin * bins + shareBin]`.
    public var counts: [Double]

    /// An empty histogram.
    public init(bins: Int = 100) {
        self.bins = bins
        counts = Array(repeating: 0, count: bins * bins)
    }

    /// The bin of a ratio in [0, 1]; 1 falls into the last bin.
    @inline(__always)
    static func bin(_ ratio: Double, bins: Int) -> Int {
        min(bins - 1, max(0, Int(ratio * Double(bins))))
    }

    /// Adds one station with `cast` of `registered` voting and `leader` votes for the leader.
    @inline(__always)
    mutating func add(registered: Int, cast: Int, leader: Int, weight: Double = 1) {
        let t = Fingerprint.bin(Double(cast) / Double(registered), bins: bins)
        let v = Fingerprint.bin(Double(leader) / Double(cast), bins: bins)
        counts[t * bins + v] += weight
    }

    /// The fingerprint of stations with voters and ballots (`registered` > 0, `cast` > 0).
    public init(_ results: StationResults, bins: Int = 100) {
        self.init(bins: bins)
        for station in results.stations where station.registered > 0 && station.cast > 0 {
            add(
                registered: station.registered, cast: min(station.cast, station.registered),
                leader: station.votes[results.leader])
        }
    }

    /// Total weight.
    public var total: Double { counts.reduce(0, +) }

    /// The histogram scaled to sum to 1.
    public var normalised: [Double] {
        let sum = total
        return sum > 0 ? counts.map { $0 / sum } : counts
    }
}
