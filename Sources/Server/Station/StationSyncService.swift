import Foundation
import Logging
import Referendum
import ServiceLifecycle

/// The station's sync loop as a service of its application: every `interval` it runs a
/// `StationSync`, logging what it sent and why it could not; it stops with the application.
struct StationSyncService: Service {
    let sync: StationSync
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var down = false
            while !Task.isCancelled {
                do {
                    let report = try await sync.sync()
                    if down || report.sent > 0 {
                        logger.notice("synced", metadata: ["sent": "\(report.sent)", "waiting": "\(report.waiting)",
                                                           "central": "\(report.centralState?.rawValue ?? "?")"])
                    }
                    down = false
                } catch {
                    if !down { logger.warning("sync failed; voting goes on and the sync retries", metadata: ["error": "\(error)"]) }
                    down = true
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
