import Foundation

/// The published numbers: per region and per station, the register, the ballots counted, each
/// option's votes, turnout and the mobile-box share. Everything here follows from the decrypted
/// totals and the public ballot list, so a verifier can recompute it.
public struct ReferendumResults: Sendable, Codable, Hashable {
    public struct Region: Sendable, Codable, Hashable {
        public let id: String
        public let registered: Int
        public let displacedRegistered: Int
        public let preConflictElectorate: Int?
        /// Registered / pre-conflict electorate, when the latter is known.
        public let coverage: Double?
        /// Ballots counted (one per voter who cast).
        public let ballots: Int
        /// Ballots counted / registered.
        public let turnout: Double?
        public let votes: [String: Int]
        /// Counted ballots taken by a mobile box.
        public let mobileBallots: Int
        public let mobileShare: Double?
    }

    /// One station's result for one region it serves (an external station has a row per region).
    public struct Station: Sendable, Codable, Hashable {
        public let id: String
        public let kind: ReferendumDefinition.Station.Kind
        public let region: String
        /// Voters listed at this station (regional stations whose register assigns voters), else nil.
        public let registered: Int?
        public let ballots: Int
        public let votes: [String: Int]
        /// Counted ballots from this station's mobile box.
        public let mobileBallots: Int
        public let mobileShare: Double?
    }

    /// A region's stations whose counts were too small to publish one by one (`SmallCellMerge`), together.
    public struct Remainder: Sendable, Codable, Hashable {
        public let region: String
        /// The merged stations, sorted.
        public let stations: [String]
        /// Voters listed at the merged stations when all of them are regional (else nil, as for an external station).
        public let registered: Int?
        public let ballots: Int
        public let votes: [String: Int]
        public let mobileBallots: Int
    }

    public let options: [String]
    public let regions: [Region]
    /// Every station and region with a published count; merged ones are in `remainders` instead.
    public let stations: [Station]
    /// Per region with merged stations, their joint count.
    public let remainders: [Remainder]
    /// Votes over all regions.
    public let total: [String: Int]
    public let totalBallots: Int

    /// The station and kind of a remainder's row in `stationCSV`.
    public static let mergedStation = "merged"

    /// Computes the results of a decrypted referendum.
    /// - Throws: `counting` before decryption.
    public static func compute(setup: ReferendumSetup, register: RegisterCounts, summaries: [CastSummary]) throws -> ReferendumResults {
        guard let count = setup.count, let decryption = setup.decryption else {
            throw ReferendumError.counting("results exist only after the guardians decrypted the totals")
        }
        let definition = setup.definition
        var values = [String: [String: Int]]()
        var ballots = [String: Int]()
        for (total, value) in zip(count.totals, decryption.values) {
            values[total.scope.key, default: [:]][total.option] = value.value
            ballots[total.scope.key] = max(ballots[total.scope.key] ?? 0, total.ballots)
        }
        var mobileByRegion = [String: Int](), mobileByStation = [String: Int]()
        for summary in summaries where count.resolution.counted.contains(summary.ballotId) && summary.channel == .mobile {
            mobileByRegion[summary.region, default: 0] += 1
            let station = definition.tallyStation(of: summary.stationId)
            mobileByStation["\(station)/\(summary.region)", default: 0] += 1
        }
        func share(_ part: Int, _ whole: Int?) -> Double? {
            guard let whole, whole > 0 else { return nil }
            return Double(part) / Double(whole)
        }
        let regions = definition.regions.map { region in
            let key = TallyScope.region(region.id).key
            let registered = register.registered[region.id] ?? 0
            let counted = ballots[key] ?? 0
            let mobile = mobileByRegion[region.id] ?? 0
            return Region(id: region.id, registered: registered, displacedRegistered: register.displaced[region.id] ?? 0,
                          preConflictElectorate: region.preConflictElectorate,
                          coverage: share(registered, region.preConflictElectorate), ballots: counted,
                          turnout: share(counted, registered), votes: values[key] ?? [:], mobileBallots: mobile,
                          mobileShare: share(mobile, counted))
        }
        let merge = count.merge ?? SmallCellMerge(counts: [:], threshold: 1)
        var stations = [Station]()
        var remainderMobile = [String: Int]()
        for station in definition.stations where station.kind != .mobile {
            for region in station.serves {
                if merge.isMerged(station: station.id, region: region) {
                    remainderMobile[region, default: 0] += mobileByStation["\(station.id)/\(region)"] ?? 0
                    continue
                }
                let key = TallyScope.station(station.id, region: region).key
                guard let votes = values[key] else { continue }
                let counted = ballots[key] ?? 0
                let mobile = mobileByStation["\(station.id)/\(region)"] ?? 0
                let registered = station.kind == .regional ? register.byHomeStation[station.id] : nil
                stations.append(Station(id: station.id, kind: station.kind, region: region, registered: registered,
                                        ballots: counted, votes: votes, mobileBallots: mobile, mobileShare: share(mobile, counted)))
            }
        }
        let remainders = definition.regions.compactMap { region -> Remainder? in
            guard let merged = merge.merged[region.id] else { return nil }
            let key = TallyScope.remainder(region: region.id).key
            // Like a station's row: the voters listed there, when every merged station lists its voters
            // (an external station's voters are listed nowhere, so a remainder with one has none).
            let allRegional = merged.allSatisfy { definition.station($0)?.kind == .regional }
            let registered = allRegional ? merged.reduce(0) { $0 + (register.byHomeStation[$1] ?? 0) } : nil
            return Remainder(region: region.id, stations: merged, registered: registered, ballots: ballots[key] ?? 0, votes: values[key] ?? [:],
                             mobileBallots: remainderMobile[region.id] ?? 0)
        }
        let allKey = TallyScope.allRegions.key
        return ReferendumResults(options: definition.options.map(\.id), regions: regions, stations: stations,
                                 remainders: remainders, total: values[allKey] ?? [:], totalBallots: ballots[allKey] ?? 0)
    }

    /// Station-level results as CSV, one row per station and region, then one row per region's
    /// remainder (station `merged`, kind `merged`): what `plebiscite audit` reads (profile
    /// Examples/profiles/plebiscite.yaml) and what the 2022 votes never published.
    public var stationCSV: String {
        var lines = ["region,station,kind,registered,ballots,mobile_ballots," + options.joined(separator: ",")]
        for station in stations {
            let registered = station.registered.map(String.init) ?? ""
            let votes = options.map { String(station.votes[$0] ?? 0) }
            lines.append(([station.region, station.id, station.kind.rawValue, registered, String(station.ballots),
                           String(station.mobileBallots)] + votes).joined(separator: ","))
        }
        for remainder in remainders {
            let votes = options.map { String(remainder.votes[$0] ?? 0) }
            lines.append(([remainder.region, Self.mergedStation, Self.mergedStation, remainder.registered.map(String.init) ?? "", String(remainder.ballots),
                           String(remainder.mobileBallots)] + votes).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
