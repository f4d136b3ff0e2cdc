import ArgumentParser
import Foundation
import Logging
import Server

/// `plebiscite station`: a station's own process, voting without the network and syncing to the
/// central server whenever it can (docs/stations.md).
struct StationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "station",
        abstract: "Run a station on its own machine: local booths over its own SQLite, synced to the central server when the link allows.")

    @Option(help: "The central server, e.g. https://referendum.example.org.") var central: String
    @Option(help: "A file holding the station's token (station:<id>), issued by the central server.") var tokenFile: String
    @Option(help: "The station's own SQLite file.") var database = "station.sqlite"
    @Option(help: "Address the booths reach the station at.") var host = "127.0.0.1"
    @Option(help: "Port (0: any free port, printed on standard output).") var port = 8090
    @Option(help: "Seconds between syncs.") var syncInterval = 2.0
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"
    @Option(help: "Log format: text or json (one JSON object per line).") var logFormat = "text"

    func validate() throws {
        guard let url = URL(string: central), url.scheme == "http" || url.scheme == "https" else {
            throw ValidationError("--central \(central) is not an http(s) URL")
        }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level \(logLevel) is not a level") }
        guard ["text", "json"].contains(logFormat) else { throw ValidationError("--log-format is text or json") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port \(port) is not a TCP port") }
        guard syncInterval >= 0.05 else { throw ValidationError("--sync-interval is at least 0.05 seconds") }
        guard !database.hasPrefix("postgres") else { throw ValidationError("--database: a station keeps its ballots in its own SQLite file") }
    }

    func run() async throws {
        let token = try readText(tokenFile).trimmingCharacters(in: .whitespacesAndNewlines)
        let logger = ServerLogging.bootstrap(level: Logger.Level(rawValue: logLevel)!, json: logFormat == "json")
        try await PlebisciteStation.run(
            .init(server: ServerOptions(host: host, port: port, database: database, logLevel: Logger.Level(rawValue: logLevel)!),
                  central: URL(string: central)!, token: token, syncInterval: .milliseconds(Int(syncInterval * 1_000))),
            logger: logger)
    }
}
