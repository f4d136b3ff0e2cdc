import Foundation
import ElectionGuard
import PostgresNIO
import Referendum

/// A referendum in a PostgreSQL database: the store of several server processes sharing one
/// database.
///
/// Every method is one transaction at read committed, and every compare-and-set locks what it
/// compares: a cast or decision holds the referendum row `FOR SHARE` (so a transition, which takes
/// it `FOR UPDATE`, waits for casting in flight, and casting after it sees the new state), the
/// device's chain row `FOR UPDATE` (so two processes cannot both extend one chain), and the ballot
/// row `FOR UPDATE` when deciding. Transactions that deadlock or fail to serialize are retried
/// whole. A method returns after its `COMMIT` did (PostgreSQL's default `synchronous_commit=on`).
///
/// The connection pool works while `run()` runs (a service's run, as postgres-nio's client has);
/// `withStore` runs it around a closure.
public final class PostgresStore: ReferendumStore {
    /// Where the database is (printable: without the password).
    public let location: PostgresLocation
    let client: PostgresClient
    let logger: Logger
    let commits: GroupCommit<PostgresWrite>?
    /// The definition, read once: each ballot is checked against its voting windows.
    let definitions = DefinitionCache()

    /// A write run in a group's transaction (in its own savepoint); returns how to resume its caller
    /// once committed. It throws only what must fail or retry the whole group.
    typealias PostgresWrite = @Sendable (PostgresConnection) async throws -> @Sendable () -> Void

    /// A store on the database at `url`; nothing connects before `run()`.
    /// - Parameters:
    ///   - maximumConnections: the pool's size.
    ///   - groupCommit: batch concurrent appends and decisions into shared transactions.
    /// - Throws: `storage` for a URL that is not usable.
    public init(url: String, maximumConnections: Int = 8, groupCommit: Bool = false,
                logger: Logger = Logger(label: "plebiscite.storage.postgres")) throws {
        location = try PostgresLocation(url: url)
        var configuration = location.clientConfiguration
        configuration.options.maximumConnections = maximumConnections
        var background = logger
        // The pool warns of a lease asked for before run() got going, which `withStore` harmlessly races.
        background.logLevel = max(logger.logLevel, .error)
        let client = PostgresClient(configuration: configuration, backgroundLogger: background)
        self.client = client
        self.logger = logger
        commits = groupCommit ? GroupCommit { batch in
            try await Self.transaction(client, logger: logger) { connection in
                var completions = [@Sendable () -> Void]()
                for write in batch { completions.append(try await write.body(connection)) }
                return completions
            }
        } : nil
    }

    /// Runs the connection pool until the task is cancelled.
    public func run() async { await client.run() }

    /// Creates the tables that are missing. Call once the pool runs.
    /// - Throws: `storage` when the database cannot be reached or changed.
    public func migrate() async throws {
        try await transaction { connection in try await PostgresSchema.migrate(connection, logger: self.logger) }
    }

    // MARK: The referendum

    public func loadSetup() async throws -> ReferendumSetup? {
        try await query("SELECT setup FROM referendum WHERE id = 1").first
            .map { try StoreCoding.decode(ReferendumSetup.self, from: $0.decode(Data.self)) }
    }

    public func create(_ setup: ReferendumSetup) async throws {
        let json = try StoreCoding.encode(setup)
        let inserted = try await query("""
            INSERT INTO referendum (id, state, setup) VALUES (1, \(setup.state.rawValue), \(json))
            ON CONFLICT (id) DO NOTHING RETURNING id
            """)
        guard !inserted.isEmpty else { throw StoreRules.referendumExists }
    }

    public func transition(from: LifecycleState, to: LifecycleState, at date: Date,
                           update: @Sendable (inout ReferendumSetup) -> Void) async throws {
        try await transaction { connection in
            let row = try await Self.run("SELECT setup FROM referendum WHERE id = 1 FOR UPDATE", on: connection, self.logger).first
            guard let row else { throw StoreRules.noReferendum }
            var setup = try StoreCoding.decode(ReferendumSetup.self, from: row.decode(Data.self))
            guard setup.state == from else { throw StoreRules.staleTransition(to: to, stored: setup.state, from: from) }
            StoreRules.transition(&setup, to: to, at: date, update: update)
            let json = try StoreCoding.encode(setup)
            try await Self.run("UPDATE referendum SET state = \(setup.state.rawValue), setup = \(json) WHERE id = 1",
                               on: connection, self.logger)
        }
    }

