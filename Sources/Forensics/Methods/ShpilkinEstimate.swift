/// Test 3: Sergey Shpilkin's estimate of anomalous votes. In a clean election the leader's share does
/// not rise with turnout; where it does, the leader's votes beyond the share of the clean core are
/// counted as anomalous.
///
/// Choices made here (the method has variants): stations are binned by turnout (ballots cast over
/// registered) in 1-point bins; the core is every station at or below the mode of the clean turnout
/// hump (`CleanCore`: the lowest substantial hump of the voter-weighted histogram, which is the global
/// mode unless a falsified peak outweighs the clean one); the core's ratio of leader votes to other
/// ballots is taken as the clean ratio; in each bin above the core the other ballots are taken as
/// honest, and the leader's votes above other ballots × the clean ratio are anomalous (never negative
/// per bin). The same is done per region (`ShpilkinEstimate+regions.swift`).
public enum ShpilkinEstimate {
    /// The estimate.
    public struct Result: Codable, Equatable, Sendable {
        /// Turnout bin width in percentage points.
        public var binWidth: Double
        /// The clean core's location.
        public var core: CleanCore
        /// Upper edge of the core (the upper edge of the core mode's bin), in percent.
        public var coreTurnoutPercent: Double
        /// Leader share of ballots cast in the core, in percent.
        public var coreSharePercent: Double
        /// Leader votes in excess of the core's ratio.
        public var anomalousVotes: Int
        /// The announced leader share, in percent.
        public var reportedSharePercent: Double
        /// The leader share with the anomalous votes removed as stuffed ballots, in percent.
        public var correctedSharePercent: Double
        /// The announced turnout (ballots cast over registered), in percent.
        public var reportedTurnoutPercent: Double
        /// Turnout with the anomalous votes removed, in percent.
        public var correctedTurnoutPercent: Double
        /// Per bin: lower edge (percent), ballots cast, leader votes, expected leader votes.
        public var bins: [Bin]
        /// The estimate per region, in the order regions first appear.
        public var regions: [Region] = []
    }

    /// One turnout bin.
    public struct Bin: Codable, Equatable, Sendable {
        /// Lower edge of the bin, in percent.
        public var turnoutPercent: Double
        /// Ballots cast in the bin's stations.
        public var cast: Int
        /// Leader votes.
        public var leader: Int
        /// Leader votes expected from the core's ratio (equal to `leader` in the core).
        public var expectedLeader: Double
    }

    /// Sums of a set of stations per 1-point turnout bin.
    struct Binned {
        var cast = [Int](repeating: 0, count: 100)
        var leader = [Int](repeating: 0, count: 100)
        var registered = [Double](repeating: 0, count: 100)
        var stations = 0
        var totalRegistered = 0
        var totalCast = 0
        var totalLeader = 0

        mutating func add(_ station: Station, leaderIndex: Int) {
            guard station.registered > 0, station.cast > 0 else { return }
            let ballots = min(station.cast, station.registered)
            let bin = Fingerprint.bin(Double(ballots) / Double(station.registered), bins: 100)
            cast[bin] += station.cast
            leader[bin] += station.votes[leaderIndex]
            registered[bin] += Double(station.registered)
            stations += 1
            totalRegistered += station.registered
            totalCast += station.cast
            totalLeader += station.votes[leaderIndex]
        }

        /// Leader votes per other ballot in the bins up to `edge`, and the leader's share there.
        func coreRatio(edge: Int) -> (ratio: Double, sharePercent: Double) {
            let coreCast = cast[0...edge].reduce(0, +), coreLeader = leader[0...edge].reduce(0, +)
            let others = coreCast - coreLeader
            return (others > 0 ? Double(coreLeader) / Double(others) : 0, percent(coreLeader, coreCast))
        }

        /// Leader votes above `ratio` × other ballots in the bins above `edge`, and the bins.
        func anomalies(edge: Int, ratio: Double) -> (votes: Int, bins: [Bin]) {
            var anomalous = 0.0
            var bins: [Bin] = []
            for index in 0..<cast.count where cast[index] > 0 {
                let expected = index <= edge ? Double(leader[index]) : ratio * Double(cast[index] - leader[index])
                anomalous += max(0, Double(leader[index]) - expected)
                bins.append(Bin(
                    turnoutPercent: Double(index), cast: cast[index], leader: leader[index],
                    expectedLeader: min(Double(leader[index]), expected)))
            }
            return (Int(anomalous.rounded()), bins)
        }
    }

    /// Computes the estimate, for the whole election and per region.
    public static func run(_ results: StationResults) -> Result {
        var all = Binned()
        for station in results.stations { all.add(station, leaderIndex: results.leader) }
        let core = CleanCore.locate(weights: all.registered, cast: all.cast, leader: all.leader)
        let (ratio, coreShare) = all.coreRatio(edge: core.edgeBin)
        let (anomalousVotes, bins) = all.anomalies(edge: core.edgeBin, ratio: ratio)
        return Result(
            binWidth: 1, core: core, coreTurnoutPercent: Double(core.edgeBin + 1),
            coreSharePercent: coreShare, anomalousVotes: anomalousVotes,
            reportedSharePercent: percent(all.totalLeader, all.totalCast),
            correctedSharePercent: percent(all.totalLeader - anomalousVotes, all.totalCast - anomalousVotes),
            reportedTurnoutPercent: percent(all.totalCast, all.totalRegistered),
            correctedTurnoutPercent: percent(all.totalCast - anomalousVotes, all.totalRegistered), bins: bins,
            regions: regions(results, nationalEdge: core.edgeBin, nationalRatio: ratio, nationalShare: coreShare))
    }
}

func percent(_ part: Int, _ whole: Int) -> Double { whole > 0 ? 100 * Double(part) / Double(whole) : 0 }
