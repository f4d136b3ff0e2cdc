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
    static let yaml = SmallReferendumText.yaml
    static let register = SmallReferendumText.register
    static let beforeVoting = SmallReferendumText.beforeVoting
    static let duringVoting = SmallReferendumText.duringVoting
    static let afterVoting = SmallReferendumText.afterVoting

    static func date(_ text: String) -> Date { SmallReferendumText.date(text) }
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
                     seed: UInt64 = 1, recordDirectory: String? = nil,
                     options change: (inout ServerOptions) -> Void = { _ in }) async throws -> ServerFixture {
        let clock = ManualClock(SmallReferendum.beforeVoting)
        var options = ServerOptions(recordDirectory: recordDirectory ?? temporaryPath("record"))
        change(&options)
        let components = ServerComponents(store: store, tokens: tokenStore, options: options, clock: clock)
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

