import Foundation
import PostgresNIO
import Referendum
import Storage

/// The PostgreSQL server of the tests (the same rule as StorageTests): the PostgreSQL cases run
/// when PLEBISCITE_TEST_POSTGRES_URL names a server (`.ci/postgres.sh` starts one), and under
/// CI=true they always run, so that a missing server fails them instead of skipping them.
enum TestPostgres {
    static let variable = "PLEBISCITE_TEST_POSTGRES_URL"
    static var url: String? { ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 } }
    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    static var required: Bool { url != nil || inCI }

    struct NotConfigured: Error, CustomStringConvertible {
        var description: String {
            "\(TestPostgres.variable) is not set: CI must run the PostgreSQL server tests (run them through .ci/postgres.sh)"
        }
    }

    /// Creates a database of its own for `body` and drops it afterwards.
    static func withDatabase<T: Sendable>(_ body: (String) async throws -> T) async throws -> T {
        guard let url else { throw NotConfigured() }
        let location = try PostgresLocation(url: url)
        let name = "plebiscite_server_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        // A database name cannot be a parameter; this one is made of hex digits.
        try await admin(location) { try await $0.query("CREATE DATABASE \(unescaped: name)") }
        var components = URLComponents(string: url)!
        components.path = "/" + name
        do {
            let value = try await body(components.string!)
            try await admin(location) { try await $0.query("DROP DATABASE IF EXISTS \(unescaped: name) WITH (FORCE)") }
            return value
        } catch {
            try? await admin(location) { try await $0.query("DROP DATABASE IF EXISTS \(unescaped: name) WITH (FORCE)") }
            throw error
        }
    }

    private static func admin(_ location: PostgresLocation, _ body: (PostgresClient) async throws -> Void) async throws {
        let client = PostgresClient(configuration: .init(host: location.host, port: location.port, username: location.username,
                                                         password: location.password, database: location.database, tls: .disable))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await body(client)
        }
    }
}

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
            return try await TestPostgres.withDatabase(body)
        }
    }

    /// Runs `body` with a store on `database`.
    static func withStore<T: Sendable>(_ database: String, _ body: (any ReferendumStore & AccessTokenStore) async throws -> T) async throws -> T {
        if database.hasPrefix("postgres") {
            return try await PostgresStore.withStore(url: database) { try await body($0) }
        }
        return try await body(try SQLiteStore(path: database))
    }
}
