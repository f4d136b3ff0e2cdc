import Foundation
import ElectionGuard
import GRDB
import Referendum

/// A referendum in one SQLite file: the embedded store for one machine.
///
/// The file is in WAL mode with `synchronous=FULL`, so a method that returns has its transaction on
/// disk: that is what lets a station show a ballot as cast. Readers run beside the one writer.
/// Appends and decisions from concurrent callers are committed in groups (`GroupCommit`): one
/// transaction and one fsync for all the ballots that arrived while the previous group committed,
/// each in its own savepoint so that one refused ballot fails only its own caller.
///
/// One `SQLiteStore` owns its file in a process (GRDB's rule: one connection owner per file).
public final class SQLiteStore: ReferendumStore {
    /// The database file.
    public let path: String
    let database: DatabasePool
    let commits: GroupCommit<SQLiteWrite>?
    /// The definition, read once: each ballot is checked against its voting windows.
    let definitions = DefinitionCache()

    /// A write run in a group's transaction; returns how to resume its caller once committed.
    typealias SQLiteWrite = @Sendable (Database) -> @Sendable () -> Void

    /// Opens the database at `path`, creating it and its tables if needed.
    /// - Parameter groupCommit: batch concurrent appends and decisions into shared transactions
    ///   (the default); false gives every call a transaction of its own (for measurements).
    /// - Throws: `storage` when the file cannot be opened or migrated.
    public init(path: String, groupCommit: Bool = true) throws {
        self.path = path
        var configuration = Configuration()
        // Another process (a CLI beside a server) may hold the write lock for a moment.
        configuration.busyMode = .timeout(10)
        let database: DatabasePool
        do {
            // The database holds voter credentials and the pseudonym key: private from its first byte.
            try SecretFile.createIfMissing(path)
            database = try DatabasePool(path: path, configuration: configuration)
            // GRDB sets synchronous=NORMAL with WAL; an acknowledged ballot must survive a power cut.
            try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            try SQLiteSchema.migrator.migrate(database)
        } catch {
            throw Self.storageError(error, path: path)
        }
        self.database = database
        commits = groupCommit ? GroupCommit { batch in
            try await database.write { db in batch.map { $0.body(db) } }
        } : nil
    }

    // MARK: The referendum

    public func loadSetup() async throws -> ReferendumSetup? {
        try await read { db in try ReferendumRecord.fetchOne(db)?.decoded() }
    }

    public func create(_ setup: ReferendumSetup) async throws {
        try await write { db in
            guard try ReferendumRecord.fetchCount(db) == 0 else { throw StoreRules.referendumExists }
            try ReferendumRecord(setup).insert(db)
        }
    }

    public func transition(from: LifecycleState, to: LifecycleState, at date: Date,
                           update: @Sendable (inout ReferendumSetup) -> Void) async throws {
        try await write { db in
            guard var setup = try ReferendumRecord.fetchOne(db)?.decoded() else { throw StoreRules.noReferendum }
            guard setup.state == from else { throw StoreRules.staleTransition(to: to, stored: setup.state, from: from) }
            StoreRules.transition(&setup, to: to, at: date, update: update)
            try ReferendumRecord(setup).update(db)
        }
    }

    public func state() async throws -> LifecycleState? {
        try await read { db in try Self.state(db) }
    }

    // MARK: The register

    public func addVoters(_ voters: [RegisteredVoter]) async throws {
        try await write { db in
            for voter in voters {
                // Checked before inserting: a credential key conflict must not hide the id's.
                guard try !VoterRecord.exists(db, key: voter.voterId) else { throw StoreRules.duplicateVoter(voter.voterId) }
                try VoterRecord(voter).insert(db)
            }
        }
    }

    public func voter(credentialKey: String) async throws -> RegisteredVoter? {
        try await read { db in try VoterRecord.filter(Column("credential_key") == credentialKey).fetchOne(db)?.voter }
    }

    public func voterIds() async throws -> Set<String> {
        try await read { db in try Set(String.fetchAll(db, sql: "SELECT voter_id FROM voter")) }
    }
    public func voters(after afterId: String?, limit: Int) async throws -> [RegisteredVoter] {
        try await read { db in
            var request = VoterRecord.order(Column("voter_id"))
            if let afterId { request = request.filter(Column("voter_id") > afterId) }
            return try request.limit(limit).fetchAll(db).map(\.voter)
        }
    }


