import Foundation
import NIOConcurrencyHelpers
import Referendum

/// The latest turnout snapshot, recomputed at most once per `maximumAge` however many observers and
/// pages ask: a snapshot reads every ballot's metadata.
final class TurnoutCache: Sendable {
    let engine: ReferendumEngine
    let maximumAge: Duration
    private let latest = NIOLockedValueBox<(snapshot: TurnoutSnapshot, at: ContinuousClock.Instant)?>(nil)

    init(engine: ReferendumEngine, maximumAge: Duration = .seconds(1)) {
        self.engine = engine
        self.maximumAge = maximumAge
    }

    func snapshot() async throws -> TurnoutSnapshot {
        if let cached = latest.withLockedValue({ $0 }), ContinuousClock.now - cached.at < maximumAge { return cached.snapshot }
        let snapshot = try await TurnoutSnapshot.load(engine)
        latest.withLockedValue { $0 = (snapshot, .now) }
        return snapshot
    }
}
