import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import Referendum
import ServiceLifecycle

/// The application: the router over `components`, listening where `options` say, with the
/// long-lived services (the voter-session sweeper, and whatever the store needs, such as
/// PostgreSQL's connection pool) in its service group, so that SIGTERM or SIGINT shuts it all
/// down gracefully: the server stops taking requests and finishes those under way, then the
/// services stop in reverse order.
/// - Parameters:
///   - services: run before the server and stopped after it (the store's pool).
///   - beforeServerStarts: run once those services run (migrations).
///   - onListening: called with the port once the server listens.
public func buildApplication(
    _ options: ServerOptions, components: ServerComponents, services: [any Service] = [],
    beforeServerStarts: (@Sendable () async throws -> Void)? = nil, logger: Logger,
    onListening: @escaping @Sendable (Int) -> Void = { _ in }
) -> some ApplicationProtocol {
    var application = Application(
        router: buildRouter(components),
        server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(options.idleTimeout.components.seconds) * 1_000_000_000))),
        configuration: .init(address: .hostname(options.host, port: options.port), serverName: "plebiscite",
                             availableConnectionsDelegate: MaximumAvailableConnections(options.maximumConnections)),
        services: services + [BoothSessionSweeper(sessions: components.sessions, logger: logger)],
        onServerRunning: { channel in onListening(channel.localAddress?.port ?? options.port) },
        logger: logger
    )
    if let beforeServerStarts { application.beforeServerStarts(perform: beforeServerStarts) }
    return application
}
