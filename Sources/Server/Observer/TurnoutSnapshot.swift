import Foundation
import Referendum

/// Turnout as it stands, from ballot metadata only (no ciphertext, no pseudonym): what the observer
/// stream sends and the results page draws while voting goes on.
public struct TurnoutSnapshot: Sendable, Codable, Hashable {
    /// A count at the start of an hour (UTC).
    public struct Point: Sendable, Codable, Hashable {
        public let hour: Date
        public let count: Int
    }

    public struct Region: Sendable, Codable, Hashable {
        public let id: String
        public let name: LocalizedText
        public let registered: Int
        /// Voters who have cast at least one ballot.
        public let voters: Int
        /// voters / registered, nil without a register.
        public let turnout: Double?
        /// Cumulative voters at the end of each hour (UTC) with votes.
        public let timeline: [Point]
    }

    public struct Station: Sendable, Codable, Hashable {
        public let id: String
        public let kind: String
        /// Ballots cast (revotes included; a mobile box counts with its station).
        public let ballots: Int
        public let timeline: [Point]
    }

    public let state: String
    public let at: Date
    public let regions: [Region]
    public let stations: [Station]
    /// Ballots by status (pending, cast, challenged, abandoned).
    public let ballots: [String: Int]
    public let voters: Int
    public let registered: Int

    /// Computes the snapshot from the store.
    public static func load(_ engine: ReferendumEngine) async throws -> TurnoutSnapshot {
        let status = try await StatusReport.load(engine)
        let definition = status.setup.definition
        let timeline = TurnoutTimeline.compute(summaries: status.summaries, definition: definition)
        var byStatus = Dictionary(uniqueKeysWithValues: BallotStatus.allCases.map { ($0.rawValue, 0) })
        for summary in status.summaries { byStatus[summary.status.rawValue, default: 0] += 1 }
        let regions = definition.regions.map { region in
            let registered = status.register.registered[region.id] ?? 0
            let voters = timeline.votersByRegion[region.id] ?? 0
            var running = 0
            let cumulative = (timeline.newVotersByRegion[region.id] ?? []).map { point in
                running += point.count
                return Point(hour: point.hour, count: running)
            }
            return Region(id: region.id, name: region.name, registered: registered, voters: voters,
                          turnout: registered > 0 ? Double(voters) / Double(registered) : nil, timeline: cumulative)
        }
        let stations = definition.stations.filter { $0.kind != .mobile }.map { station in
            let points = timeline.ballotsByStation[station.id] ?? []
            return Station(id: station.id, kind: station.kind.rawValue, ballots: points.reduce(0) { $0 + $1.count },
                           timeline: points.map { Point(hour: $0.hour, count: $0.count) })
        }
        return TurnoutSnapshot(state: status.setup.state.rawValue, at: engine.clock.now(), regions: regions, stations: stations,
                               ballots: byStatus, voters: regions.reduce(0) { $0 + $1.voters },
                               registered: regions.reduce(0) { $0 + $1.registered })
    }
}