    public func registerCounts() async throws -> RegisterCounts {
        try await read { db in
            var counts = RegisterCounts()
            for row in try Row.fetchAll(db, sql: "SELECT home_region, COUNT(*), SUM(displaced) FROM voter GROUP BY home_region") {
                let region: String = row[0], registered: Int = row[1], displaced: Int = row[2]
                counts.registered[region] = registered
                if displaced > 0 { counts.displaced[region] = displaced }
            }
            let byStation = try Row.fetchAll(db, sql: """
                SELECT home_station, COUNT(*) FROM voter WHERE home_station IS NOT NULL GROUP BY home_station
                """)
            for row in byStation { counts.byHomeStation[row[0]] = row[1] as Int }
            return counts
        }
    }

    // MARK: Ballots

    public func chainHead(device: String) async throws -> ChainHead? {
        try await read { db in try DeviceChainRecord.fetchOne(db, key: device)?.head() }
    }

    public func append(_ entry: BallotEntry, after previous: UInt256?) async throws {
        let json = try StoreCoding.encode(entry.ballot)
        try await batched { db in try Self.append(entry, json: json, after: previous, visit: nil, definition: try self.definition(db), db) }
    }

    public func append(_ entry: BallotEntry, after previous: UInt256?, visit: MobileVisit) async throws {
        let json = try StoreCoding.encode(entry.ballot)
        try await batched { db in try Self.append(entry, json: json, after: previous, visit: visit, definition: try self.definition(db), db) }
    }

    public func decide(ballotId: String, status: BallotStatus, at date: Date, nonce: UInt256?, choice: String?) async throws -> BallotEntry {
        let (stored, changed) = try await batched { db in
            try Self.decide(ballotId: ballotId, status: status, at: date, nonce: nonce, choice: choice, definition: try self.definition(db), db)
        }
        let entry = try stored.entry()
        return changed ? entry.decided(status, at: date, nonce: nonce, choice: choice) : entry
    }

    public func entry(ballotId: String) async throws -> BallotEntry? {
        try await read { db in
            try StoredBallot.fetchOne(db, sql: StoredBallot.select + " WHERE ballot_id = ?", arguments: [ballotId])
        }?.entry()
    }

    public func entry(confirmationCode: UInt256) async throws -> BallotEntry? {
        try await read { db in
            try StoredBallot.fetchOne(db, sql: StoredBallot.select + " WHERE confirmation_code = ?", arguments: [confirmationCode.hex])
        }?.entry()
    }

    public func entries(statuses: Set<BallotStatus>, after afterId: String?, limit: Int) async throws -> [BallotEntry] {
        guard !statuses.isEmpty, limit > 0 else { return [] }
        let stored = try await read { db in
            let statusList = databaseQuestionMarks(count: statuses.count)
            var arguments = StatementArguments(statuses.map(\.rawValue))
            var condition = "status IN (\(statusList))"
            if let afterId {
                condition += " AND ballot_id > ?"
                arguments += [afterId]
            }
            arguments += [limit]
            return try StoredBallot.fetchAll(db, sql: StoredBallot.select + " WHERE \(condition) ORDER BY ballot_id LIMIT ?",
                                             arguments: arguments)
        }
        return try stored.map { try $0.entry() }
    }

    public func summaries() async throws -> [CastSummary] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT ballot_id, pseudonym, station, channel, region, status, encrypted_at, decided_at FROM ballot
                """).map(CastSummary.init(row:))
        }
    }

    // MARK: Mobile boxes and guardians

    public func saveMobileVisit(_ visit: MobileVisit) async throws {
        try await write { db in
            try MobileVisitRecord(visit.keepingBallots(of: try MobileVisitRecord.fetchOne(db, key: visit.id)?.decoded())).save(db)
        }
    }

    public func mobileVisits() async throws -> [MobileVisit] {
        try await read { db in try MobileVisitRecord.order(Column("id")).fetchAll(db).map { try $0.decoded() } }
    }

    public func saveDecryptionRound(_ round: GuardianDecryptionRound) async throws {
        try await write { db in
            let stored = try DecryptionRoundRecord
                .filter(Column("guardian_id") == round.storageGuardianKey && Column("round") == round.round.rawValue)
                .fetchCount(db)
            guard stored == 0 else { throw StoreRules.duplicateRound(round) }
            try DecryptionRoundRecord(round).insert(db)
        }
    }

    public func decryptionRounds() async throws -> [GuardianDecryptionRound] {
        try await read { db in try DecryptionRoundRecord.order(Column("id")).fetchAll(db).map { try $0.decoded() } }
    }
}
