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

    public init(host: String = "127.0.0.1", port: Int = 8080, database: String = "plebiscite.sqlite", recordDirectory: String = "record",
                logLevel: Logger.Level = .info, sessionLifetime: Duration = .seconds(15 * 60),
                streamLifetime: Duration = .seconds(600)) {
        self.host = host
        self.port = port
        self.database = database
        self.recordDirectory = recordDirectory
        self.logLevel = logLevel
        self.sessionLifetime = sessionLifetime
        self.streamLifetime = streamLifetime
    }
}
