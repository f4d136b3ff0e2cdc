import Foundation
import NIOConcurrencyHelpers
import Referendum

/// The voters checked in at station devices of this process, each with the ballot it shows (its
/// nonce included). They live in memory only: never in the database, never in a log. A server that
/// stops loses them, and the pending ballots they held become abandoned at the count, as the engine
/// rules.
///
/// One session per device: a new check-in on a device ends that device's own previous session (the
/// voter walked away), and no other device's: a device id is bound to the token that first used it
/// (`AccessTokenStore.bindDevice`). A token has at most `maximumPerToken` open sessions. A session
/// is used by one request at a time (a second one at the same moment is refused, not queued).
public final class BoothSessions: Sendable {
    /// What a session shows.
    public enum Stage: Sendable {
        /// Checked in; no ballot encrypted yet, or the last one was challenged.
        case choosing(lastChallenged: BallotEntry?)
        /// A ballot is shown with its confirmation code, awaiting cast or challenge.
        case deciding(PendingBallot)
        /// A ballot was cast: the session is over, kept briefly so that a retried cast gets the same
        /// answer, with the same paper slip (printing a second sheet would put two in the box).
        case finished(BallotEntry, PaperSlip)
    }

    /// A voter at a device.
    public struct Session: Sendable {
        public let id: String
        /// The token that checked the voter in.
        public let tokenId: String
        /// The station of the token that checked the voter in (a mobile box's parent for box sessions).
        public let tokenStation: String
        public let device: String
        public let voter: VoterSession
        public let visitId: String?
        public var stage: Stage
        var lastUsed: ContinuousClock.Instant
        var busy: Bool
    }

    private let state = NIOLockedValueBox(State())
    /// How long an idle session lives.
    public let idleLifetime: Duration
    /// How many sessions one token may have open at once (one per device it runs).
    public let maximumPerToken: Int

    struct State {
        var sessions = [String: Session]()
        var byDevice = [String: String]()
    }

    public init(idleLifetime: Duration = .seconds(15 * 60), maximumPerToken: Int = 32) {
        self.idleLifetime = idleLifetime
        self.maximumPerToken = maximumPerToken
    }

    /// Starts a session for a checked-in voter on `device`, ending the device's previous one.
    /// - Throws: `APIError` 409 when the device's session is in the middle of a request, 429 when the
    ///   token has `maximumPerToken` open sessions on other devices.
    func start(tokenId: String, tokenStation: String, device: String, voter: VoterSession, visitId: String?) throws -> Session {
        var idBytes = SystemRandomNumberGenerator()
        let id = AccessTokens.hex(AccessTokens.bytes(16, using: &idBytes))
        let session = Session(id: id, tokenId: tokenId, tokenStation: tokenStation, device: device, voter: voter, visitId: visitId,
                              stage: .choosing(lastChallenged: nil), lastUsed: .now, busy: false)
        try state.withLockedValue { state in
            let previous = state.byDevice[device].flatMap { state.sessions[$0] }
            if let previous {
                guard previous.tokenId == tokenId else {
                    throw APIError(.forbidden, "device \(device) is in use by another token", reason: "device-of-another-token")
                }
                guard !previous.busy else {
                    throw APIError(.conflict, "device \(device) is in the middle of a request; try again", reason: "session-busy")
                }
            } else {
                let open = state.sessions.values.count { $0.tokenId == tokenId }
                guard open < maximumPerToken else {
                    throw APIError(.tooManyRequests, "this token has \(open) open voter sessions, the most one token may have; end some first",
                                   reason: "too-many-sessions")
                }
            }
            if let previous { state.sessions[previous.id] = nil }
            state.sessions[id] = session
            state.byDevice[device] = id
        }
        return session
    }

    /// Runs `body` with the session `id` of `station`'s token, alone; stores the stage it returns.
    /// - Throws: `APIError` 404 for a session that does not exist (or belongs to another station),
    ///   409 when another request is using it.
    func with<T: Sendable>(_ id: String, station: String,
                           _ body: (Session) async throws -> (Stage?, T)) async throws -> T {
        let session = try state.withLockedValue { state -> Session in
            guard var session = state.sessions[id], session.tokenStation == station else {
                throw APIError(.notFound, "no voter session \(id) at this station: it ended (a ballot was cast, the device checked in another voter) or expired",
                               reason: "no-session")
            }
            guard !session.busy else {
                throw APIError(.conflict, "another request for this voter session is under way", reason: "session-busy")
            }
            session.busy = true
            state.sessions[id] = session
            return session
        }
        do {
            let (stage, value) = try await body(session)
            release(id, stage: stage)
            return value
        } catch {
            release(id, stage: nil)
            throw error
        }
    }

    private func release(_ id: String, stage: Stage?) {
        state.withLockedValue { state in
            guard var session = state.sessions[id] else { return }
            session.busy = false
            session.lastUsed = .now
            if let stage { session.stage = stage }
            state.sessions[id] = session
        }
    }

    /// The session `id` of `station`'s token as it stands, nil when there is none.
    func peek(_ id: String, station: String) -> Session? {
        state.withLockedValue { state in state.sessions[id].flatMap { $0.tokenStation == station ? $0 : nil } }
    }

    /// Ends a session (the voter walked away): its pending ballot, if any, stays pending in the store.
    /// - Returns: whether there was such a session.
    @discardableResult
    func end(_ id: String, station: String) -> Bool {
        state.withLockedValue { state in
            guard let session = state.sessions[id], session.tokenStation == station else { return false }
            state.sessions[id] = nil
            if state.byDevice[session.device] == id { state.byDevice[session.device] = nil }
            return true
        }
    }

    /// Ends every session of a station's token (a lost or replaced device); returns how many.
    @discardableResult
    func endAll(station: String) -> Int {
        state.withLockedValue { state in
            let ids = state.sessions.values.filter { $0.tokenStation == station }.map(\.id)
            for id in ids {
                if let device = state.sessions[id]?.device, state.byDevice[device] == id { state.byDevice[device] = nil }
                state.sessions[id] = nil
            }
            return ids.count
        }
    }

    /// Open sessions per station (devices in use), for the administrator.
    func openSessions() -> [String: [String]] {
        state.withLockedValue { state in
            var devices = [String: [String]]()
            for session in state.sessions.values {
                if case .finished = session.stage { continue }
                devices[session.tokenStation, default: []].append(session.device)
            }
            return devices.mapValues { $0.sorted() }
        }
    }

    /// Drops sessions idle longer than their lifetime (finished ones after two minutes); returns how many.
    @discardableResult
    func expire(now: ContinuousClock.Instant = .now) -> Int {
        state.withLockedValue { state in
            let stale = state.sessions.values.filter { session in
                guard !session.busy else { return false }
                if case .finished = session.stage { return now - session.lastUsed > .seconds(120) }
                return now - session.lastUsed > idleLifetime
            }
            for session in stale {
                state.sessions[session.id] = nil
                if state.byDevice[session.device] == session.id { state.byDevice[session.device] = nil }
            }
            return stale.count
        }
    }
}
