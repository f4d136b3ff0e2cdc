import Foundation
import Hummingbird
import Logging
import Referendum
import ServiceLifecycle
import Storage

/// `plebiscite serve` and `plebiscite token` as library calls: open the store the options name, and
/// run the server or issue a token over it.
public enum PlebisciteServer {
    /// Runs the server until SIGTERM or SIGINT.
    public static func run(_ options: ServerOptions, logger: Logger) async throws {
        let opened = try StoreLocation.open(options.database, logger: logger)
        let components = ServerComponents(store: opened.store, tokens: opened.store, options: options)
        let application = buildApplication(
            options, components: components, services: opened.run.map { [PoolService(pool: $0)] } ?? [], beforeServerStarts: opened.prepare,
            logger: logger
        ) { port in
            // A line on standard output that scripts and tests wait for (port 0 picks one).
            FileHandle.standardOutput.write(Data("plebiscite: listening on http://\(options.host):\(port)\n".utf8))
        }
        logger.notice("starting", metadata: ["database": "\(opened.description)", "port": "\(options.port)"])
        try await application.runService()
    }

    /// Issues a token for `role` in the database at `database`; returns it (printed once by the CLI).
    public static func issueToken(role: String, label: String, expiresInHours: Int? = nil, database: String,
                                  logger: Logger) async throws -> AccessTokens.Issued {
        let opened = try StoreLocation.open(database, logger: logger)
        return try await opened.whileRunning {
            var generator = SystemRandomNumberGenerator()
            let now = Date()
            return try await AccessTokens.issue(try Role(parsing: role), label: label, setup: try await opened.store.loadSetup(),
                                                store: opened.store, at: now,
                                                expiresAt: expiresInHours.map { now.addingTimeInterval(Double($0) * 3_600) },
                                                using: &generator)
        }
    }

    /// Every token of the database at `database`.
    public static func tokens(database: String, logger: Logger) async throws -> [AccessTokenRecord] {
        let opened = try StoreLocation.open(database, logger: logger)
        return try await opened.whileRunning { try await opened.store.tokens() }
    }

    /// Revokes the token `id`; nil when there is none.
    public static func revokeToken(id: String, database: String, logger: Logger) async throws -> AccessTokenRecord? {
        let opened = try StoreLocation.open(database, logger: logger)
        return try await opened.whileRunning { try await opened.store.revokeToken(id: id, at: Date()) }
    }
}

/// PostgreSQL's connection pool as a service: it runs until the service group shuts down, after the
/// HTTP server has finished its requests.
struct PoolService: Service {
    let pool: @Sendable () async -> Void

    func run() async throws {
        await cancelWhenGracefulShutdown { await pool() }
    }
}
