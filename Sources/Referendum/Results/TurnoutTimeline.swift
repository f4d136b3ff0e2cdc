import Foundation

/// Turnout while voting goes on: per hour, how many voters cast their first ballot (per region) and
/// how many ballots were cast (per station). Computed from ballot metadata only, so it can be shown
/// live without touching a ciphertext.
public struct TurnoutTimeline: Sendable, Codable, Hashable {
    public struct Point: Sendable, Codable, Hashable {
        /// The start of the hour (UTC).
        public let hour: Date
        public let count: Int
    }

    /// Voters who cast for the first time, per region, per hour (cumulative sums give turnout).
    public let newVotersByRegion: [String: [Point]]
    /// Ballots cast per station per hour (revotes included; a mobile box counts with its station).
    public let ballotsByStation: [String: [Point]]
    /// Voters who have cast at least one ballot, per region, so far.
    public let votersByRegion: [String: Int]

    public static func compute(summaries: [CastSummary], definition: ReferendumDefinition) -> TurnoutTimeline {
        let cast = summaries.filter { $0.status == .cast }.sorted { ($0.decidedAt, $0.ballotId) < ($1.decidedAt, $1.ballotId) }
        var firstSeen = Set<String>()
        var byRegion = [String: [Date: Int]](), byStation = [String: [Date: Int]]()
        for summary in cast {
            let hour = Date(timeIntervalSince1970: (summary.decidedAt.timeIntervalSince1970 / 3600).rounded(.down) * 3600)
            let station = definition.tallyStation(of: summary.stationId)
            byStation[station, default: [:]][hour, default: 0] += 1
            if firstSeen.insert(summary.pseudonym).inserted { byRegion[summary.region, default: [:]][hour, default: 0] += 1 }
        }
        func points(_ counts: [Date: Int]) -> [Point] { counts.sorted { $0.key < $1.key }.map { Point(hour: $0.key, count: $0.value) } }
        return TurnoutTimeline(newVotersByRegion: byRegion.mapValues(points), ballotsByStation: byStation.mapValues(points),
                               votersByRegion: byRegion.mapValues { $0.values.reduce(0, +) })
    }
}
