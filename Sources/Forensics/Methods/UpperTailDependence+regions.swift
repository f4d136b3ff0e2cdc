extension UpperTailDependence {
    /// The detection test in one region.
    public struct RegionResult: Codable, Equatable, Sendable {
        /// Region name.
        public var name: String
        /// Stations tested.
        public var stations: Int
        /// The standardised statistic (nil when the region has too few stations).
        public var zScore: Double?
        /// One-sided normal p-value of z (the permutation distribution is close to normal at this size).
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
            let z = zScore(turnouts: turnouts, shares: shares)
            return RegionResult(
                name: name, stations: turnouts.count, zScore: z, pValue: SpecialFunctions.normalUpperTail(z),
                detected: false)
        }
        let tested = list.indices.filter { list[$0].pValue != nil }.sorted { list[$0].pValue! < list[$1].pValue! }
        for (rank, index) in tested.enumerated() {
            guard let p = list[index].pValue, p <= level / Double(tested.count - rank) else { break }
            list[index].detected = true
        }
        return list
    }

    /// (S − its permutation mean) / its permutation standard deviation for paired values.
    static func zScore(turnouts: [Double], shares: [Double]) -> Double {
        let a = scores(turnouts), b = scores(shares)
        let n = Double(a.count)
        guard a.count > 2 else { return 0 }
        let meanA = a.reduce(0, +) / n, meanB = b.reduce(0, +) / n
        let ssA = a.reduce(0) { $0 + ($1 - meanA) * ($1 - meanA) }
        let ssB = b.reduce(0) { $0 + ($1 - meanB) * ($1 - meanB) }
        let sd = (ssA * ssB / (n - 1)).squareRoot()
        let statistic = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
        return sd > 0 ? (statistic - n * meanA * meanB) / sd : 0
    }
}
