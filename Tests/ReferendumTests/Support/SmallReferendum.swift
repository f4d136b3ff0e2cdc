import TestSupport
import ElectionGuard
import Foundation
@testable import Referendum

/// Two regions, a regional station each, a mobile box in A, an external station for both; three
/// guardians with quorum 2. Voting runs 1–3 September 2026.
enum SmallReferendum {
    static let yaml = """
        id: small
        title: {en: Small referendum}
        question: {en: Yes or no?}
        options:
          - {id: "yes", text: {en: "Yes"}}
          - {id: "no", text: {en: "No"}}
        regions:
          - {id: alpha, name: {en: Alpha}, time_zone: Europe/Kyiv, pre_conflict_electorate: 20}
          - {id: beta, name: {en: Beta}, time_zone: Europe/Kyiv}
        stations:
          - {id: A-1, kind: regional, serves: [alpha], location: "Alpha school"}
          - {id: A-1-M, kind: mobile, parent: A-1, serves: [alpha], location: "Mobile box of A-1"}
          - {id: B-1, kind: regional, serves: [beta], location: "Beta hall"}
          - {id: EXT, kind: external, serves: [alpha, beta], location: "Elsewhere"}
        schedule:
          announced: 2026-08-01T12:00:00+03:00
          voting:
            - {region: alpha, opens: 2026-09-01T08:00:00+03:00, closes: 2026-09-03T20:00:00+03:00}
            - {region: beta, opens: 2026-09-01T08:00:00+03:00, closes: 2026-09-03T20:00:00+03:00}
        guardians: {count: 3, quorum: 2}
        revote_rule: station-over-mobile-then-latest
        """

    static let register = """
        voter_id,home_region,displaced,home_station
        a1,alpha,no,A-1
        a2,alpha,no,A-1
        a3,alpha,yes,
        a4,alpha,no,
        b1,beta,no,B-1
        b2,beta,yes,
        """

    static let beforeVoting = date("2026-08-20T10:00:00+03:00")
    static let duringVoting = date("2026-09-02T10:00:00+03:00")
    static let afterVoting = date("2026-09-04T10:00:00+03:00")

    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// A referendum set up to the open state, with its voter cards by voter id and guardian secrets.
    struct Running {
        let engine: ReferendumEngine
        let clock: ManualClock
        let desk: CastingDesk
        let cards: [String: String]
        let secrets: [GuardianSecret]
    }

    static func open(seed: UInt64 = 1, store: any ReferendumStore = InMemoryStore()) async throws -> Running {
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

