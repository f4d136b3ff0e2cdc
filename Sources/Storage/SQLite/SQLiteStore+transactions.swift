import Foundation
import ElectionGuard
import GRDB
import Referendum

extension SQLiteStore {
    /// Runs `body` in a read transaction on one of the readers.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.read(body)
        } catch {
            throw Self.storageError(error, path: path)
        }
    }

    /// Runs `body` as one write transaction of its own.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.write(body)
        } catch {
            throw Self.storageError(error, path: path)
        }
    }

    /// Runs `body` in a savepoint of the next group's transaction (or in a transaction of its own
    /// without group commit); returns once that transaction has committed.
    func batched<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        guard let commits else { return try await write(body) }
        do {
            return try await commits.perform { (continuation: CheckedContinuation<T, any Error>) in
                GroupCommit.Write(body: { db in
                    do {
                        var value: T?
                        try db.inSavepoint {
                            value = try body(db)
                            return .commit
                        }
                        let result = value!
                        return { continuation.resume(returning: result) }
                    } catch {
                        return { continuation.resume(throwing: error) }
                    }
                }, fail: { continuation.resume(throwing: $0) })
            }
        } catch {
            throw Self.storageError(error, path: path)
        }
    }

    /// The stored lifecycle state, nil without a referendum.
    static func state(_ db: Database) throws -> LifecycleState? {
        guard let text = try String.fetchOne(db, sql: "SELECT state FROM referendum") else { return nil }
        guard let state = LifecycleState(rawValue: text) else {
            throw ReferendumError.storage("the stored lifecycle state \(text) is unknown")
        }
        return state
    }

    /// Appends `entry`, whose encrypted ballot encodes to `json`, and saves the visit that took it,
    /// inside the current transaction.
    /// The referendum's definition (read once, then from the cache).
    func definition(_ db: Database) throws -> ReferendumDefinition? {
        try definitions.get { try ReferendumRecord.fetchOne(db)?.decoded().definition }
    }

    static func append(_ entry: BallotEntry, json: Data, after previous: UInt256?, visit: MobileVisit?,
                       definition: ReferendumDefinition?, _ db: Database) throws {
        // The visit as stored in this transaction, so that no other ballot of it is dropped.
        let recordedVisit = try visit.map { visit in
            try visit.recording(entry.ballotId, over: try MobileVisitRecord.fetchOne(db, key: visit.id)?.decoded())
        }
        let storedCode = try String.fetchOne(db, sql: "SELECT confirmation_code FROM ballot WHERE ballot_id = ?",
                                             arguments: [entry.ballotId])
        let outcome = try StoreRules.append(
            entry, after: previous, state: try state(db),
            storedCode: try storedCode.map { try UInt256(hex: $0, field: "ballot.confirmation_code") },
            head: try DeviceChainRecord.fetchOne(db, key: entry.deviceId)?.head(), definition: definition)
        if case .insert(let head) = outcome {
            do {
                try BallotRecord(BallotColumns(entry)).insert(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw ReferendumError.ballotConflict("confirmation code \(entry.confirmationCode.hex) already belongs to another ballot")
            }
            try EncryptedBallotRecord(ballotId: entry.ballotId, json: json).insert(db)
            try DeviceChainRecord(device: entry.deviceId, head: head).save(db)
        }
        if let recordedVisit { try MobileVisitRecord(recordedVisit).save(db) }
    }

    /// Decides a ballot inside the current transaction: only its columns change.
    /// - Returns: the ballot as stored before, and whether the decision changed it.
    static func decide(ballotId: String, status: BallotStatus, at date: Date, nonce: UInt256?, choice: String?,
                       definition: ReferendumDefinition?, _ db: Database) throws -> (StoredBallot, changed: Bool) {
        let stored = try StoredBallot.fetchOne(db, sql: StoredBallot.select + " WHERE ballot_id = ?", arguments: [ballotId])
        let columns = try stored.map { try $0.record.columns() }
        let changed = try StoreRules.decide(stored: columns?.status, ballotId: ballotId, status: status, state: try state(db),
                                            region: columns?.region, at: date, definition: definition)
        if changed, let stored {
            try BallotRecord(stored.record.columns().decided(status, at: date, nonce: nonce, choice: choice)).update(db)
        }
        return (stored!, changed)
    }

    /// The error to throw: the domain's own errors as they are, SQLite's as `storage`.
    static func storageError(_ error: any Error, path: String) -> any Error {
        switch error {
        case let error as ReferendumError: error
        case let error as DatabaseError: ReferendumError.storage("SQLite \(path): \(error.message ?? "\(error.resultCode)")")
        case is CancellationError: error
        default: ReferendumError.storage("SQLite \(path): \(error)")
        }
    }
}
