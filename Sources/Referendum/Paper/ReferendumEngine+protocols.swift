import ElectionRecord
import Foundation

extension ReferendumEngine {
    /// Enters station commissions' protocols after the polls close, all or none, each replacing an
    /// earlier one of the same station and region (kept in `PaperState.replaced`) until the audit starts.
    /// - Throws: `lifecycle` outside closed, counted and decrypted; `invalidInput` for a field out of
    ///   shape; `paper` naming the cell for a station that does not serve the region, an option
    ///   missing or unknown, a broken control relation, a paper-only protocol of a station with
    ///   electronic ballots, or a protocol after the audit started. Nothing changes when it throws.
    @discardableResult
    public func enterProtocols(_ entries: [ProtocolEntry]) async throws -> [StationProtocol] {
        let setup = try await setup()
        try Lifecycle.check(.enterProtocol, in: setup.state)
        let now = clock.now()
        var checked = [StationProtocol]()
        for entry in entries {
            let entered = try await check(entry, setup: setup, at: now)
            guard !checked.contains(where: { $0.cell == entered.cell }) else {
                throw ReferendumError.paper(cell: entered.cell, reason: "two protocols for this station and region in one entry")
            }
            checked.append(entered)
        }
        try await store.transition(from: setup.state, to: setup.state, at: now) { [checked] setup in
            var paper = setup.paper ?? PaperState()
            for entered in checked {
                if let index = paper.protocols.firstIndex(where: { $0.cell == entered.cell }) {
                    paper.replaced.append(paper.protocols.remove(at: index))
                }
                paper.protocols.append(entered)
            }
            paper.protocols.sort { $0.cell < $1.cell }
            setup.paper = paper
        }
        return checked
    }

    /// One protocol checked against the referendum and stamped.
    func check(_ entry: ProtocolEntry, setup: ReferendumSetup, at now: Date) async throws -> StationProtocol {
        if let (field, reason) = entry.shapeProblem { throw ReferendumError.invalidInput(field: field, reason: reason) }
        let definition = setup.definition
        let cell = TallyScope.station(entry.station, region: entry.region).key
        func refuse(_ reason: String) -> ReferendumError { .paper(cell: cell, reason: reason) }
        guard let station = definition.station(entry.station) else { throw refuse("no station \(entry.station) in this referendum") }
        guard station.kind != .mobile else {
            throw refuse("a mobile box's paper is counted in its parent station's protocol (\(station.parent ?? "?"))")
        }
        guard station.serves.contains(entry.region) else {
            throw refuse("station \(entry.station) does not serve region \(entry.region) (it serves \(station.serves.joined(separator: ", ")))")
        }
        let options = Set(definition.options.map(\.id))
        if let unknown = Set(entry.votes.keys).subtracting(options).sorted().first { throw refuse("votes.\(unknown) is not an option") }
        if let missing = options.subtracting(entry.votes.keys).sorted().first { throw refuse("votes.\(missing) is missing") }
        guard setup.paper?.audit == nil else { throw refuse("the audit has started: protocols are fixed") }
        let mode = entry.mode ?? .electronic
        if mode == .paperOnly {
            let boxes = Set([station.id] + definition.stations.filter { $0.parent == station.id }.map(\.id))
            let electronic = try await store.summaries().filter { boxes.contains($0.stationId) && $0.region == entry.region && $0.status == .cast }
            guard electronic.isEmpty else {
                throw refuse("paper-only, but its devices cast \(electronic.count) ballots for this region: counting its paper as well would count them twice")
            }
        }
        let entered = StationProtocol(
            station: entry.station, region: entry.region, mode: mode, received: entry.received, issued: entry.issued,
            spoiled: entry.spoiled, unused: entry.unused, stationary: entry.stationary, mobile: entry.mobile, found: entry.found,
            setAside: entry.setAside ?? 0,
            votes: entry.votes, invalid: entry.invalid, signedBy: entry.signedBy.map { $0.trimmingCharacters(in: .whitespaces) },
            enteredAt: now)
        if let broken = entered.brokenRelations.first {
            throw refuse("the protocol breaks \(broken.relation.rawValue): \(broken.left) is not \(broken.right)")
        }
        return entered
    }

    /// The protocols beside the electronic totals, once the guardians decrypted them.
    /// - Throws: `counting` before decryption.
    public func paperReport() async throws -> RecordedPaper {
        let setup = try await setup()
        let summaries = try await store.summaries()
        let results = try ReferendumResults.compute(setup: setup, register: try await store.registerCounts(), summaries: summaries)
        return PaperReport.compute(setup: setup, results: results, summaries: summaries)
    }
}

/// The envelopes a station's commission sets aside unopened before counting its paper for a region.
public struct EnvelopesToSetAside: Sendable, Codable, Hashable {
    public let station: String
    public let region: String
    /// Envelope codes (`Credentials.envelopeCode`), sorted.
    public let envelopes: [String]
}

extension ReferendumEngine {
    /// For each station and region, the envelope codes of its cast ballots that a revote superseded
    /// (a mobile box's with its parent station's), known once the count applied the revote rule.
    /// Secret from the public only in that nothing public links a code to a ballot; the commission
    /// reads the list at the count, and protocols.json publishes how many were set aside.
    /// - Throws: `lifecycle` before the count.
    public func envelopesToSetAside() async throws -> [EnvelopesToSetAside] {
        let setup = try await setup()
        guard let count = setup.count else {
            throw ReferendumError.lifecycle(action: "list the envelopes to set aside", state: setup.state, required: [.counted, .decrypted])
        }
        var lists = [String: EnvelopesToSetAside]()
        for summary in try await store.summaries() where count.resolution.supersededBy[summary.ballotId] != nil {
            let station = setup.definition.tallyStation(of: summary.stationId)
            let key = "\(station)\n\(summary.region)"
            let list = lists[key] ?? .init(station: station, region: summary.region, envelopes: [])
            lists[key] = .init(station: station, region: summary.region,
                               envelopes: list.envelopes + [setup.credentials.envelopeCode(ballotId: summary.ballotId)])
        }
        return lists.values.map { .init(station: $0.station, region: $0.region, envelopes: $0.envelopes.sorted()) }
            .sorted { ($0.station, $0.region) < ($1.station, $1.region) }
    }
}
