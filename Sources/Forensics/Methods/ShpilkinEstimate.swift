/// Test 3: Sergey Shpilkin's estimate of anomalous votes. In a clean election the leader's share does
/// not rise with turnout; where it does, the leader's votes beyond the share of the low-turnout core
/// are counted as anomalous.
///
/// Choices made here (the method has variants): stations are binned by turnout (ballots cast over
/// registered) in 1-point bins; the core is every station at or below the turnout mode of the
/// voter-weighted histogram; the core's ratio of leader votes to other ballots is taken as the clean
/// ratio; in each bin above the core the other ballots are taken as honest, and the leader's votes
/// above other ballots × the clean ratio are anomalous (never negative per bin).
public enum ShpilkinEstimate {
    /// The estimate.
    public struct Result: Codable, Equatable, Sendable {
        /// Turnout bin width in percentage points.
        public var binWidth: Double
        /// Upper edge of the core (the turnout mode), in percent.
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

    /// Computes the estimate.
    public static func run(_ results: StationResults) -> Result {
        let count = 100
        var cast = [Int](repeating: 0, count: count), leader = [Int](repeating: 0, count: count)
        var registered = [Int](repeating: 0, count: count)
        var totalRegistered = 0, totalCast = 0, totalLeader = 0
        for station in results.stations where station.registered > 0 && station.cast > 0 {
            let ballots = min(station.cast, station.registered)
            let bin = Fingerprint.bin(Double(ballots) / Double(station.registered), bins: count)
            cast[bin] += station.cast
            leader[bin] += station.votes[results.leader]
            registered[bin] += station.registered
            totalRegistered += station.registered
            totalCast += station.cast
            totalLeader += station.votes[results.leader]
        }
        let modeBin = (0..<97).max { smoothed(registered, $0) < smoothed(registered, $1) } ?? 0
        let coreCast = cast[0...modeBin].reduce(0, +), coreLeader = leader[0...modeBin].reduce(0, +)
        let coreOthers = coreCast - coreLeader
        let ratio = coreOthers > 0 ? Double(coreLeader) / Double(coreOthers) : 0
        var anomalous = 0.0
        var bins: [Bin] = []
        for index in 0..<count where cast[index] > 0 {
            let expected = index <= modeBin ? Double(leader[index]) : ratio * Double(cast[index] - leader[index])
            anomalous += max(0, Double(leader[index]) - expected)
            bins.append(Bin(
                turnoutPercent: Double(index), cast: cast[index], leader: leader[index],
                expectedLeader: min(Double(leader[index]), expected)))
        }
        let anomalousVotes = Int(anomalous.rounded())
        func percent(_ part: Int, _ whole: Int) -> Double { whole > 0 ? 100 * Double(part) / Double(whole) : 0 }
        return Result(
            binWidth: 1, coreTurnoutPercent: Double(modeBin + 1),
            coreSharePercent: percent(coreLeader, coreCast), anomalousVotes: anomalousVotes,
            reportedSharePercent: percent(totalLeader, totalCast),
            correctedSharePercent: percent(totalLeader - anomalousVotes, totalCast - anomalousVotes),
            reportedTurnoutPercent: percent(totalCast, totalRegistered),
            correctedTurnoutPercent: percent(totalCast - anomalousVotes, totalRegistered), bins: bins)
    }

    /// Sum over a 3-bin window, so a single noisy bin does not decide the mode.
    private static func smoothed(_ values: [Int], _ index: Int) -> Int {
        (max(0, index - 1)...min(values.count - 1, index + 1)).reduce(0) { $0 + values[$1] }
    }
}