    public func state() async throws -> LifecycleState? {
        try await query("SELECT state FROM referendum WHERE id = 1").first.map { try Self.lifecycleState($0.decode(String.self)) }
    }

    // MARK: The register

    public func addVoters(_ voters: [RegisteredVoter]) async throws {
        guard !voters.isEmpty else { return }
        try await transaction { connection in
            // Imports wait for each other, so the duplicate check below stays true until the commit.
            try await Self.run("LOCK TABLE voter IN SHARE ROW EXCLUSIVE MODE", on: connection, self.logger)
            let ids = voters.map(\.voterId)
            var seen = Set(try await Self.run("SELECT voter_id FROM voter WHERE voter_id = ANY(\(ids))", on: connection, self.logger)
                .map { try $0.decode(String.self) })
            for voter in voters where !seen.insert(voter.voterId).inserted { throw StoreRules.duplicateVoter(voter.voterId) }
            for start in stride(from: 0, to: voters.count, by: 5_000) {
                let chunk = voters[start..<min(start + 5_000, voters.count)]
                // Arrays cannot hold nulls here: an empty home station stands for none.
                try await Self.run("""
                    INSERT INTO voter (voter_id, credential_key, home_region, displaced, home_station, pseudonym)
                    SELECT id, key, region, displaced, NULLIF(station, ''), pseudonym
                    FROM UNNEST(\(chunk.map(\.voterId))::text[], \(chunk.map(\.credentialKey))::text[],
                                \(chunk.map(\.homeRegion))::text[], \(chunk.map(\.displaced))::boolean[],
                                \(chunk.map { $0.homeStation ?? "" })::text[], \(chunk.map(\.pseudonym))::text[])
                        AS v(id, key, region, displaced, station, pseudonym)
                    """, on: connection, self.logger)
            }
        }
    }

    public func voter(credentialKey: String) async throws -> RegisteredVoter? {
        try await query("""
            SELECT voter_id, home_region, displaced, home_station, pseudonym FROM voter WHERE credential_key = \(credentialKey)
            """).first.map { row in
            let (id, region, displaced, station, pseudonym) = try row.decode((String, String, Bool, String?, String).self)
            return RegisteredVoter(voterId: id, homeRegion: region, displaced: displaced, homeStation: station,
                                   credentialKey: credentialKey, pseudonym: pseudonym)
        }
    }

    public func voterIds() async throws -> Set<String> {
        Set(try await query("SELECT voter_id FROM voter").map { try $0.decode(String.self) })
    }
    public func voters(after afterId: String?, limit: Int) async throws -> [RegisteredVoter] {
        try await query("""
            SELECT voter_id, home_region, displaced, home_station, credential_key, pseudonym FROM voter
            WHERE voter_id > \(afterId ?? "") ORDER BY voter_id LIMIT \(limit)
            """).map { row in
            let (id, region, displaced, station, key, pseudonym) = try row.decode((String, String, Bool, String?, String, String).self)
            return RegisteredVoter(voterId: id, homeRegion: region, displaced: displaced, homeStation: station,
                                   credentialKey: key, pseudonym: pseudonym)
        }
    }


    public func registerCounts() async throws -> RegisterCounts {
        var counts = RegisterCounts()
        let regions = try await query("""
            SELECT home_region, count(*), count(*) FILTER (WHERE displaced) FROM voter GROUP BY home_region
            """)
        for row in regions {
            let (region, registered, displaced) = try row.decode((String, Int, Int).self)
            counts.registered[region] = registered
            if displaced > 0 { counts.displaced[region] = displaced }
        }
        let stations = try await query("""
            SELECT home_station, count(*) FROM voter WHERE home_station IS NOT NULL GROUP BY home_station
            """)
        for row in stations {
            let (station, registered) = try row.decode((String, Int).self)
            counts.byHomeStation[station] = registered
        }
        return counts
    }

    // MARK: Ballots

    public func chainHead(device: String) async throws -> ChainHead? {
        try await query("SELECT last_code, length FROM device_chain WHERE device = \(device) AND last_code IS NOT NULL")
            .first.map { row in
                let (code, length) = try row.decode((String, Int).self)
                return ChainHead(lastCode: try UInt256(hex: code, field: "device_chain.last_code"), length: length)
            }
    }

