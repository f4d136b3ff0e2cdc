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

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level \(logLevel) is not a level") }
        guard ["text", "json"].contains(logFormat) else { throw ValidationError("--log-format is text or json") }
    }

    func run() async throws {
        let logger = ServerLogging.bootstrap(level: Logger.Level(rawValue: logLevel)!, json: logFormat == "json")
        try await PlebisciteServer.run(ServerOptions(host: host, port: port, database: workspace.database, recordDirectory: record,
                                                     logLevel: Logger.Level(rawValue: logLevel)!), logger: logger)
    }
}
