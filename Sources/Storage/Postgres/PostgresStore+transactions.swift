import Foundation
import ElectionGuard
import PostgresNIO
import Referendum

extension PostgresStore {
    /// Runs one statement (a transaction by itself) and returns its rows.
    @discardableResult
    func query(_ query: PostgresQuery) async throws -> [PostgresRow] {
        do {
            return try await client.withConnection { connection in Array(try await Self.run(query, on: connection, logger)) }
        } catch {
            throw Self.storageError(error)
        }
    }

    /// Runs `body` as one transaction, retried whole when PostgreSQL aborts it for a deadlock or a
    /// serialization failure.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await Self.transaction(client, logger: logger, body)
    }

    static func transaction<T: Sendable>(_ client: PostgresClient, logger: Logger,
                                         _ body: (PostgresConnection) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await client.withConnection { connection in
                    try await run("BEGIN", on: connection, logger)
                    do {
                        let value = try await body(connection)
                        let commit = try await connection.query("COMMIT", logger: logger).get()
                        // COMMIT of a transaction that failed answers ROLLBACK, without an error.
                        guard commit.metadata.command == "COMMIT" else {
                            throw ReferendumError.storage("PostgreSQL rolled the transaction back")
                        }
                        return value
                    } catch {
                        _ = try? await connection.query("ROLLBACK", logger: logger).get()
                        throw error
                    }
                }
            } catch where isRetryable(error) && attempt < 10 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...5 * attempt)))
            } catch {
                throw storageError(error)
            }
        }
    }

    /// Runs `body` in a savepoint of the next group's transaction (or in a transaction of its own
    /// without group commit); returns once that transaction has committed.
    func batched<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        guard let commits else { return try await transaction(body) }
        let logger = logger
        do {
            return try await commits.perform { (continuation: CheckedContinuation<T, any Error>) in
                GroupCommit.Write(body: { connection in
                    try await Self.run("SAVEPOINT write", on: connection, logger)
                    do {
                        let value = try await body(connection)
                        try await Self.run("RELEASE SAVEPOINT write", on: connection, logger)
                        return { continuation.resume(returning: value) }
                    } catch where !Self.isRetryable(error) && !Self.isConnectionFailure(error) {
                        try await Self.run("ROLLBACK TO SAVEPOINT write", on: connection, logger)
                        try await Self.run("RELEASE SAVEPOINT write", on: connection, logger)
                        return { continuation.resume(throwing: Self.storageError(error)) }
                    }
                }, fail: { continuation.resume(throwing: $0) })
            }
        } catch {
            throw Self.storageError(error)
        }
    }

    /// Runs a statement on `connection` and collects its rows.
    @discardableResult
    static func run(_ query: PostgresQuery, on connection: PostgresConnection, _ logger: Logger) async throws -> PostgresQueryResult {
        try await connection.query(query, logger: logger).get()
    }

    /// The lifecycle state, locked for the transaction: a transition waits for it.
    /// The referendum's definition (read once, then from the cache).
    func definition(_ connection: PostgresConnection) async throws -> ReferendumDefinition? {
        try await definitions.get {
            try await Self.run("SELECT setup FROM referendum WHERE id = 1", on: connection, logger).first
                .map { try StoreCoding.decode(ReferendumSetup.self, from: $0.decode(Data.self)).definition }
        }
    }

    func lockedState(_ connection: PostgresConnection) async throws -> LifecycleState? {
        try await Self.run("SELECT state FROM referendum WHERE id = 1 FOR SHARE", on: connection, logger).first
            .map { try Self.lifecycleState($0.decode(String.self)) }
    }

    /// The device's chain, locked for the transaction. A device's first append creates its row
    /// (with no code yet) to have something to lock; a rollback removes it again.
    func lockedHead(device: String, _ connection: PostgresConnection) async throws -> ChainHead? {
        let select: PostgresQuery = "SELECT last_code, length FROM device_chain WHERE device = \(device) FOR UPDATE"
        var rows = try await Self.run(select, on: connection, logger)
        if rows.isEmpty {
            try await Self.run("""
                INSERT INTO device_chain (device, last_code, length) VALUES (\(device), NULL, 0) ON CONFLICT (device) DO NOTHING
                """, on: connection, logger)
            rows = try await Self.run(select, on: connection, logger)
        }
        guard let row = rows.first else { throw ReferendumError.storage("device \(device) has no chain row to lock") }
        let (code, length) = try row.decode((String?, Int).self)
        return try code.map { ChainHead(lastCode: try UInt256(hex: $0, field: "device_chain.last_code"), length: length) }
    }

    /// Appends `entry`, whose encrypted ballot encodes to `json`, and saves the visit that took it,
    /// inside the current transaction.
    func append(_ entry: BallotEntry, json: Data, after previous: UInt256?, visit: MobileVisit?,
                on connection: PostgresConnection) async throws {
        let state = try await lockedState(connection)
        try StoreRules.requireAppendable(entry, state: state)
        // The chain is locked before the ballot is looked up: a concurrent append of the same ballot
        // by another process has then committed, and is found as already stored.
        let head = try await lockedHead(device: entry.deviceId, connection)
        let storedCode = try await Self.run("SELECT confirmation_code FROM ballot WHERE ballot_id = \(entry.ballotId)",
                                            on: connection, logger).first
            .map { try UInt256(hex: $0.decode(String.self), field: "ballot.confirmation_code") }
        // The visit as stored, locked for this transaction, so that no other ballot of it is dropped.
        var recordedVisit: MobileVisit?
        if let visit {
            let stored = try await Self.run("SELECT visit FROM mobile_visit WHERE id = \(visit.id) FOR UPDATE", on: connection, logger)
                .first.map { try StoreCoding.decode(MobileVisit.self, from: $0.decode(Data.self)) }
            recordedVisit = try visit.recording(entry.ballotId, over: stored)
        }
        let outcome = try StoreRules.append(entry, after: previous, state: state, storedCode: storedCode, head: head,
                                            definition: try await definition(connection))
        if case .insert(let head) = outcome {
            let columns = BallotColumns(entry)
            do {
                try await Self.run("""
                    INSERT INTO ballot (ballot_id, confirmation_code, device, status, station, channel, region, pseudonym,
                                        encrypted_at, decided_at, mobile_visit_id, ballot_state, revealed_nonce, revealed_choice,
                                        encrypted_ballot)
                    VALUES (\(columns.ballotId), \(columns.confirmationCode.hex), \(columns.device), \(columns.status.rawValue),
                            \(columns.station), \(columns.channel.rawValue), \(columns.region), \(columns.pseudonym),
                            \(columns.encryptedAt.timeIntervalSinceReferenceDate), \(columns.decidedAt?.timeIntervalSinceReferenceDate),
                            \(columns.mobileVisitId), \(columns.ballotState.rawValue), \(columns.revealedNonce?.hex),
                            \(columns.revealedChoice), \(json))
                    """, on: connection, logger)
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
                throw ReferendumError.ballotConflict("confirmation code \(entry.confirmationCode.hex) already belongs to another ballot")
            }
            try await Self.run("""
                UPDATE device_chain SET last_code = \(head.lastCode.hex), length = \(head.length) WHERE device = \(entry.deviceId)
                """, on: connection, logger)
        }
        if let recordedVisit { try await Self.save(recordedVisit, on: connection, logger) }
    }

    /// Decides a ballot inside the current transaction: only its columns change.
    /// - Returns: the ballot as stored before, and whether the decision changed it.
    func decide(ballotId: String, status: BallotStatus, at date: Date, nonce: UInt256?, choice: String?,
                on connection: PostgresConnection) async throws -> (StoredBallot, changed: Bool) {
        let state = try await lockedState(connection)
        let stored = try await Self.run("SELECT \(unescaped: Self.ballotColumns) FROM ballot WHERE ballot_id = \(ballotId) FOR UPDATE",
                                        on: connection, logger).first.map(Self.storedBallot)
        let changed = try StoreRules.decide(stored: stored?.columns.status, ballotId: ballotId, status: status, state: state,
                                            region: stored?.columns.region, at: date, definition: try await definition(connection))
        guard let stored else { throw ReferendumError.unknownBallot(ballotId) }
        if changed {
            let decided = stored.columns.decided(status, at: date, nonce: nonce, choice: choice)
            try await Self.run("""
                UPDATE ballot SET status = \(decided.status.rawValue), ballot_state = \(decided.ballotState.rawValue),
                                  decided_at = \(decided.decidedAt?.timeIntervalSinceReferenceDate),
                                  revealed_nonce = \(decided.revealedNonce?.hex), revealed_choice = \(decided.revealedChoice)
                WHERE ballot_id = \(ballotId)
                """, on: connection, logger)
        }
        return (stored, changed)
    }

    /// A ballot's columns with its encrypted ballot's JSON.
    struct StoredBallot: Sendable {
        let columns: BallotColumns
        let json: Data

        /// Decodes the entry (outside any transaction: decoding is the slow part).
        func entry() throws -> BallotEntry {
            columns.entry(try StoreCoding.decode(EncryptedBallot.self, from: json))
        }
    }

    /// The columns `storedBallot` reads, in its order. A constant, written into queries as SQL.
    static let ballotColumns = """
        ballot_id, confirmation_code, device, status, ballot_state, station, channel, region, pseudonym, encrypted_at,
        decided_at, mobile_visit_id, revealed_nonce, revealed_choice, encrypted_ballot
        """

    static func storedBallot(_ row: PostgresRow) throws -> StoredBallot {
        let cells = row.makeRandomAccess()
        func text(_ index: Int) throws -> String { try cells[index].decode(String.self) }
        func optionalText(_ index: Int) throws -> String? { try cells[index].decode(String?.self) }
        let id = try text(0)
        guard let status = BallotStatus(rawValue: try text(3)), let ballotState = EncryptedBallot.State(rawValue: try text(4)),
              let channel = BallotChannel(rawValue: try text(6)) else {
            throw ReferendumError.storage("ballot \(id) has an unknown status, channel or state")
        }
        let columns = BallotColumns(
            ballotId: id, confirmationCode: try UInt256(hex: try text(1), field: "ballot.confirmation_code"), device: try text(2),
            status: status, ballotState: ballotState, station: try text(5), channel: channel, region: try text(7),
            pseudonym: try text(8), encryptedAt: Date(timeIntervalSinceReferenceDate: try cells[9].decode(Double.self)),
            decidedAt: try cells[10].decode(Double?.self).map(Date.init(timeIntervalSinceReferenceDate:)),
            mobileVisitId: try optionalText(11),
            revealedNonce: try optionalText(12).map { try UInt256(hex: $0, field: "ballot.revealed_nonce") },
            revealedChoice: try optionalText(13))
        return StoredBallot(columns: columns, json: try cells[14].decode(Data.self))
    }

    /// Inserts or replaces a mobile-box visit inside the current transaction.
    static func save(_ visit: MobileVisit, on connection: PostgresConnection, _ logger: Logger) async throws {
        let json = try StoreCoding.encode(visit)
        try await run("""
            INSERT INTO mobile_visit (id, station, visit) VALUES (\(visit.id), \(visit.stationId), \(json))
            ON CONFLICT (id) DO UPDATE SET station = excluded.station, visit = excluded.visit
            """, on: connection, logger)
    }

    static func lifecycleState(_ text: String) throws -> LifecycleState {
        guard let state = LifecycleState(rawValue: text) else {
            throw ReferendumError.storage("the stored lifecycle state \(text) is unknown")
        }
        return state
    }

    /// A deadlock or serialization failure: PostgreSQL aborted the transaction, which may simply run again.
    static func isRetryable(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }

    /// An error of the connection rather than of a statement: the transaction is gone.
    static func isConnectionFailure(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return false }
        return error.code != .server
    }

    /// The error to throw: the domain's own errors as they are, PostgreSQL's as `storage`, with the
    /// server's message and SQLSTATE but never the query's parameters.
    static func storageError(_ error: any Error) -> any Error {
        switch error {
        case let error as ReferendumError: return error
        case is CancellationError: return error
        case let error as PSQLError:
            if let info = error.serverInfo {
                return ReferendumError.storage("PostgreSQL: \(info[.message] ?? "error") (SQLSTATE \(info[.sqlState] ?? "?"))")
            }
            return ReferendumError.storage("PostgreSQL: \(error.code)\(error.underlying.map { ": \($0)" } ?? "")")
        default: return ReferendumError.storage("PostgreSQL: \(error)")
        }
    }
}
