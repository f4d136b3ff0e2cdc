/// Histograms of station turnout and leader share at 0.1-point bins, where whole-percent peaks show,
/// and the totals per region.
public enum ResultDistributions {
    /// Station counts per 0.1-point bin of turnout and of leader share (1,000 bins each, bin i covers
    /// [i/10 − 0.05, i/10 + 0.05) percent, centred on the tenths as in Kobak et al.'s figures).
    public struct Histograms: Codable, Equatable, Sendable {
        /// Turnout (ballots issued, or cast, over registered).
        public var turnout: [Int]
        /// Leader share of ballots cast.
        public var share: [Int]
    }

    /// Counts stations with at least one registered voter and one ballot.
    public static func histograms(_ results: StationResults) -> Histograms {
        var turnout = [Int](repeating: 0, count: 1001), share = [Int](repeating: 0, count: 1001)
        for station in results.stations where station.registered > 0 && station.cast > 0 {
            let t = min(station.turnoutBallots, station.registered)
            turnout[tenthBin(t, station.registered)] += 1
            share[tenthBin(station.votes[results.leader], station.cast)] += 1
        }
        return Histograms(turnout: turnout, share: share)
    }

    /// Index of the nearest tenth of a percent of k/n, in exact integer arithmetic.
    static func tenthBin(_ k: Int, _ n: Int) -> Int {
        min(1000, (2000 * k + n) / (2 * n))
    }

    /// Totals and percentages of one region.
    public struct Region: Codable, Equatable, Sendable {
        /// Region name.
        public var name: String
        /// The sums.
        public var totals: Totals
        /// Turnout, percent.
        public var turnoutPercent: Double
        /// Leader share of ballots cast, percent.
        public var leaderPercent: Double
        /// Stations with turnout ≥ 95% and leader share ≥ 95%.
        public var stationsAbove95: Int
    }

    /// Totals per region, in the order they first appear in the file.
    public static func regions(_ results: StationResults) -> [Region] {
        var order: [String] = []
        var grouped: [String: [Station]] = [:]
        for station in results.stations {
            if grouped[station.region] == nil { order.append(station.region) }
            grouped[station.region, default: []].append(station)
        }
        return order.map { name in
            let stations = grouped[name] ?? []
            let totals = Totals(stations, leader: results.leader)
            let extreme = stations.filter {
                $0.registered > 0 && $0.cast > 0 && 100 * $0.turnoutBallots >= 95 * $0.registered
                    && 100 * $0.votes[results.leader] >= 95 * $0.cast
            }.count
            return Region(
                name: name, totals: totals, turnoutPercent: totals.turnoutPercent,
                leaderPercent: totals.leaderPercent, stationsAbove95: extreme)
        }
    }

    /// One station of the scatter: turnout (ballots cast over registered) and leader share in percent,
    /// and its registered voters.
    public struct Point: Codable, Equatable, Sendable {
        /// Turnout, percent.
        public var turnout: Double
        /// Leader share of ballots cast, percent.
        public var share: Double
        /// Registered voters.
        public var registered: Int
    }

    /// The scatter shows at most this many stations (every k-th beyond it), to keep the page light.
    public static let scatterLimit = 30_000

    /// Stations with voters and ballots for the scatter, every k-th one when there are more than the limit.
    public static func scatter(_ results: StationResults) -> [Point] {
        let usable = results.stations.filter { $0.registered > 0 && $0.cast > 0 }
        let stride = max(1, (usable.count + scatterLimit - 1) / scatterLimit)
        return Swift.stride(from: 0, to: usable.count, by: stride).map { index in
            let station = usable[index]
            return Point(
                turnout: 100 * Double(min(station.cast, station.registered)) / Double(station.registered),
                share: 100 * Double(station.votes[results.leader]) / Double(station.cast),
                registered: station.registered)
        }
    }
}
