import Foundation
import Referendum

/// What public requests read, kept so that none of them decodes the whole stored setup or
/// recomputes the results: the setup, decoded again only when the stored lifecycle state moves
/// (every change of the setup is a move; reading the state is one small query, and sees a move made
/// by another process at once), and the results, computed once for a decrypted referendum.
final class PublicCaches: Sendable {
    let engine: ReferendumEngine
    private let setup = SharedValue<ReferendumSetup?>(maximumAge: .seconds(3_600))
    private let results = SharedValue<ReferendumResults>(maximumAge: .seconds(3_600))

    init(engine: ReferendumEngine) { self.engine = engine }

    /// The referendum, nil before one exists.
    func currentSetup() async throws -> ReferendumSetup? {
        let state = try await engine.store.state()
        return try await setup.get(key: state?.rawValue ?? "none") { [engine] in try await engine.store.loadSetup() }
    }

    /// The referendum.
    /// - Throws: `storage` when there is none yet.
    func requireSetup() async throws -> ReferendumSetup {
        guard let setup = try await currentSetup() else { throw StoreRules.noReferendum }
        return setup
    }

    /// The results of a decrypted referendum: computed once per state (decrypted, certified,
    /// published: the ballots and totals no longer change), by one request at a time.
    func results(of setup: ReferendumSetup) async throws -> ReferendumResults {
        try await results.get(key: setup.state.rawValue) { [engine] in
            try ReferendumResults.compute(setup: setup, register: try await engine.store.registerCounts(),
                                          summaries: try await engine.store.summaries())
        }
    }

    /// Forgets what was kept (after the administrator changed the referendum in this process).
    func invalidate() {
        setup.invalidate()
        results.invalidate()
    }
}
