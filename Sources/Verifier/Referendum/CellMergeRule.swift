import ElectionRecord

/// R.4's rule for small station counts (docs/referendum-record.md), recomputed from ballots.csv: in
/// each region, every station count below `minimum_cell_ballots` is merged into the region's
/// remainder, and while the remainder is below it the smallest published count (then the lower
/// station id) joins it. Written here from the record's documentation, not taken from the code that
/// counted, so that a wrong merge cannot pass on both sides.
struct CellMergeRule: Sendable {
    /// Per region, the stations whose counts are in "remainder/<region>".
    let merged: [String: Set<String>]

    init(countedPerCell: [String: [String: Int]], minimum: Int) {
        var merged = [String: Set<String>]()
        for (region, cells) in countedPerCell {
            let ordered = cells.filter { $0.value > 0 }.map { (station: $0.key, ballots: $0.value) }
                .sorted { $0.ballots != $1.ballots ? $0.ballots < $1.ballots : $0.station < $1.station }
            // Ordered by size, the merged stations are always a prefix: every small one, then as many
            // of the next as the remainder needs.
            var taken = 0, remainder = 0
            while taken < ordered.count, ordered[taken].ballots < minimum || (taken > 0 && remainder < minimum) {
                remainder += ordered[taken].ballots
                taken += 1
            }
            if taken > 0 { merged[region] = Set(ordered[..<taken].map(\.station)) }
        }
        self.merged = merged
    }

    /// The totals.json scope a counted ballot of `station` (already its tally station) in `region` belongs to.
    func scope(station: String, region: String) -> String {
        merged[region]?.contains(station) == true ? "remainder/\(region)" : ReferendumFiles.stationScope(station, region: region)
    }
}