    public func append(_ entry: BallotEntry, after previous: UInt256?) async throws {
        let json = try StoreCoding.encode(entry.ballot)
        try await batched { connection in try await self.append(entry, json: json, after: previous, visit: nil, on: connection) }
    }

    public func append(_ entry: BallotEntry, after previous: UInt256?, visit: MobileVisit) async throws {
        let json = try StoreCoding.encode(entry.ballot)
        try await batched { connection in try await self.append(entry, json: json, after: previous, visit: visit, on: connection) }
    }

    public func decide(ballotId: String, status: BallotStatus, at date: Date, nonce: UInt256?, choice: String?) async throws -> BallotEntry {
        let (stored, changed) = try await batched { connection in
            try await self.decide(ballotId: ballotId, status: status, at: date, nonce: nonce, choice: choice, on: connection)
        }
        let entry = try stored.entry()
        return changed ? entry.decided(status, at: date, nonce: nonce, choice: choice) : entry
    }

    public func entry(ballotId: String) async throws -> BallotEntry? {
        try await query("SELECT \(unescaped: Self.ballotColumns) FROM ballot WHERE ballot_id = \(ballotId)").first
            .map { try Self.storedBallot($0).entry() }
    }

    public func entry(confirmationCode: UInt256) async throws -> BallotEntry? {
        try await query("SELECT \(unescaped: Self.ballotColumns) FROM ballot WHERE confirmation_code = \(confirmationCode.hex)").first
            .map { try Self.storedBallot($0).entry() }
    }

    public func entries(statuses: Set<BallotStatus>, after afterId: String?, limit: Int) async throws -> [BallotEntry] {
        guard !statuses.isEmpty, limit > 0 else { return [] }
        let rows = try await query("""
            SELECT \(unescaped: Self.ballotColumns) FROM ballot
            WHERE status = ANY(\(statuses.map(\.rawValue))) AND (\(afterId)::text IS NULL OR ballot_id > \(afterId))
            ORDER BY ballot_id LIMIT \(limit)
            """)
        return try rows.map { try Self.storedBallot($0).entry() }
    }

    public func summaries() async throws -> [CastSummary] {
        try await query("""
            SELECT ballot_id, pseudonym, station, channel, region, status, coalesce(decided_at, encrypted_at) FROM ballot
            """).map { row in
            let (id, pseudonym, station, channelText, region, statusText, decidedAt) =
                try row.decode((String, String, String, String, String, String, Double).self)
            guard let channel = BallotChannel(rawValue: channelText), let status = BallotStatus(rawValue: statusText) else {
                throw ReferendumError.storage("ballot \(id) has an unknown status \(statusText) or channel \(channelText)")
            }
            return CastSummary(ballotId: id, pseudonym: pseudonym, stationId: station, channel: channel, region: region,
                               status: status, decidedAt: Date(timeIntervalSinceReferenceDate: decidedAt))
        }
    }

    // MARK: Mobile boxes and guardians

    public func saveMobileVisit(_ visit: MobileVisit) async throws {
        try await transaction { connection in
            let stored = try await Self.run("SELECT visit FROM mobile_visit WHERE id = \(visit.id) FOR UPDATE", on: connection, self.logger)
                .first.map { try StoreCoding.decode(MobileVisit.self, from: $0.decode(Data.self)) }
            try await Self.save(visit.keepingBallots(of: stored), on: connection, self.logger)
        }
    }

    public func mobileVisits() async throws -> [MobileVisit] {
        try await query("SELECT visit FROM mobile_visit ORDER BY id").map { try StoreCoding.decode(MobileVisit.self, from: $0.decode(Data.self)) }
    }

    public func saveDecryptionRound(_ round: GuardianDecryptionRound) async throws {
        let json = try StoreCoding.encode(round)
        let inserted = try await query("""
            INSERT INTO decryption_round (guardian_id, round, x_coordinate, data)
            VALUES (\(round.storageGuardianKey), \(round.round.rawValue), \(round.xCoordinate), \(json))
            ON CONFLICT (guardian_id, round) DO NOTHING RETURNING seq
            """)
        guard !inserted.isEmpty else { throw StoreRules.duplicateRound(round) }
    }

    public func decryptionRounds() async throws -> [GuardianDecryptionRound] {
        try await query("SELECT data FROM decryption_round ORDER BY seq")
            .map { try StoreCoding.decode(GuardianDecryptionRound.self, from: $0.decode(Data.self)) }
    }
}
