import Foundation
import ElectionGuard
import ElectionRecord

/// What a station device does for a voter: check the credential, encrypt the choice, show the
/// confirmation code, then cast or challenge (DESIGN.md, "How a ballot travels"). One desk serves
/// every device of a process; the election's tables are built once when it opens.
public final class CastingDesk: Sendable {
    public let store: any ReferendumStore
    public let clock: any ReferendumClock
    public let definition: ReferendumDefinition
    public let election: ElectionSetup
    public let publicKey: ElGamalPublicKey
    let credentials: Credentials
    let encryptors: [String: BallotEncryptor]

    /// Prepares casting for the referendum in `engine`'s store.
    /// - Throws: `lifecycle` before the key ceremony.
    public init(engine: ReferendumEngine) async throws {
        let setup = try await engine.setup()
        guard let election = setup.election else {
            throw ReferendumError.lifecycle(action: "prepare casting", state: setup.state, required: [.keysReady, .open])
        }
        store = engine.store
        clock = engine.clock
        definition = setup.definition
        self.election = election
        credentials = setup.credentials
        publicKey = ElGamalPublicKey(election.jointPublicKey)
        var encryptors = [String: BallotEncryptor]()
        for region in setup.definition.regions {
            encryptors[region.id] = BallotEncryptor(publicKey: publicKey, extendedBaseHash: election.extendedBaseHash,
                                                    contests: [setup.definition.contest(for: region.id)!])
        }
        self.encryptors = encryptors
    }

    /// Checks a voter in at `stationId`: the credential is on the register, the station serves the
    /// voter (region, home station, displaced voters at external stations) and the voter's region is
    /// inside its voting window now.
    /// - Parameter date: when the voter checks in; the clock's time unless a script replays recorded times.
    /// - Throws: `unknownCredential`, `wrongStation`, `outsideWindow`, `lifecycle` when not open.
    public func checkIn(credential: String, stationId: String, at date: Date? = nil) async throws -> VoterSession {
        let state = try await store.state() ?? .draft
        try Lifecycle.check(.cast, in: state)
        guard let voter = try await store.voter(credentialKey: credentials.key(of: credential)) else {
            throw ReferendumError.unknownCredential
        }
        guard let station = definition.station(stationId) else {
            throw ReferendumError.wrongStation(station: stationId, reason: "no such station in this referendum")
        }
        guard station.serves.contains(voter.homeRegion) else {
            throw ReferendumError.wrongStation(station: stationId, reason: "it does not serve voters of \(voter.homeRegion)")
        }
        switch station.kind {
        case .regional:
            if let home = voter.homeStation, home != station.id {
                throw ReferendumError.wrongStation(station: stationId, reason: "the voter is listed at station \(home)")
            }
        case .mobile:
            if let home = voter.homeStation, home != station.parent {
                throw ReferendumError.wrongStation(station: stationId, reason: "the voter is listed at station \(home), not \(station.parent ?? "?")")
            }
        case .external:
            guard voter.displaced else {
                throw ReferendumError.wrongStation(station: stationId, reason: "external stations are for displaced voters; this voter votes in \(voter.homeRegion)")
            }
        }
        let now = date ?? clock.now()
        let window = definition.schedule.window(for: voter.homeRegion)!
        guard window.contains(now) else {
            let format = ISO8601DateFormatter()
            format.timeZone = TimeZone(identifier: definition.region(voter.homeRegion)!.timeZone)
            throw ReferendumError.outsideWindow(region: voter.homeRegion, at: format.string(from: now),
                                                opens: format.string(from: window.opens), closes: format.string(from: window.closes))
        }
        return VoterSession(pseudonym: voter.pseudonym, region: voter.homeRegion, station: station)
    }

