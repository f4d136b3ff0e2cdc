import Foundation

/// Mobile-box visits: a trip of a box from its station, with the officials and observers who carry
/// it, the request that called it, and the ballots it took.
extension CastingDesk {
    /// The visit `id`, nil when there is none.
    public func visit(_ id: String) async throws -> MobileVisit? {
        try await store.mobileVisits().first { $0.id == id }
    }

    /// The visits of `stationId`'s mobile boxes.
    public func visits(ofStation stationId: String) async throws -> [MobileVisit] {
        try await store.mobileVisits().filter { definition.station($0.stationId)?.parent == stationId }
    }

    /// Starts a visit of mobile box `stationId` for a device of station `tokenStation`, which must be
    /// the box's station.
    /// - Throws: `notOwnStation` for another station's box, `invalidInput` for over-long fields, and
    ///   `startVisit`'s errors.
    public func startVisit(id: String, stationId: String, request: String, requestedAt: Date, officials: [String],
                           observers: [String], tokenStation: String, at date: Date? = nil) async throws -> MobileVisit {
        guard let box = definition.station(stationId), box.kind == .mobile, box.parent == tokenStation else {
            throw ReferendumError.notOwnStation(token: tokenStation, station: String(stationId.prefix(ReferendumDefinition.maximumInputLength)))
        }
        guard request.count <= 1_000 else { throw ReferendumError.invalidInput(field: "request", reason: "at most 1000 characters") }
        guard officials.count <= 10, observers.count <= 10 else {
            throw ReferendumError.invalidInput(field: "officials", reason: "at most 10 officials and 10 observers")
        }
        for name in officials + observers { try ReferendumDefinition.requireShort(name, field: "officials") }
        return try await startVisit(id: id, stationId: stationId, request: request, requestedAt: requestedAt, officials: officials,
                                    observers: observers, at: date)
    }

    /// Starts a mobile-box visit.
    /// - Throws: `mobileVisit` when `stationId` is not a mobile box, no official carries it, or a visit
    ///   with this id exists already (its log must not be overwritten); `invalidInput` for an id that
    ///   is not 1 to 64 letters, digits, `-` and `_` (it is a cell of the published ballots.csv).
    public func startVisit(id: String, stationId: String, request: String, requestedAt: Date, officials: [String],
                           observers: [String], at date: Date? = nil) async throws -> MobileVisit {
        guard definition.station(stationId)?.kind == .mobile else {
            throw ReferendumError.mobileVisit("\(stationId) is not a mobile box")
        }
        try ReferendumDefinition.requireIdentifier(id, field: "id")
        guard !officials.isEmpty else { throw ReferendumError.mobileVisit("name the officials carrying the box") }
        guard try await store.mobileVisits().first(where: { $0.id == id }) == nil else {
            throw ReferendumError.mobileVisit("visit \(id) exists already")
        }
        let visit = MobileVisit(id: id, stationId: stationId, requestedAt: requestedAt, request: request,
                                officials: officials, observers: observers, departedAt: date ?? clock.now())
        try await store.saveMobileVisit(visit)
        return visit
    }

    /// Ends a visit: the box is back at its station.
    /// - Throws: `mobileVisit` when the visit has already returned.
    public func endVisit(_ visit: MobileVisit, at date: Date? = nil) async throws -> MobileVisit {
        let stored = try await store.mobileVisits().first { $0.id == visit.id } ?? visit
        guard stored.returnedAt == nil else { throw ReferendumError.mobileVisit("visit \(visit.id) has already returned") }
        let returned = stored.returned(at: date ?? clock.now())
        try await store.saveMobileVisit(returned)
        return returned
    }
}
