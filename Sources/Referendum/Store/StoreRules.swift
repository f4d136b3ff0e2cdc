import Foundation
import ElectionGuard

/// What `append` and `decide` do, given what the store holds: the rules of `ReferendumStore` in one
/// place, so that the in-memory store, SQLite and PostgreSQL cannot drift apart. Each store reads
/// the inputs inside its transaction (with the rows locked where it needs to), asks here, and
/// writes what comes back.
public enum StoreRules {
    /// What an append must do.
    public enum AppendOutcome: Equatable {
        /// The same ballot is already stored: nothing changes.
        case alreadyStored
        /// Store the ballot and move the device's chain to `head`.
        case insert(head: ChainHead)
    }

    /// Refuses `action` unless the stored state is open (no referendum counts as a draft).
    public static func requireOpen(_ state: LifecycleState?, _ action: String) throws {
        let state = state ?? .draft
        guard state == .open else { throw ReferendumError.lifecycle(action: action, state: state, required: [.open]) }
    }

    /// Refuses an append in the wrong state: a pending ballot (from a booth) needs the polls open; a
    /// decided one (a station's offline ballot, `ReferendumEngine.receive`) is received while open or
    /// closed, so that ballots made before the close still arrive until the count (docs/stations.md).
    public static func requireAppendable(_ entry: BallotEntry, state: LifecycleState?) throws {
        if entry.status == .pending { return try requireOpen(state, "cast") }
        guard let state, state == .open || state == .closed else {
            throw ReferendumError.lifecycle(action: "receive a station's ballots", state: state ?? .draft, required: [.open, .closed])
        }
    }

    /// Decides an append of `entry` after `previous`.
    /// - Parameters:
    ///   - storedCode: the confirmation code of a stored ballot with the same id, if any.
    ///   - head: the device's chain as stored.
    ///   - definition: the referendum's definition, for its region's voting window.
    /// A decided entry (a station's upload, `ReferendumEngine.receive`) is taken while the referendum
    /// is open or closed, and its decision too must fall inside the region's window.
    /// - Throws: `lifecycle` when not open; `outsideWindow` when the ballot was made outside its
    ///   region's window; `storage` for another ballot under this id or a chain that moved on.
    public static func append(_ entry: BallotEntry, after previous: UInt256?, state: LifecycleState?,
                              storedCode: UInt256?, head: ChainHead?, definition: ReferendumDefinition?) throws -> AppendOutcome {
        try requireAppendable(entry, state: state)
        if entry.status != .pending, entry.status != .abandoned, let decidedAt = entry.decidedAt {
            try definition?.requireVotingWindow(region: entry.region, at: decidedAt)
        }
        if let storedCode {
            guard storedCode == entry.confirmationCode else {
                throw ReferendumError.ballotConflict("ballot \(entry.ballotId) exists with another confirmation code")
            }
            return .alreadyStored
        }
        try definition?.requireVotingWindow(region: entry.region, at: entry.encryptedAt)
        guard head?.lastCode == previous else {
            throw ReferendumError.chainMoved(device: entry.deviceId)
        }
        return .insert(head: ChainHead(lastCode: entry.confirmationCode, length: (head?.length ?? 0) + 1))
    }

    /// Decides a decision on a ballot whose stored status is `stored` (nil: no such ballot) in
    /// `region`, taken at `date`.
    /// - Returns: true to store the decision, false when the ballot already has this status (the
    ///   stored entry is the answer).
    /// - Throws: `unknownBallot`, `lifecycle` when not open (except to abandon), `outsideWindow` for a
    ///   cast or challenge outside the region's voting window, `ballotAlreadyDecided`.
    public static func decide(stored: BallotStatus?, ballotId: String, status: BallotStatus, state: LifecycleState?,
                              region: String?, at date: Date, definition: ReferendumDefinition?) throws -> Bool {
        guard let stored else { throw ReferendumError.unknownBallot(ballotId) }
        if stored == status { return false }
        if status != .abandoned {
            try requireOpen(state, status == .cast ? "cast" : "challenge")
            if let region { try definition?.requireVotingWindow(region: region, at: date) }
        }
        guard stored == .pending else {
            throw ReferendumError.ballotAlreadyDecided(ballotId: ballotId, state: stored.rawValue)
        }
        return true
    }

    /// The error for a voter id that is already on the register (as `InMemoryStore` words it).
    public static func duplicateVoter(_ voterId: String) -> ReferendumError {
        .register(file: "(store)", line: 0, field: "voter_id", reason: "voter \(voterId) is already registered")
    }

    /// The error for a guardian's round that was already stored.
    public static func duplicateRound(_ round: GuardianDecryptionRound) -> ReferendumError {
        .guardian(id: round.guardianId, reason: "round \(round.round.rawValue) was already submitted")
    }

    public static let referendumExists = ReferendumError.referendumExists
    public static let noReferendum = ReferendumError.noReferendum

    /// The lifecycle error of a transition whose `from` is not the stored state.
    public static func staleTransition(to: LifecycleState, stored: LifecycleState, from: LifecycleState) -> ReferendumError {
        .lifecycle(action: "move to \(to.rawValue)", state: stored, required: [from])
    }

    /// Applies a transition to `setup` as `InMemoryStore` does.
    public static func transition(_ setup: inout ReferendumSetup, to: LifecycleState, at date: Date,
                           update: @Sendable (inout ReferendumSetup) -> Void) {
        let from = setup.state
        update(&setup)
        if to != from {
            setup.state = to
            setup.history.append(StateChange(state: to, at: date))
        }
    }
}
