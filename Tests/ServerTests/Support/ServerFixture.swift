import TestSupport
import ElectionGuard
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Referendum
@testable import Server

/// Two regions, a regional station each (A-1 with a mobile box), an external station for both,
/// three guardians with quorum 2; voting 1–3 September 2026 (Kyiv time).
enum SmallReferendum {
    static let yaml = """
        id: small
        title: {en: Small referendum, uk: Малий референдум, ru: Малый референдум}
        question: {en: Yes or no?, uk: Так чи ні?, ru: Да или нет?}
        options:
          - {id: "yes", text: {en: "Yes", uk: "Так", ru: "Да"}}
          - {id: "no", text: {en: "No", uk: "Ні", ru: "Нет"}}
        regions:
          - {id: alpha, name: {en: Alpha, uk: Альфа, ru: Альфа}, time_zone: Europe/Kyiv, pre_conflict_electorate: 20}
          - {id: beta, name: {en: Beta, uk: Бета, ru: Бета}, time_zone: Europe/Kyiv}
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
}

/// A server over a small referendum, open for voting at a manual clock, with a token for every role.
struct ServerFixture: Sendable {
    let components: ServerComponents
    let clock: ManualClock
    /// Credential codes by voter id.
    let cards: [String: String]
    let secrets: [GuardianSecret]
    /// Tokens by role (admin, observer, station:A-1, station:B-1, station:EXT, guardian:guardian1...).
    let tokens: [String: String]

    static let roles = ["admin", "observer", "station:A-1", "station:B-1", "station:EXT", "guardian:guardian1", "guardian:guardian2", "guardian:guardian3"]

    /// A referendum opened for voting in `store` (in memory by default).
    static func open(store: any ReferendumStore = InMemoryStore(), tokens tokenStore: any AccessTokenStore = InMemoryTokenStore(),
                     seed: UInt64 = 1, recordDirectory: String? = nil) async throws -> ServerFixture {
        let clock = ManualClock(SmallReferendum.beforeVoting)
        let components = ServerComponents(store: store, tokens: tokenStore,
                                          options: ServerOptions(recordDirectory: recordDirectory ?? temporaryPath("record")), clock: clock)
        let engine = components.engine
        var generator = SeededGenerator(seed: seed)
        try await engine.create(try ReferendumDefinition.parse(SmallReferendum.yaml), using: &generator)
        try await engine.announce()
        let cards = try await engine.importRegister(csv: SmallReferendum.register, file: "register.csv", using: &generator)
        let secrets = try await engine.runCeremony(using: &generator)
        try await engine.open()
        clock.set(SmallReferendum.duringVoting)
        var tokens = [String: String]()
        for role in roles {
            tokens[role] = try await AccessTokens.issue(try Role(parsing: role), label: "test", setup: try await engine.setup(),
                                                        store: tokenStore, at: clock.now(), using: &generator).token
        }
        return ServerFixture(components: components, clock: clock,
                             cards: Dictionary(uniqueKeysWithValues: cards.map { ($0.voterId, $0.credential) }), secrets: secrets, tokens: tokens)
    }

    /// The application to test with `app.test(.router)`.
    var application: some ApplicationProtocol {
        Application(router: buildRouter(components), logger: quietLogger)
    }

    /// What a refused request must not change: state, ballots, visits, rounds, tokens.
    func snapshot() async throws -> String {
        let store = components.engine.store
        let setup = try await store.loadSetup()
        let ballots = try await store.entries(statuses: Set(BallotStatus.allCases), after: nil, limit: 100_000)
        let visits: [MobileVisit] = try await store.mobileVisits()
        let rounds: [GuardianDecryptionRound] = try await store.decryptionRounds()
        let tokens: [AccessTokenRecord] = try await components.tokens.tokens()
        var lines = [String]()
        lines.append(setup.map { "\($0.state.rawValue) \($0.history.count) \($0.certification != nil)" } ?? "none")
        lines.append(ballots.map { "\($0.ballotId):\($0.status.rawValue)" }.joined(separator: ","))
        lines.append(visits.map { "\($0.id):\($0.ballotIds.count):\($0.returnedAt != nil)" }.joined(separator: ","))
        lines.append(rounds.map { "\($0.guardianId):\($0.round.rawValue)" }.joined(separator: ","))
        lines.append(tokens.map { "\($0.id):\($0.revokedAt != nil)" }.joined(separator: ","))
        lines.append("\(components.sessions.openSessions())")
        return lines.joined(separator: "\n")
    }
}

/// A logger for tests: warnings and errors only, so that the test output stays readable.
let quietLogger: Logger = {
    var logger = Logger(label: "plebiscite.test")
    logger.logLevel = .warning
    return logger
}()

/// A fresh path under the temporary directory.
func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("plebiscite-server-\(UUID().uuidString)").appendingPathComponent(name).path
}

