import Foundation
import PostgresNIO
import Storage

/// The PostgreSQL server of the storage and server tests: their PostgreSQL cases run when
/// PLEBISCITE_TEST_POSTGRES_URL names a server (`.ci/postgres.sh` starts one), and under CI=true
/// they always run, so that a missing server fails them instead of skipping them.
public enum TestPostgres {
    public static let variable = "PLEBISCITE_TEST_POSTGRES_URL"
    public static var url: String? { ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 } }
    public static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    /// Whether the PostgreSQL tests run: a server is named, or CI demands them.
    public static var required: Bool { url != nil || inCI }

    /// The server is demanded (under CI) but not named.
    public struct NotConfigured: Error, CustomStringConvertible {
        public var description: String {
            "\(TestPostgres.variable) is not set: CI must run the PostgreSQL tests (run them through .ci/postgres.sh)"
        }
    }

    /// Creates a database of its own for `body` on the test server (named `prefix` and hex digits) and
    /// drops it afterwards, whether `body` succeeds or throws.
    public static func withDatabase<T: Sendable>(prefix: String = "plebiscite_test", _ body: (String) async throws -> T) async throws -> T {
        guard let url else { throw NotConfigured() }
        let location = try PostgresLocation(url: url)
        let name = "\(prefix)_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        // A database name cannot be a parameter; this one is the caller's prefix and hex digits.
        try await admin(location) { try await $0.query("CREATE DATABASE \(unescaped: name)") }
        var components = URLComponents(string: url)!
        components.path = "/" + name
        do {
            let value = try await body(components.string!)
            try await drop(name, location)
            return value
        } catch {
            try? await drop(name, location)
            throw error
        }
    }

    private static func drop(_ name: String, _ location: PostgresLocation) async throws {
        try await admin(location) { try await $0.query("DROP DATABASE IF EXISTS \(unescaped: name) WITH (FORCE)") }
    }

    /// Runs `body` with a client on the server's main database.
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
