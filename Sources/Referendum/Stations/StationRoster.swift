import Foundation

/// The voters one station serves, itself or through its mobile boxes, by pseudonym: what its
/// package carries and what the central server checks a station's uploaded ballots against.
public struct StationRoster: Sendable {
    /// The station (regional or external).
    public let station: ReferendumDefinition.Station
    /// The station and its mobile boxes.
    public let stations: [ReferendumDefinition.Station]
    /// Every voter served, by pseudonym.
    public let voters: [String: RegisteredVoter]

    /// The roster of `stationId` from the register in `store`.
    /// - Throws: `wrongStation` for a station that is not a regional or external station of `definition`.
    public static func load(station stationId: String, definition: ReferendumDefinition, store: any ReferendumStore) async throws -> StationRoster {
        guard let station = definition.station(stationId), station.kind != .mobile else {
            throw ReferendumError.wrongStation(station: stationId, reason: "no regional or external station \(stationId) in this referendum")
        }
        let stations = [station] + definition.stations.filter { $0.kind == .mobile && $0.parent == station.id }
        var voters = [String: RegisteredVoter]()
        var after: String?
        while true {
            let page = try await store.voters(after: after, limit: 10_000)
            for voter in page where stations.contains(where: { $0.serves(voter) }) { voters[voter.pseudonym] = voter }
            guard page.count == 10_000, let last = page.last else { break }
            after = last.voterId
        }
        return StationRoster(station: station, stations: stations, voters: voters)
    }

    /// The station of this roster (itself or one of its boxes) that owns `device`.
    /// - Throws: `notOwnStation` for a device of another station; `invalidInput`/`wrongStation` for an
    ///   id that is no device at all.
    public func owner(ofDevice device: String, definition: ReferendumDefinition) throws -> ReferendumDefinition.Station {
        guard let owner = definition.owner(ofDevice: device) else {
            throw ReferendumError.wrongStation(station: station.id, reason: "\(device.prefix(ReferendumDefinition.maximumInputLength)) is no station's device")
        }
        guard stations.contains(where: { $0.id == owner.id }) else {
            throw ReferendumError.notOwnStation(token: station.id, station: owner.id)
        }
        try definition.requireDevice(device, of: owner.id)
        return owner
    }
}

/// Rosters kept after their first use once the polls are open (the register is fixed then), since
/// a station syncs often.
public actor StationRosters {
    private var rosters = [String: StationRoster]()

    public init() {}

    /// The roster of `station`, loaded once.
    public func roster(of station: String, engine: ReferendumEngine) async throws -> StationRoster {
        if let roster = rosters[station] { return roster }
        let setup = try await engine.setup()
        guard setup.election != nil else {
            throw ReferendumError.lifecycle(action: "serve a station's package", state: setup.state, required: [.keysReady, .open, .closed])
        }
        let roster = try await StationRoster.load(station: station, definition: setup.definition, store: engine.store)
        // The register may still grow while the keys are ready; from the opening on it is fixed.
        if setup.state != .keysReady { rosters[station] = roster }
        return roster
    }
}
