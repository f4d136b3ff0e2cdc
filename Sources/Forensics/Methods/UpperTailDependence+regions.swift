extension UpperTailDependence {
    /// The detection test in one region.
    public struct RegionResult: Codable, Equatable, Sendable {
        /// Region name.
        public var name: String
        /// Stations tested.
        public var stations: Int
        /// The larger of the upper-half and whole-range standardised statistics (nil when the region has
        /// too few stations).
        public var zScore: Double?
        /// Twice the one-sided normal p-value of z (Bonferroni over the two statistics; the permutation
        /// distributions are close to normal at this size).
        public var pValue: Double?
        /// Whether the region is flagged after Holm's correction for testing every region.
        public var detected: Bool
    }

    /// Regions with fewer stations are not tested on their own.
    static let minimumRegionStations = 50

    /// The test in each region, judged by the normal approximation (no shuffles, so it costs one sort per
    /// region) with Holm's step-down correction at `level` over the regions tested, so that a fair election
    /// of 80 regions does not flag one by chance.
    static func regions(_ results: StationResults, level: Double) -> [RegionResult] {
        var order: [String] = []
        var pairs: [String: (turnouts: [Double], shares: [Double])] = [:]
        for station in results.stations where station.registered > 0 && station.cast > 0 {
            if pairs[station.region] == nil { order.append(station.region) }
            let ballots = min(station.cast, station.registered)
            pairs[station.region, default: ([], [])].turnouts.append(Double(ballots) / Double(station.registered))
            pairs[station.region, default: ([], [])].shares.append(
                Double(station.votes[results.leader]) / Double(station.cast))
        }
        var list = order.map { name -> RegionResult in
            let (turnouts, shares) = pairs[name] ?? ([], [])
            guard turnouts.count >= minimumRegionStations else {
                return RegionResult(name: name, stations: turnouts.count, zScore: nil, pValue: nil, detected: false)
            }
            let (z, p) = zScore(turnouts: turnouts, shares: shares)
            return RegionResult(name: name, stations: turnouts.count, zScore: z, pValue: p, detected: false)
        }
        let tested = list.indices.filter { list[$0].pValue != nil }.sorted { list[$0].pValue! < list[$1].pValue! }
        for (rank, index) in tested.enumerated() {
            guard let p = list[index].pValue, p <= level / Double(tested.count - rank) else { break }
            list[index].detected = true
        }
        return list
    }

    /// The larger of the upper-half and whole-range standardised statistics for paired values, and its
    /// one-sided normal p-value doubled (Bonferroni over the two).
    static func zScore(turnouts: [Double], shares: [Double]) -> (z: Double, p: Double) {
        let fullA = normalScores(turnouts), fullB = normalScores(shares)
        guard fullA.count > 2 else { return (0, 1) }
        let a = fullA.map { max(0, $0) }, b = fullB.map { max(0, $0) }
        let upper = Standardiser(a, b)(zip(a, b).reduce(0) { $0 + $1.0 * $1.1 })
        let whole = Standardiser(fullA, fullB)(zip(fullA, fullB).reduce(0) { $0 + $1.0 * $1.1 })
        let z = max(upper, whole)
        return (z, min(1, 2 * SpecialFunctions.normalUpperTail(z)))
    }
}
