/// Test 6: the share of ballots that came from mobile (portable) boxes, per station and region, and
/// the stations where it is far above the rest of their region — the door-to-door collection the
/// referendums of 2022 relied on.
public enum MobileBoxes {
    /// Mobile-box share in one region.
    public struct Region: Codable, Equatable, Sendable {
        /// Region name.
        public var name: String
        /// Stations in the region.
        public var stations: Int
        /// Ballots from mobile boxes over ballots found, in percent.
        public var sharePercent: Double
        /// Median station share, in percent.
        public var medianStationPercent: Double
        /// Stations flagged as outliers.
        public var outliers: Int
    }

    /// A station whose mobile share is an outlier in its region.
    public struct Outlier: Codable, Equatable, Sendable {
        /// Region name.
        public var region: String
        /// Station id.
        public var station: String
        /// Line in the source file.
        public var line: Int
        /// Mobile share, in percent.
        public var sharePercent: Double
        /// Ballots found in the station.
        public var found: Int
    }

    /// The whole analysis.
    public struct Result: Codable, Equatable, Sendable {
        /// Ballots from mobile boxes over all ballots found, in percent.
        public var sharePercent: Double
        /// Rule used to flag outliers.
        public var outlierRule: String
        /// Per region, largest share first.
        public var regions: [Region]
        /// The flagged stations, largest share first (at most 50 listed).
        public var outliers: [Outlier]
        /// All flagged stations.
        public var outlierCount: Int
    }

    /// Runs the analysis; nil when the profile maps no mobile-box column.
    public static func run(_ results: StationResults) -> Result? {
        guard results.mapped.mobile else { return nil }
        var byRegion: [String: [Station]] = [:]
        for station in results.stations where (station.found ?? station.cast) > 0 {
            byRegion[station.region, default: []].append(station)
        }
        func share(_ station: Station) -> Double {
            Double(station.mobile ?? 0) / Double(station.found ?? station.cast)
        }
        var regions: [Region] = [], outliers: [Outlier] = []
        var mobileTotal = 0, foundTotal = 0
        for (name, stations) in byRegion {
            let shares = stations.map(share).sorted()
            let median = shares[shares.count / 2]
            let deviations = shares.map { abs($0 - median) }.sorted()
            let spread = 1.4826 * deviations[deviations.count / 2]
            let threshold = max(median + 5 * max(spread, 0.01), 0.25)
            var flagged = 0
            for station in stations where share(station) > threshold && (station.found ?? station.cast) >= 20 {
                flagged += 1
                outliers.append(Outlier(
                    region: name, station: station.id, line: station.line, sharePercent: 100 * share(station),
                    found: station.found ?? station.cast))
            }
            let mobile = stations.reduce(0) { $0 + ($1.mobile ?? 0) }
            let found = stations.reduce(0) { $0 + ($1.found ?? $1.cast) }
            mobileTotal += mobile
            foundTotal += found
            regions.append(Region(
                name: name, stations: stations.count,
                sharePercent: found > 0 ? 100 * Double(mobile) / Double(found) : 0,
                medianStationPercent: 100 * median, outliers: flagged))
        }
        regions.sort { $0.sharePercent > $1.sharePercent }
        outliers.sort { $0.sharePercent > $1.sharePercent }
        return Result(
            sharePercent: foundTotal > 0 ? 100 * Double(mobileTotal) / Double(foundTotal) : 0,
            outlierRule: "share above max(25%, regional median + 5 × 1.4826 × MAD), at least 20 ballots found",
            regions: regions, outliers: Array(outliers.prefix(50)), outlierCount: outliers.count)
    }
}
