import TestSupport
import ElectionGuard
import Foundation
import Referendum

/// Values to store: a referendum setup, voters, and ballot entries that carry a real encrypted
/// contest (encrypted once; entries differ in ids, codes, devices and metadata).
enum Fixtures {
    static let yaml = SmallReferendumText.yaml

    /// A moment with a fraction of a second that a lossy store would round.
    static let moment = Date(timeIntervalSinceReferenceDate: 810_000_000.123_456_789)

    /// A code (or nonce) of all zeros.
    static let zeroCode = try! UInt256(hex: String(repeating: "00", count: 32))

    static func setup(seed: UInt64 = 1) throws -> ReferendumSetup {
        var generator = SeededGenerator(seed: seed)
        return ReferendumSetup(definition: try ReferendumDefinition.parse(yaml), credentials: .generate(using: &generator),
                               createdAt: moment)
    }

    /// Creates the referendum in `store` and moves it to `state` (straight there: the store checks
    /// only that `from` matches).
    static func prepare(_ store: any ReferendumStore, state: LifecycleState = .open) async throws {
        try await store.create(try setup())
        if state != .draft { try await store.transition(from: .draft, to: state, at: moment) { _ in } }
    }

    /// The encrypted contest every fixture ballot carries.
    static let contests: [EncryptedContest] = {
        let contest = ContestDescription(id: "alpha", sequenceOrder: 1, votesAllowed: 1,
                                         selections: [.init(id: "alpha-yes", sequenceOrder: 1), .init(id: "alpha-no", sequenceOrder: 2)])
        let encryptor = BallotEncryptor(publicKey: ElGamalKeyPair(secretKey: ElementModQ(4_242)).publicKey,
                                        extendedBaseHash: try! UInt256(hex: String(repeating: "5A", count: 32)), contests: [contest])
        let plaintext = PlaintextBallot(id: "template", styleId: "alpha", contests: [.init(contestId: "alpha", votes: ["alpha-no": 1])])
        return try! encryptor.encrypt(plaintext, ballotNonce: try! UInt256(hex: String(repeating: "07", count: 32)),
                                      codeBaux: [1, 2, 3], device: "template", timestamp: 0).contests
    }()

    /// A pending ballot entry; its confirmation code derives from `code` (or from the id).
    static func entry(_ id: String, device: String, code: UInt64? = nil, station: String = "A-1",
                      channel: BallotChannel = .station, region: String = "alpha", pseudonym: String? = nil,
                      encryptedAt: Date = moment, visit: String? = nil) -> BallotEntry {
        var generator = SeededGenerator(seed: code ?? id.utf8.reduce(1469598103934665603) { ($0 ^ UInt64($1)) &* 1099511628211 })
        let ballot = EncryptedBallot(ballotId: id, styleId: region, encryptingDevice: device, timestamp: 1_788_000_000,
                                     codeBaux: Array(id.utf8), confirmationCode: UInt256.random(using: &generator),
                                     contests: contests, state: .unknown)
        return BallotEntry(ballot: ballot, stationId: station, channel: channel, region: region,
                           pseudonym: pseudonym ?? "p-\(id)", encryptedAt: encryptedAt, status: .pending, mobileVisitId: visit)
    }

    static func voter(_ id: String, region: String = "alpha", displaced: Bool = false, station: String? = "A-1") -> RegisteredVoter {
        RegisteredVoter(voterId: id, homeRegion: region, displaced: displaced, homeStation: station,
                        credentialKey: "key-\(id)", pseudonym: "pseudonym-\(id)")
    }

    static func visit(_ id: String, ballots: [String] = [], returned: Bool = false) -> MobileVisit {
        MobileVisit(id: id, stationId: "A-1-M", requestedAt: moment, request: "phone call, logged by the secretary",
                    officials: ["official 1", "official 2"], observers: ["observer"], departedAt: moment.addingTimeInterval(600.25),
                    returnedAt: returned ? moment.addingTimeInterval(3_600.5) : nil, ballotIds: ballots)
    }
}

