import Foundation
import ElectionGuard
import ElectionRecord

/// What a station device does for a voter: check the credential, encrypt the choice, show the
/// confirmation code, then cast or challenge (docs/architecture.md, "How a ballot travels"). One desk serves
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

    /// Checks a voter in at a station device, with every rule a device's request must meet: the device
    /// belongs to `stationId` (`requireDevice`), `stationId` is the token's station `tokenStation` or one
    /// of its mobile boxes, a mobile box's ballot belongs to an open visit of that box, and then the
    /// voter's own rules (`checkIn(credential:stationId:at:)`).
    /// - Throws: `invalidInput` for an over-long value, `notOwnStation`, `wrongStation`, `mobileVisit`,
    ///   and the voter's errors.
    public func checkIn(credential: String, station stationId: String, device: String, visit visitId: String?,
                        tokenStation: String, at date: Date? = nil) async throws -> CheckIn {
        try ReferendumDefinition.requireShort(credential, field: "credential")
        try ReferendumDefinition.requireShort(stationId, field: "station")
        if let visitId { try ReferendumDefinition.requireShort(visitId, field: "visit") }
        if stationId != tokenStation {
            guard let box = definition.station(stationId), box.kind == .mobile, box.parent == tokenStation else {
                throw ReferendumError.notOwnStation(token: tokenStation, station: stationId)
            }
        }
        try definition.requireDevice(device, of: stationId)
        var visit: MobileVisit?
        if let visitId {
            guard let found = try await store.mobileVisits().first(where: { $0.id == visitId }), found.stationId == stationId else {
                throw ReferendumError.mobileVisit("no visit \(visitId) of mobile box \(stationId)")
            }
            guard found.returnedAt == nil else { throw ReferendumError.mobileVisit("visit \(visitId) has already returned") }
            visit = found
        } else if definition.station(stationId)?.kind == .mobile {
            throw ReferendumError.mobileVisit("a ballot at mobile box \(stationId) needs an open visit: start one and send its id as visit")
        }
        let voter = try await checkIn(credential: credential, stationId: stationId, at: date)
        return CheckIn(voter: voter, device: device, visit: visit)
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
        try station.requireServes(voter)
        try definition.requireVotingWindow(region: voter.homeRegion, at: date ?? clock.now())
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
        guard definition.options.contains(where: { $0.id == choice }) else {
            throw ReferendumError.invalidChoice(String(choice.prefix(ReferendumDefinition.maximumInputLength)))
        }
        // The device names a directory of the published record: refuse now what could not be published.
        try definition.requireDevice(deviceId, of: session.station.id)
        if session.station.kind == .mobile {
            guard let visit else { throw ReferendumError.mobileVisit("a ballot at mobile box \(session.station.id) needs an open visit") }
            guard visit.stationId == session.station.id, visit.returnedAt == nil else {
                throw ReferendumError.mobileVisit("visit \(visit.id) is not an open visit of \(session.station.id)")
            }
        }
        let now = date ?? clock.now()
        // The store checks the window again, inside the ballot's transaction.
        try definition.requireVotingWindow(region: session.region, at: now)
        let head = try await store.chainHead(device: deviceId)
        var chain = BallotChain(initialBaux: election.baux0, extendedBaseHash: election.extendedBaseHash, lastCode: head?.lastCode)
        let sequence = String((head?.length ?? 0) + 1)
        let ballotId = "\(deviceId)-" + sequence.leftPadded(to: 6)
        let nonce = UInt256.random(using: &generator)
        let plaintext = PlaintextBallot(
            id: ballotId, styleId: definition.ballotStyle(for: session.region),
            contests: [.init(contestId: session.region, votes: [definition.selectionId(region: session.region, option: choice): 1])])
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
}

/// A voter checked in at a device, with the mobile-box visit the ballot belongs to.
public struct CheckIn: Sendable {
    public let voter: VoterSession
    public let device: String
    public let visit: MobileVisit?
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
