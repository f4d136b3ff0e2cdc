import Foundation
import Referendum
import Storage
import TestSupport

/// The kinds of database a test runs on: SQLite always, PostgreSQL as `TestPostgres` says.
enum DatabaseKind: String, CaseIterable, Sendable {
    case sqlite, postgres

    static var enabled: [DatabaseKind] { TestPostgres.required ? [.sqlite, .postgres] : [.sqlite] }

    /// Runs `body` with a fresh database of this kind (a file path or a URL), removed afterwards.
    func withDatabase<T: Sendable>(_ body: (String) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let path = temporaryPath("referendum.sqlite")
            let directory = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            return try await body(path)
        case .postgres:
            return try await TestPostgres.withDatabase(prefix: "plebiscite_server_test", body)
        }
    }

    /// Runs `body` with a store on `database`.
    static func withStore<T: Sendable>(_ database: String, _ body: (any ReferendumStore & AccessTokenStore) async throws -> T) async throws -> T {
        try await StoreLocation.withStore(database, body)
    }
}