    /// Encrypts `choice` for the checked-in voter on `deviceId` and records the ballot as pending
    /// (durably, in the device's chain). The returned ballot carries its nonce, in memory only: cast
    /// it, or challenge it to open it.
    /// - Parameter visit: the mobile-box visit, required at a mobile station.
    /// - Throws: `invalidChoice`, `wrongStation` for a device id that cannot name a record directory,
    ///   `mobileVisit`, or the store's errors (polls closed, device in use elsewhere).
    public func encrypt<R: RandomNumberGenerator>(
        _ session: VoterSession, choice: String, deviceId: String, visit: MobileVisit? = nil, at date: Date? = nil,
        using generator: inout R
    ) async throws -> PendingBallot {
        guard definition.options.contains(where: { $0.id == choice }) else { throw ReferendumError.invalidChoice(choice) }
        do {
            // The device names a directory of the published record: refuse now what could not be published.
            _ = try RecordLayout.component(deviceId)
        } catch {
            throw ReferendumError.wrongStation(station: session.station.id, reason: "device \(deviceId) cannot name a directory of the record: \(error)")
        }
        if session.station.kind == .mobile {
            guard let visit else { throw ReferendumError.mobileVisit("a ballot at mobile box \(session.station.id) needs an open visit") }
            guard visit.stationId == session.station.id, visit.returnedAt == nil else {
                throw ReferendumError.mobileVisit("visit \(visit.id) is not an open visit of \(session.station.id)")
            }
        }
        let head = try await store.chainHead(device: deviceId)
        var chain = BallotChain(initialBaux: election.baux0, extendedBaseHash: election.extendedBaseHash, lastCode: head?.lastCode)
        let sequence = String((head?.length ?? 0) + 1)
        let ballotId = "\(deviceId)-" + sequence.leftPadded(to: 6)
        let nonce = UInt256.random(using: &generator)
        let plaintext = PlaintextBallot(
            id: ballotId, styleId: definition.ballotStyle(for: session.region),
            contests: [.init(contestId: session.region, votes: [definition.selectionId(region: session.region, option: choice): 1])])
        let now = date ?? clock.now()
        let ballot = try encryptors[session.region]!.encrypt(
            plaintext, ballotNonce: nonce, codeBaux: chain.nextBaux, device: deviceId, timestamp: Int(now.timeIntervalSince1970))
        chain.append(ballot.confirmationCode)
        let entry = BallotEntry(ballot: ballot, stationId: session.station.id,
                                channel: session.station.kind == .mobile ? .mobile : .station, region: session.region,
                                pseudonym: session.pseudonym, encryptedAt: now, status: .pending, mobileVisitId: visit?.id)
        if let visit {
            // The store adds the ballot to the visit as stored, in the append's transaction.
            try await store.append(entry, after: head?.lastCode, visit: visit)
        } else {
            try await store.append(entry, after: head?.lastCode)
        }
        return PendingBallot(entry: entry, nonce: nonce, choice: choice)
    }

    /// Casts a pending ballot. Returns once the cast is durable: only then may the device show the
    /// code as cast. Casting the same ballot twice returns the same entry.
    public func cast(_ pending: PendingBallot, at date: Date? = nil) async throws -> BallotEntry {
        try await store.decide(ballotId: pending.entry.ballotId, status: .cast, at: date ?? clock.now(), nonce: nil, choice: nil)
    }

    /// Challenges a pending ballot: it is opened with its nonce (the device shows what it encrypted),
    /// published, and never counted. The voter then votes again.
    public func challenge(_ pending: PendingBallot, at date: Date? = nil) async throws -> BallotEntry {
        try await store.decide(ballotId: pending.entry.ballotId, status: .challenged, at: date ?? clock.now(),
                               nonce: pending.nonce, choice: pending.choice)
    }

    /// Starts a mobile-box visit.
    /// - Throws: `mobileVisit` when `stationId` is not a mobile box, no official carries it, or a visit
    ///   with this id exists already (its log must not be overwritten).
    public func startVisit(id: String, stationId: String, request: String, requestedAt: Date, officials: [String],
                           observers: [String], at date: Date? = nil) async throws -> MobileVisit {
        guard definition.station(stationId)?.kind == .mobile else {
            throw ReferendumError.mobileVisit("\(stationId) is not a mobile box")
        }
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

/// A checked-in voter at a station: who (by pseudonym), which region's ballot, where.
public struct VoterSession: Sendable, Hashable {
    public let pseudonym: String
    public let region: String
    public let station: ReferendumDefinition.Station
}

/// An encrypted ballot shown to the voter, not yet cast or challenged. Holds the nonce: keep it in
/// memory only.
public struct PendingBallot: Sendable, Hashable {
    public let entry: BallotEntry
    let nonce: UInt256
    let choice: String

    /// The code to show the voter.
    public var confirmationCode: UInt256 { entry.confirmationCode }
}
