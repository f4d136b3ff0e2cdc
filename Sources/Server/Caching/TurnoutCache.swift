import Foundation
import Referendum

/// The latest turnout snapshot, recomputed at most once per `maximumAge`, by one request at a time,
/// however many observers and pages ask: a snapshot reads every ballot's metadata.
final class TurnoutCache: Sendable {
    let engine: ReferendumEngine
    private let latest: SharedValue<TurnoutSnapshot>

    init(engine: ReferendumEngine, maximumAge: Duration = .seconds(1)) {
        self.engine = engine
        latest = SharedValue(maximumAge: maximumAge)
    }

    func snapshot() async throws -> TurnoutSnapshot {
        try await latest.get { [engine] in try await TurnoutSnapshot.load(engine) }
    }
}
