import Foundation
import ElectionGuard

/// Everything a referendum keeps, behind one protocol so that the engine stays free of SQL: an
/// in-memory store for tests, SQLite for one machine, PostgreSQL for several servers.
///
/// Every method is one transaction: it happens whole or not at all. Methods that change a ballot
/// return only after the change is durable, which is what lets the engine acknowledge a ballot.
public protocol ReferendumStore: Sendable {
    /// The referendum, or nil for an empty store.
    func loadSetup() async throws -> ReferendumSetup?
    /// Creates the referendum. Fails if one exists.
    func create(_ setup: ReferendumSetup) async throws
    /// Moves from `from` to `to` and applies `update` to the setup in the same transaction.
    /// - Throws: `ReferendumError.lifecycle` when the stored state is not `from` (another process moved it).
    func transition(from: LifecycleState, to: LifecycleState, at date: Date, update: @Sendable (inout ReferendumSetup) -> Void) async throws

    /// Adds voters, all or none.
    /// - Throws: `ReferendumError.register` when a voter id is already registered.
    func addVoters(_ voters: [RegisteredVoter]) async throws
    /// The voter whose credential key this is.
    func voter(credentialKey: String) async throws -> RegisteredVoter?
    /// Up to `limit` registered voters ordered by voter id, after `afterId` (for publishing the register
    /// by pseudonym).
    func voters(after afterId: String?, limit: Int) async throws -> [RegisteredVoter]
    /// Every registered voter id (for duplicate checks on import).
    func voterIds() async throws -> Set<String>
    /// Registered and displaced voters per region, and registered voters per home station.
    func registerCounts() async throws -> RegisterCounts

    /// The current lifecycle state (cheap: casting checks it often).
    func state() async throws -> LifecycleState?

    /// The end of `device`'s chain: its last confirmation code and length; nil before its first ballot.
    func chainHead(device: String) async throws -> ChainHead?
    /// Appends a ballot to its device's chain if the chain still ends at `previous`, while the
    /// referendum is open. Appending the same ballot again (same id and code) changes nothing.
    /// - Throws: `lifecycle` when the polls are not open; `chainMoved` when the chain moved on (another
    ///   session used the device).
    func append(_ entry: BallotEntry, after previous: UInt256?) async throws
    /// Moves a pending ballot to `status` while the referendum is open; doing it again with the same
    /// status returns the stored entry.
    /// - Throws: `lifecycle` when the polls are not open, `unknownBallot`, or `ballotAlreadyDecided`
    ///   when it was decided otherwise.
    func decide(ballotId: String, status: BallotStatus, at date: Date, nonce: UInt256?, choice: String?) async throws -> BallotEntry
    /// The ballot with this id.
    func entry(ballotId: String) async throws -> BallotEntry?
    /// The ballot with this confirmation code.
    func entry(confirmationCode: UInt256) async throws -> BallotEntry?
    /// Up to `limit` ballots with the given statuses, ordered by ballot id, after `afterId`.
    func entries(statuses: Set<BallotStatus>, after afterId: String?, limit: Int) async throws -> [BallotEntry]
    /// Every ballot's metadata, without ciphertexts.
    func summaries() async throws -> [CastSummary]

    /// Stores a mobile-box visit (new or updated), keeping the ballots the stored one lists
    /// (`MobileVisit.keepingBallots(of:)`), in one transaction.
    func saveMobileVisit(_ visit: MobileVisit) async throws
    func mobileVisits() async throws -> [MobileVisit]
    /// A ballot and the visit that took it, in one transaction: the stored visit (or `visit`, if none
    /// is stored yet) gets the ballot added, as `MobileVisit.recording(_:over:)` says.
    func append(_ entry: BallotEntry, after previous: UInt256?, visit: MobileVisit) async throws

    /// Stores a guardian's round of the decryption; a guardian's round is written once.
    func saveDecryptionRound(_ round: GuardianDecryptionRound) async throws
    func decryptionRounds() async throws -> [GuardianDecryptionRound]
}

/// The end of a device's chain of confirmation codes.
public struct ChainHead: Sendable, Hashable, Codable {
    public let lastCode: UInt256
    /// How many ballots the device has encrypted.
    public let length: Int

    public init(lastCode: UInt256, length: Int) {
        self.lastCode = lastCode
        self.length = length
    }
}

/// The register's size per region and per home station.
public struct RegisterCounts: Sendable, Hashable, Codable {
    public var registered: [String: Int]
    public var displaced: [String: Int]
    public var byHomeStation: [String: Int]

    public init(registered: [String: Int] = [:], displaced: [String: Int] = [:], byHomeStation: [String: Int] = [:]) {
        self.registered = registered
        self.displaced = displaced
        self.byHomeStation = byHomeStation
    }
}
