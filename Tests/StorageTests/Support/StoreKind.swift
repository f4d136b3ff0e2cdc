import TestSupport
import Foundation
import PostgresNIO
import Referendum
import Storage
import Testing

/// The stores the conformance suite runs on. PostgreSQL runs when PLEBISCITE_TEST_POSTGRES_URL
/// names a server (`.ci/postgres.sh` starts one); under CI=true it always runs, so that a missing
/// server fails the suite instead of skipping it.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory
    case sqlite
    case sqliteSeparateCommits
    case postgres
    case postgresGroupCommit

    var testDescription: String { rawValue }

    var isPostgres: Bool { self == .postgres || self == .postgresGroupCommit }

    static var enabled: [StoreKind] {
        allCases.filter { !$0.isPostgres || TestPostgres.required }
    }

    /// The kinds that keep data on disk, for the durability test.
    static var durable: [StoreKind] { enabled.filter { $0 == .sqlite || $0 == .postgres } }
}

/// A fresh, empty store of one kind, and how to open more stores on the same data.
struct StoreUnderTest: Sendable {
    let kind: StoreKind
    let store: any ReferendumStore
    /// Where the data is: an SQLite path or a postgres:// URL; nil in memory.
    let location: String?

    /// Runs `body` with the data opened anew, as after a restart (in memory, the same store).
    func withStoreOpenedAgain<T: Sendable>(_ body: (any ReferendumStore) async throws -> T) async throws -> T {
        switch kind {
        case .memory: try await body(store)
        case .sqlite, .sqliteSeparateCommits: try await body(try SQLiteStore(path: location!, groupCommit: kind == .sqlite))
        case .postgres, .postgresGroupCommit: try await withSecondStore(body)
        }
    }

    /// Runs `body` with a second store on the same data (another connection pool for PostgreSQL,
    /// standing in for another server process); in memory and on SQLite, the same store.
    func withSecondStore<T: Sendable>(_ body: (any ReferendumStore) async throws -> T) async throws -> T {
        guard kind.isPostgres, let location else { return try await body(store) }
        let opened = try StoreLocation.open(location, maximumConnections: 8, groupCommit: kind == .postgresGroupCommit)
        return try await opened.whileRunning { try await body(opened.store) }
    }
}

/// Runs `body` on a fresh store of `kind`, and removes it afterwards.
func withFreshStore<T: Sendable>(_ kind: StoreKind, _ body: (StoreUnderTest) async throws -> T) async throws -> T {
    switch kind {
    case .memory:
        return try await body(StoreUnderTest(kind: kind, store: InMemoryStore(), location: nil))
    case .sqlite, .sqliteSeparateCommits:
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plebiscite-storage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("referendum.sqlite").path
        let store = try SQLiteStore(path: path, groupCommit: kind == .sqlite)
        return try await body(StoreUnderTest(kind: kind, store: store, location: path))
    case .postgres, .postgresGroupCommit:
        return try await TestPostgres.withDatabase { url in
            let opened = try StoreLocation.open(url, maximumConnections: 8, groupCommit: kind == .postgresGroupCommit)
            return try await opened.whileRunning { try await body(StoreUnderTest(kind: kind, store: opened.store, location: url)) }
        }
    }
}

