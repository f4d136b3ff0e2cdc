/// Which station counts are too small to publish, decided before anything is decrypted.
///
/// A station's total for one region (a "cell") with only a handful of counted ballots would tell
/// how those few people voted: an external station abroad can have one or two voters of a region.
/// Every cell with fewer than `threshold` counted ballots is merged into its region's remainder, and
/// only the remainder is decrypted. Because the region's own total is published, the remainder is
/// what anyone can compute by subtraction, so it must itself reach the threshold: while it does not,
/// the smallest published cell of the region (ties: the lower station id) joins it. A region with
/// fewer counted ballots than the threshold is published only as its region total.
///
/// The inputs are public (ballots.csv lists every counted ballot's station and region), so anyone can
/// recompute the merge; the verifier does, independently (docs/referendum-record.md, R.4).
public struct SmallCellMerge: Sendable, Codable, Hashable {
    /// For each region that has a remainder, the stations merged into it, sorted.
    public let merged: [String: [String]]

    /// Decides the merge from the number of counted ballots per (tally station, region).
    /// - Parameters:
    ///   - counts: counted ballots, keyed by region then by tally station (a mobile box counts with its station).
    ///   - threshold: the fewest counted ballots a published cell may have; 1 or less merges nothing.
    public init(counts: [String: [String: Int]], threshold: Int) {
        var merged = [String: [String]]()
        for (region, cells) in counts {
            let occupied = cells.filter { $0.value > 0 }
            var small = occupied.filter { $0.value < threshold }
            guard !small.isEmpty else { continue }
            var remainder = small.values.reduce(0, +)
            var published = occupied.filter { $0.value >= threshold }
                .sorted { ($0.value, $0.key) < ($1.value, $1.key) }
            while remainder < threshold, !published.isEmpty {
                let smallest = published.removeFirst()
                small[smallest.key] = smallest.value
                remainder += smallest.value
            }
            merged[region] = small.keys.sorted()
        }
        self.merged = merged
    }

    /// Decides the merge for the counted ballots among `summaries`.
    public init(counted summaries: [CastSummary], resolution: RevoteResolution, definition: ReferendumDefinition) {
        var counts = [String: [String: Int]]()
        for summary in summaries where resolution.counted.contains(summary.ballotId) {
            counts[summary.region, default: [:]][definition.tallyStation(of: summary.stationId), default: 0] += 1
        }
        self.init(counts: counts, threshold: definition.cellThreshold)
    }

    /// True when the cell of `station` in `region` is merged into the region's remainder.
    public func isMerged(station: String, region: String) -> Bool {
        merged[region]?.contains(station) ?? false
    }

    /// The scope a counted ballot's ciphertext is added to: its station's, or its region's remainder.
    public func scope(station: String, region: String) -> TallyScope {
        isMerged(station: station, region: region) ? .remainder(region: region) : .station(station, region: region)
    }
}

extension ReferendumDefinition {
    /// The fewest counted ballots a published station total may have (`minimum_cell_ballots`, default 10).
    public var cellThreshold: Int { minimumCellBallots ?? Self.defaultCellThreshold }

    /// 10, as statistical offices commonly suppress cells below.
    public static let defaultCellThreshold = 10
}
