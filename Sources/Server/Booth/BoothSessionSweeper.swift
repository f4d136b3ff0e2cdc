import Logging
import ServiceLifecycle

/// Expires idle booth sessions once a minute, for as long as the server runs.
struct BoothSessionSweeper: Service {
    let sessions: BoothSessions
    let logger: Logger
    var interval: Duration = .seconds(60)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: interval)
                let expired = sessions.expire()
                if expired > 0 { logger.info("expired idle voter sessions", metadata: ["count": "\(expired)"]) }
            }
        }
    }
}
