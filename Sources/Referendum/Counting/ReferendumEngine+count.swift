import Foundation
import ElectionGuard

extension ReferendumEngine {
    /// Counts the closed referendum (closed -> counted): ballots never decided become abandoned, the
    /// revote rule picks one cast ballot per voter, and the counted ballots' ciphertexts are multiplied
    /// into encrypted totals per region, per station (a mobile box counts with its station; a station
    /// with too few ballots in a region counts in the region's remainder, `SmallCellMerge`) and over
    /// all regions. Nothing is decrypted here.
    @discardableResult
    public func count(batchSize: Int = 2_000) async throws -> CountResult {
        let setup = try await setup()
        try Lifecycle.check(.count, in: setup.state)
        let definition = setup.definition
        var pendingAfter: String?
        while true {
            let pending = try await store.entries(statuses: [.pending], after: pendingAfter, limit: batchSize)
            guard let last = pending.last else { break }
            for entry in pending {
                _ = try await store.decide(ballotId: entry.ballotId, status: .abandoned, at: clock.now(), nonce: nil, choice: nil)
            }
            pendingAfter = last.ballotId
        }
        let summaries = try await store.summaries()
        let resolution = RevoteResolution.resolve(summaries, rule: definition.revoteRule)
        let merge = SmallCellMerge(counted: summaries, resolution: resolution, definition: definition)
        var accumulator = TallyAccumulator(definition: definition, merge: merge)
        var after: String?
        while true {
            let batch = try await store.entries(statuses: [.cast], after: after, limit: batchSize)
            guard let last = batch.last else { break }
            for entry in batch where resolution.counted.contains(entry.ballotId) { try accumulator.add(entry) }
            after = last.ballotId
        }
        let result = CountResult(resolution: resolution, totals: accumulator.totals(), countedAt: clock.now(), merge: merge)
        try await store.transition(from: .closed, to: .counted, at: result.countedAt) { $0.count = result }
        return result
    }
}

/// Multiplies counted ballots into totals.
struct TallyAccumulator {
    let definition: ReferendumDefinition
    let merge: SmallCellMerge
    private var sums = [String: (scope: TallyScope, option: String, ciphertext: ElGamalCiphertext, ballots: Int)]()

    init(definition: ReferendumDefinition, merge: SmallCellMerge) {
        self.definition = definition
        self.merge = merge
    }

    mutating func add(_ entry: BallotEntry) throws {
        guard let contest = entry.ballot.contests.first(where: { $0.contestId == entry.region }) else {
            throw ReferendumError.counting("ballot \(entry.ballotId) has no contest for its region \(entry.region)")
        }
        for selection in contest.selections {
            guard let option = definition.option(region: entry.region, selectionId: selection.selectionId) else {
                throw ReferendumError.counting("ballot \(entry.ballotId): unknown selection \(selection.selectionId)")
            }
            let cell = merge.scope(station: definition.tallyStation(of: entry.stationId), region: entry.region)
            for scope in [TallyScope.region(entry.region), cell, .allRegions] {
                let key = "\(scope.key)#\(option)"
                let current = sums[key] ?? (scope, option, .zero, 0)
                sums[key] = (scope, option, current.ciphertext + selection.ciphertext, current.ballots + 1)
            }
        }
    }

    /// Every total in the published order: regions, stations (with each region they counted), the
    /// regions' remainders, all regions; options in definition order. Regions and the overall total
    /// appear even with no ballots.
    func totals() -> [EncryptedTotal] {
        func counted(_ scope: TallyScope) -> Bool { sums.keys.contains { $0.hasPrefix(scope.key + "#") } }
        var scopes = definition.regions.map { TallyScope.region($0.id) }
        for station in definition.stations where station.kind != .mobile {
            scopes += station.serves.map { TallyScope.station(station.id, region: $0) }.filter(counted)
        }
        scopes += definition.regions.map { TallyScope.remainder(region: $0.id) }.filter(counted)
        scopes.append(.allRegions)
        return scopes.flatMap { scope in
            definition.options.map { option in
                let sum = sums["\(scope.key)#\(option.id)"]
                return EncryptedTotal(scope: scope, option: option.id, ciphertext: sum?.ciphertext ?? .zero, ballots: sum?.ballots ?? 0)
            }
        }
    }
}
