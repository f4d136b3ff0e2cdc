import Logging
import Referendum

/// Where a referendum is stored, as a command or the server is told: a `postgres://` (or
/// `postgresql://`) URL, or the path of an SQLite file. The one way to open a store: the commands,
/// the server and the tests all come through here.
public enum StoreLocation {
    /// Whether `database` names a PostgreSQL server rather than an SQLite file.
    public static func isPostgres(_ database: String) -> Bool {
        database.hasPrefix("postgres://") || database.hasPrefix("postgresql://")
    }

    /// Opens the store `database` names. An SQLite file is opened (and migrated) at once; for
    /// PostgreSQL nothing connects until the opened store's `run` runs (then `prepare` migrates).
    public static func open(_ database: String, maximumConnections: Int = 16, groupCommit: Bool = true,
                            logger: Logger = Logger(label: "plebiscite.storage")) throws -> OpenedStore {
        if isPostgres(database) {
            let postgres = try PostgresStore(url: database, maximumConnections: maximumConnections, groupCommit: groupCommit, logger: logger)
            return OpenedStore(store: postgres, run: { await postgres.run() }, prepare: { try await postgres.migrate() },
                               description: postgres.location.description)
        }
        return OpenedStore(store: try SQLiteStore(path: database, groupCommit: groupCommit), run: nil, prepare: nil, description: database)
    }

    /// Runs `body` with the store `database` names, its connection pool running and migrated for as
    /// long as `body` runs.
    public static func withStore<T: Sendable>(_ database: String,
                                              _ body: (any ReferendumStore & AccessTokenStore) async throws -> T) async throws -> T {
        let opened = try open(database)
        return try await opened.whileRunning { try await body(opened.store) }
    }
}

/// A store opened from `--database`, with what it needs running while it is used.
public struct OpenedStore: Sendable {
    public let store: any ReferendumStore & AccessTokenStore
    /// Runs until cancelled what the store needs while used (PostgreSQL's pool); nil for SQLite.
    public let run: (@Sendable () async -> Void)?
    /// What to do once `run` runs (PostgreSQL's migrations).
    public let prepare: (@Sendable () async throws -> Void)?
    /// The location, without a password.
    public let description: String

    /// Runs `body` with `run` going and `prepare` done (for one-off commands and tests).
    public func whileRunning<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let run { group.addTask { await run() } }
            defer { group.cancelAll() }
            try await prepare?()
            return try await body()
        }
    }
}
