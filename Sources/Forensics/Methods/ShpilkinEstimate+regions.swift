extension ShpilkinEstimate {
    /// The estimate for one region (Shpilkin publishes his per region).
    public struct Region: Codable, Equatable, Sendable {
        /// Region name.
        public var name: String
        /// Stations with voters and ballots.
        public var stations: Int
        /// Whether the region was measured against its own clean core (else the national one).
        public var ownCore: Bool
        /// Upper edge of the core used, in percent.
        public var coreTurnoutPercent: Double
        /// Leader share in the core used, in percent.
        public var coreSharePercent: Double
        /// Leader votes in excess of the core's ratio.
        public var anomalousVotes: Int
        /// The announced leader share, in percent.
        public var reportedSharePercent: Double
        /// The leader share without the anomalous votes, in percent.
        public var correctedSharePercent: Double
        /// The announced turnout (ballots cast over registered), in percent.
        public var reportedTurnoutPercent: Double
        /// Turnout without the anomalous votes, in percent.
        public var correctedTurnoutPercent: Double
    }

    /// A region needs this many stations to have a turnout histogram worth reading on its own.
    static let stationsForOwnCore = 100
    /// A region whose lowest hump lies this many points above the national core has no clean hump of
    /// its own (every station moved up); it is measured against the national core instead.
    static let ownCoreMaximumShift = 10

    /// Runs the estimate in each region: against the region's own clean core when it has enough
    /// stations and a hump near the national core, else against the national core's edge and ratio.
    static func regions(
        _ results: StationResults, nationalEdge: Int, nationalRatio: Double, nationalShare: Double
    ) -> [Region] {
        var order: [String] = []
        var binned: [String: Binned] = [:]
        for station in results.stations {
            if binned[station.region] == nil { order.append(station.region) }
            binned[station.region, default: Binned()].add(station, leaderIndex: results.leader)
        }
        return order.compactMap { name -> Region? in
            guard let region = binned[name], region.stations > 0 else { return nil }
            var edge = nationalEdge, ratio = nationalRatio, share = nationalShare, own = false
            if region.stations >= stationsForOwnCore {
                let core = CleanCore.locate(weights: region.registered, cast: region.cast, leader: region.leader)
                if core.edgeBin <= nationalEdge + ownCoreMaximumShift {
                    edge = core.edgeBin
                    (ratio, share) = region.coreRatio(edge: edge)
                    own = true
                }
            }
            let votes = region.anomalies(edge: edge, ratio: ratio).votes
            return Region(
                name: name, stations: region.stations, ownCore: own, coreTurnoutPercent: Double(edge + 1),
                coreSharePercent: share, anomalousVotes: votes,
                reportedSharePercent: percent(region.totalLeader, region.totalCast),
                correctedSharePercent: percent(region.totalLeader - votes, region.totalCast - votes),
                reportedTurnoutPercent: percent(region.totalCast, region.totalRegistered),
                correctedTurnoutPercent: percent(region.totalCast - votes, region.totalRegistered))
        }
    }
}
