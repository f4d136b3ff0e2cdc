import ArgumentParser
import Logging
import Server

/// `plebiscite serve`: the HTTP server (station booths, tracker, results, observers, the JSON API).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the referendum over HTTP until SIGTERM or SIGINT (graceful shutdown).")

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port, printed on standard output).") var port = 8080
    @Option(help: "Where `publish` writes the record.") var record = "record"
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"
    @Option(help: "Log format: text or json (one JSON object per line).") var logFormat = "text"
    @Flag(help: "Served over HTTPS by a TLS proxy in front (docs/server.md): Secure cookies and HSTS.") var behindTlsProxy = false
    @Option(help: "Seconds a connection may stay idle before it is closed.") var idleTimeout = 30
    @Option(help: "Most connections open at once.") var maxConnections = 1_000

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level \(logLevel) is not a level") }
        guard ["text", "json"].contains(logFormat) else { throw ValidationError("--log-format is text or json") }
        guard idleTimeout > 0 else { throw ValidationError("--idle-timeout is a number of seconds above 0") }
        guard maxConnections > 0 else { throw ValidationError("--max-connections is above 0") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port \(port) is not a TCP port (0 to 65535; 0 picks a free one)") }
    }

    func run() async throws {
        let logger = ServerLogging.bootstrap(level: Logger.Level(rawValue: logLevel)!, json: logFormat == "json")
        try await PlebisciteServer.run(ServerOptions(host: host, port: port, database: workspace.database, recordDirectory: record,
                                                     logLevel: Logger.Level(rawValue: logLevel)!, behindTLSProxy: behindTlsProxy,
                                                     idleTimeout: .seconds(idleTimeout), maximumConnections: maxConnections),
                                       logger: logger)
    }
}
