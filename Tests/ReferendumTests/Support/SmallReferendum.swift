import TestSupport
import ElectionGuard
import Foundation
@testable import Referendum

/// Two regions, a regional station each, a mobile box in A, an external station for both; three
/// guardians with quorum 2. Voting runs 1–3 September 2026.
enum SmallReferendum {
    static let yaml = SmallReferendumText.yaml
    static let register = SmallReferendumText.register
    static let beforeVoting = SmallReferendumText.beforeVoting
    static let duringVoting = SmallReferendumText.duringVoting
    static let afterVoting = SmallReferendumText.afterVoting

    static func date(_ text: String) -> Date { SmallReferendumText.date(text) }

    /// A referendum set up to the open state, with its voter cards by voter id and guardian secrets.
    struct Running {
        let engine: ReferendumEngine
        let clock: ManualClock
        let desk: CastingDesk
        let cards: [String: String]
        let secrets: [GuardianSecret]
    }

    static func open(seed: UInt64 = 1, store: any ReferendumStore = InMemoryStore(), yaml: String = yaml) async throws -> Running {
        let clock = ManualClock(beforeVoting)
        let engine = ReferendumEngine(store: store, clock: clock)
        var generator = SeededGenerator(seed: seed)
        try await engine.create(try ReferendumDefinition.parse(yaml), using: &generator)
        try await engine.announce()
        let cards = try await engine.importRegister(csv: register, file: "register.csv", using: &generator)
        let secrets = try await engine.runCeremony(using: &generator)
        try await engine.open()
        clock.set(duringVoting)
        return Running(engine: engine, clock: clock, desk: try await CastingDesk(engine: engine),
                       cards: Dictionary(uniqueKeysWithValues: cards.map { ($0.voterId, $0.credential) }), secrets: secrets)
    }
}

