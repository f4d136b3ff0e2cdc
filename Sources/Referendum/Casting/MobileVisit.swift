import Foundation

/// One trip of a mobile box: who asked for it, who carried it, who watched, and which ballots it
/// brought back. Published in full, so the share and the circumstances of door-to-door voting are
/// visible (docs/architecture.md).
public struct MobileVisit: Sendable, Hashable, Codable {
    public let id: String
    /// The mobile box (a station of kind mobile).
    public let stationId: String
    /// When the voter's request was received.
    public let requestedAt: Date
    /// How the request came (e.g. "phone call 14:02, logged by the station secretary"); no voter names.
    public let request: String
    /// The officials who carried the box.
    public let officials: [String]
    /// The observers who went along (empty when none did: that is published too).
    public let observers: [String]
    public let departedAt: Date
    /// When the box came back, nil while it is out.
    public let returnedAt: Date?
    /// The ballots it took, in order.
    public let ballotIds: [String]

    public init(id: String, stationId: String, requestedAt: Date, request: String, officials: [String], observers: [String],
                departedAt: Date, returnedAt: Date? = nil, ballotIds: [String] = []) {
        self.id = id
        self.stationId = stationId
        self.requestedAt = requestedAt
        self.request = request
        self.officials = officials
        self.observers = observers
        self.departedAt = departedAt
        self.returnedAt = returnedAt
        self.ballotIds = ballotIds
    }

    /// The visit with one more ballot.
    public func adding(_ ballotId: String) -> MobileVisit {
        MobileVisit(id: id, stationId: stationId, requestedAt: requestedAt, request: request, officials: officials,
                    observers: observers, departedAt: departedAt, returnedAt: returnedAt, ballotIds: ballotIds + [ballotId])
    }

    /// What a store saves when ballot `ballotId` is appended on this visit: the visit as stored now
    /// (`stored`, or this one when none is stored) with the ballot listed once. Stores apply it inside
    /// the append's transaction, so that ballots taken at once on one visit are all kept and a visit
    /// that has returned is never reopened.
    /// - Throws: `mobileVisit` when the stored visit returned before this ballot.
    public func recording(_ ballotId: String, over stored: MobileVisit?) throws -> MobileVisit {
        let current = stored ?? self
        if current.ballotIds.contains(ballotId) { return current }
        guard current.returnedAt == nil else { throw ReferendumError.mobileVisit("visit \(id) has already returned") }
        return current.adding(ballotId)
    }

    /// This visit as a store saves it over `stored`: a visit's ballot list only grows, so the ballots
    /// stored meanwhile (appended after this copy was read) are kept, in front of any new ones.
    public func keepingBallots(of stored: MobileVisit?) -> MobileVisit {
        guard let stored, stored.ballotIds != ballotIds else { return self }
        return MobileVisit(id: id, stationId: stationId, requestedAt: requestedAt, request: request, officials: officials,
                           observers: observers, departedAt: departedAt, returnedAt: returnedAt,
                           ballotIds: stored.ballotIds + ballotIds.filter { !stored.ballotIds.contains($0) })
    }

    /// The visit closed at `date`.
    public func returned(at date: Date) -> MobileVisit {
        MobileVisit(id: id, stationId: stationId, requestedAt: requestedAt, request: request, officials: officials,
                    observers: observers, departedAt: departedAt, returnedAt: date, ballotIds: ballotIds)
    }
}
