import Logging

/// How a server runs: where it listens, which database, where it publishes the record.
public struct ServerOptions: Sendable {
    public var host: String
    /// 0 picks a free port (printed when the server is listening).
    public var port: Int
    /// An SQLite file, or a postgres:// URL.
    public var database: String
    /// Where `publish` writes the record (and the zip beside it).
    public var recordDirectory: String
    public var logLevel: Logger.Level
    /// Idle voter sessions end after this long.
    public var sessionLifetime: Duration
    /// A turnout event stream ends after this long (browsers reconnect by themselves).
    public var streamLifetime: Duration
    /// The server is reached over HTTPS through a TLS proxy (docs/server.md): the pages' cookies are
    /// `Secure`, and responses carry `Strict-Transport-Security`.
    public var behindTLSProxy: Bool
    /// A connection that sends nothing for this long is closed.
    public var idleTimeout: Duration
    /// At most this many connections are open at once; more wait in the listen backlog.
    public var maximumConnections: Int
    /// Open voter sessions one station token may have (one per device it runs).
    public var maximumSessionsPerToken: Int

    /// Whether the pages' cookies are `Secure`.
    public var secureCookies: Bool { behindTLSProxy }

    public init(host: String = "127.0.0.1", port: Int = 8080, database: String = "plebiscite.sqlite", recordDirectory: String = "record",
                logLevel: Logger.Level = .info, sessionLifetime: Duration = .seconds(15 * 60),
                streamLifetime: Duration = .seconds(600), behindTLSProxy: Bool = false, idleTimeout: Duration = .seconds(30),
                maximumConnections: Int = 1_000, maximumSessionsPerToken: Int = 32) {
        self.host = host
        self.port = port
        self.database = database
        self.recordDirectory = recordDirectory
        self.logLevel = logLevel
        self.sessionLifetime = sessionLifetime
        self.streamLifetime = streamLifetime
        self.behindTLSProxy = behindTLSProxy
        self.idleTimeout = idleTimeout
        self.maximumConnections = maximumConnections
        self.maximumSessionsPerToken = maximumSessionsPerToken
    }
}
