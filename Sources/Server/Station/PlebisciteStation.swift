import Foundation
import Hummingbird
import Logging
import Referendum
import ServiceLifecycle
import Storage

/// `plebiscite station` as a library call: a station's own process, on its own machine, over its own
/// SQLite file (docs/stations.md). It fetches its package from the central server once, serves the
/// booth pages and the station API locally (the same controllers as `plebiscite serve`, over the
/// local store), acknowledges a ballot after its local commit, and syncs to the central server
/// whenever the link allows.
public enum PlebisciteStation {
    /// How a station runs.
    public struct Options: Sendable {
        /// The local server (booths) and the station's SQLite file.
        public var server: ServerOptions
        public var central: URL
        /// The station's token, issued by the central server (`station:<id>`).
        public var token: String
        /// Time between syncs.
        public var syncInterval: Duration

        public init(server: ServerOptions, central: URL, token: String, syncInterval: Duration = .seconds(2)) {
            self.server = server
            self.central = central
            self.token = token
            self.syncInterval = syncInterval
        }
    }

    /// Runs the station until SIGTERM or SIGINT.
    public static func run(_ options: Options, logger: Logger) async throws {
        let opened = try StoreLocation.open(options.server.database, logger: logger)
        let link = HTTPStationLink(central: options.central, token: options.token)
        let components = ServerComponents(store: opened.store, tokens: opened.store, options: options.server)
        let sync = StationSync(store: opened.store, link: link,
                               abandonAfter: Double(options.server.sessionLifetime.components.seconds) + 60)
        let application = buildApplication(
            options.server, components: components,
            services: (opened.run.map { [PoolService(pool: $0)] } ?? []) + [StationSyncService(sync: sync, interval: options.syncInterval, logger: logger)],
            beforeServerStarts: {
                try await opened.prepare?()
                try await prepare(store: opened.store, tokens: opened.store, link: link, token: options.token, logger: logger)
                // Sessions lived in the previous process's memory: their pending ballots can never be decided.
                try await sync.abandonStale(all: true)
            },
            logger: logger
        ) { port in
            FileHandle.standardOutput.write(Data("plebiscite: station listening on http://\(options.server.host):\(port)\n".utf8))
        }
        logger.notice("starting station", metadata: ["database": "\(opened.description)", "central": "\(options.central.absoluteString)"])
        try await application.runService()
    }

    /// Makes the station's store ready: seeded from its package (fetched until the central server
    /// answers) unless it holds the referendum already, and the station token known locally so that
    /// the booths log in with it.
    /// - Throws: `ReferendumError` for a package that cannot seed this store; a refusal by the
    ///   central server (a wrong token) other than its being unreachable.
    static func prepare(store: any ReferendumStore, tokens: any AccessTokenStore, link: any StationLink, token: String,
                        logger: Logger) async throws {
        var package: StationPackage?
        let seeded = try await store.loadSetup() != nil
        let hasVoters = try await !store.voterIds().isEmpty
        if !seeded || !hasVoters {
            while package == nil {
                do {
                    package = try await link.package()
                } catch StationLinkError.unreachable(let reason) {
                    logger.warning("waiting for the central server to fetch the station's package", metadata: ["reason": "\(reason)"])
                    try await Task.sleep(for: .seconds(2))
                }
            }
            try await package!.seed(store)
            logger.notice("station seeded", metadata: ["station": "\(package!.station)", "voters": "\(package!.voters.count)"])
        }
        let hash = AccessTokens.hash(token)
        guard try await tokens.token(hash: hash) == nil else { return }
        // A new token for this station (the old one revoked): the station is the one the store was seeded for.
        let known = try await tokens.tokens().compactMap { try? Role(parsing: $0.role).stationId }.first
        guard let station = package?.station ?? known else {
            throw StationLinkError.unreadable("the station's database names no station; start it with a fresh --database")
        }
        try await tokens.saveToken(AccessTokenRecord(id: "station-" + hash.prefix(12), role: Role.station(station).description, tokenHash: hash,
                                                     label: "the station's own token", createdAt: Date()))
    }
}
