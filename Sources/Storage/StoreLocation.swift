import Referendum

/// Where a referendum is stored, as a command or the server is told: a `postgres://` (or
/// `postgresql://`) URL, or the path of an SQLite file.
public enum StoreLocation {
    /// Whether `database` names a PostgreSQL server rather than an SQLite file.
    public static func isPostgres(_ database: String) -> Bool {
        database.hasPrefix("postgres://") || database.hasPrefix("postgresql://")
    }

    /// Runs `body` with the store `database` names. For PostgreSQL the connection pool runs and the
    /// migrations are applied for as long as `body` runs (nothing connects otherwise); an SQLite file is
    /// opened (and migrated) at once.
    public static func withStore<T: Sendable>(_ database: String,
                                              _ body: (any ReferendumStore & AccessTokenStore) async throws -> T) async throws -> T {
        if isPostgres(database) {
            return try await PostgresStore.withStore(url: database) { try await body($0) }
        }
        return try await body(try SQLiteStore(path: database))
    }
}
