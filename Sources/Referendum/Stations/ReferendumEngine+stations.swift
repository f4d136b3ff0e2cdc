import Foundation
import ElectionGuard

/// The central server's side of stations that vote offline (docs/stations.md): the package a station
/// fetches, and the ballots it hands in later.
extension ReferendumEngine {
    /// The package of `roster`'s station: what its own machine needs to vote without the network.
    /// - Throws: `lifecycle` before the key ceremony or after the polls closed.
    public func stationPackage(_ roster: StationRoster) async throws -> StationPackage {
        let setup = try await setup()
        guard let election = setup.election, [.keysReady, .open].contains(setup.state) else {
            throw ReferendumError.lifecycle(action: "make a station's package", state: setup.state, required: [.keysReady, .open])
        }
        return StationPackage(station: roster.station.id, state: setup.state, definition: setup.definition, election: election,
                              credentialSalt: Base16.encode(setup.credentials.salt),
                              voters: roster.voters.values.sorted { $0.pseudonym < $1.pseudonym }.map(StationVoter.init),
                              madeAt: clock.now())
    }

    /// Receives a station's upload: for each device, its ballots in chain order, each checked
    /// (`UploadRules`) and appended after the device's chain head, the same ballot again skipped; then
    /// its mobile-box visits. Everything stored before a refusal stays stored (each ballot is its own
    /// transaction, in chain order), so the station resumes from the head the central server reports.
    /// - Throws: `notOwnStation` for a device or visit of another station, `uploadConflict` for a ballot
    ///   missing, out of order, chained wrong or differing from the one received under its id,
    ///   `invalidInput` for a malformed ballot or an upload over the limits, `wrongStation` for a voter
    ///   the station does not serve, `lifecycle` before the opening or after the count.
    public func receive(_ upload: StationUpload, roster: StationRoster) async throws -> UploadReceipt {
        try upload.requireWithinLimits()
        let setup = try await setup()
        guard let election = setup.election else {
            throw ReferendumError.lifecycle(action: "receive a station's ballots", state: setup.state, required: [.open, .closed])
        }
        let rules = UploadRules(definition: setup.definition, election: election)
        let owners = try upload.devices.map { try roster.owner(ofDevice: $0.device, definition: setup.definition) }
        let sentVisits = try Dictionary(upload.visits.map { visit in
            guard roster.stations.contains(where: { $0.id == visit.stationId && $0.kind == .mobile }) else {
                throw ReferendumError.notOwnStation(token: roster.station.id, station: String(visit.stationId.prefix(ReferendumDefinition.maximumInputLength)))
            }
            try ReferendumDefinition.requireIdentifier(visit.id, field: "visits[].id")
            guard visit.request.count <= 1_000, visit.officials.count <= 10, visit.observers.count <= 10, !visit.officials.isEmpty else {
                throw ReferendumError.invalidInput(field: "visits[].officials", reason: "1 to 10 officials, at most 10 observers, a request of at most 1000 characters")
            }
            for name in visit.officials + visit.observers { try ReferendumDefinition.requireShort(name, field: "visits[].officials") }
            return (visit.id, visit)
        }, uniquingKeysWith: { first, _ in first })
        var stored = try await Dictionary(uniqueKeysWithValues: store.mobileVisits().map { ($0.id, $0) })
        var received = 0
        var receipts = [UploadReceipt.DeviceReceipt]()
        for (batch, owner) in zip(upload.devices, owners) {
            var head = try await store.chainHead(device: batch.device)
            for entry in batch.ballots {
                if let existing = try await store.entry(ballotId: entry.ballotId) {
                    try UploadRules.requireSame(entry, as: existing)
                    continue
                }
                try rules.check(entry, device: batch.device, owner: owner, after: head, roster: roster)
                if let visitId = entry.mobileVisitId {
                    guard let visit = stored[visitId] ?? sentVisits[visitId], visit.stationId == owner.id else {
                        throw ReferendumError.invalidInput(field: "ballot \(entry.ballotId): mobileVisitId", reason: "no visit \(visitId.prefix(64)) of \(owner.id) in this upload or before")
                    }
                    // The visit as it left: its return and ballot list follow from what is received.
                    let leaving = stored[visitId] ?? MobileVisit(id: visit.id, stationId: visit.stationId, requestedAt: visit.requestedAt,
                                                                 request: visit.request, officials: visit.officials, observers: visit.observers,
                                                                 departedAt: visit.departedAt)
                    try await store.append(entry, after: head?.lastCode, visit: leaving)
                    stored[visitId] = try await store.mobileVisits().first { $0.id == visitId }
                } else {
                    try await store.append(entry, after: head?.lastCode)
                }
                head = ChainHead(lastCode: entry.confirmationCode, length: (head?.length ?? 0) + 1)
                received += 1
            }
            receipts.append(.init(device: batch.device, head: head))
        }
        for visit in upload.visits {
            try await saveVisit(visit, stored: stored[visit.id])
        }
        return UploadReceipt(state: try await store.state() ?? setup.state, devices: receipts, received: received)
    }

    /// Saves a station's visit log: the visit's own fields as the station sent them, its ballots as
    /// received here, and its return only once every ballot it lists has arrived (a returned visit
    /// takes no more ballots).
    func saveVisit(_ visit: MobileVisit, stored: MobileVisit?) async throws {
        let have = Set(stored?.ballotIds ?? [])
        var returnedAt = stored?.returnedAt
        if returnedAt == nil, visit.returnedAt != nil, visit.ballotIds.allSatisfy(have.contains) { returnedAt = visit.returnedAt }
        let merged = MobileVisit(id: visit.id, stationId: visit.stationId, requestedAt: visit.requestedAt, request: visit.request,
                                 officials: visit.officials, observers: visit.observers, departedAt: visit.departedAt,
                                 returnedAt: returnedAt, ballotIds: stored?.ballotIds ?? [])
        if merged != stored { try await store.saveMobileVisit(merged) }
    }
}
