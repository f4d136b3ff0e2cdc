import TestSupport
import ElectionGuard
import Foundation
import Testing
@testable import Referendum

@Suite("The referendum engine, end to end on a small referendum")
struct EngineTests {
    /// Votes `choice` for `voter` at `station` on `device` and casts it.
    @discardableResult
    func vote(_ running: SmallReferendum.Running, _ voter: String, _ choice: String, at station: String,
              device: String, visit: MobileVisit? = nil, seed: UInt64 = 0) async throws -> BallotEntry {
        var generator = SeededGenerator(seed: seed &+ voter.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) })
        let session = try await running.desk.checkIn(credential: running.cards[voter]!, stationId: station)
        let pending = try await running.desk.encrypt(session, choice: choice, deviceId: device, visit: visit, using: &generator)
        return try await running.desk.cast(pending)
    }

    @Test("every step in the wrong state is refused and changes nothing")
    func lifecycleRefusals() async throws {
        let clock = ManualClock(SmallReferendum.beforeVoting)
        let store = InMemoryStore()
        let engine = ReferendumEngine(store: store, clock: clock)
        var generator = SeededGenerator(seed: 3)
        try await engine.create(try ReferendumDefinition.parse(SmallReferendum.yaml), using: &generator)
        await #expect(throws: ReferendumError.lifecycle(action: "run the key ceremony", state: .draft, required: [.announced])) {
            try await engine.runCeremony(using: &generator)
        }
        await #expect(throws: ReferendumError.lifecycle(action: "open", state: .draft, required: [.keysReady])) { try await engine.open() }
        try await engine.announce()
        await #expect(throws: ReferendumError.lifecycle(action: "announce", state: .announced, required: [.draft])) { try await engine.announce() }
        await #expect(throws: ReferendumError.lifecycle(action: "close", state: .announced, required: [.open])) { try await engine.close() }
        let cards = try await engine.importRegister(csv: SmallReferendum.register, file: "r.csv", using: &generator)
        let secrets = try await engine.runCeremony(using: &generator)
        await #expect(throws: ReferendumError.lifecycle(action: "count", state: .keysReady, required: [.closed])) { try await engine.count() }
        let desk = try await CastingDesk(engine: engine)
        await #expect(throws: ReferendumError.lifecycle(action: "cast", state: .keysReady, required: [.open])) {
            _ = try await desk.checkIn(credential: cards[0].credential, stationId: "A-1")
        }
        try await engine.open()
        await #expect(throws: ReferendumError.lifecycle(action: "count", state: .open, required: [.closed])) { try await engine.count() }
        await #expect(throws: ReferendumError.lifecycle(action: "certify", state: .open, required: [.decrypted])) {
            try await engine.certify(by: ["x"], statement: "premature")
        }
        // Polls open but the region's window has not: refused, naming the window.
        await #expect(throws: ReferendumError.self) { _ = try await desk.checkIn(credential: cards[0].credential, stationId: "A-1") }
        clock.set(SmallReferendum.duringVoting)
        let session = try await desk.checkIn(credential: cards[0].credential, stationId: "A-1")
        let pending = try await desk.encrypt(session, choice: "yes", deviceId: "A-1-d1", using: &generator)
        try await engine.close()
        await #expect(throws: ReferendumError.lifecycle(action: "cast", state: .closed, required: [.open])) { _ = try await desk.cast(pending) }
        await #expect(throws: ReferendumError.lifecycle(action: "decrypt", state: .closed, required: [.counted])) {
            try await engine.decrypt(with: secrets, using: &generator)
        }
        #expect(try await store.entry(ballotId: pending.entry.ballotId)?.status == .pending, "the refused cast changed nothing")
        let count = try await engine.count()
        #expect(count.resolution.counted.isEmpty, "an uncast ballot is never counted")
        #expect(try await store.entry(ballotId: pending.entry.ballotId)?.status == .abandoned)
        #expect(try await store.state() == .counted)
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("never-\(UUID().uuidString)").path
        await #expect(throws: ReferendumError.lifecycle(action: "publish", state: .counted, required: [.certified])) {
            try await RecordPublisher.publish(engine, to: target)
        }
        #expect(!FileManager.default.fileExists(atPath: target), "a refused publication writes nothing")
    }

    @Test("a device id that cannot name a record directory is refused before anything is stored")
    func unpublishableDevice() async throws {
        let running = try await SmallReferendum.open(seed: 13)
        let session = try await running.desk.checkIn(credential: running.cards["a1"]!, stationId: "A-1")
        var generator = SeededGenerator(seed: 3)
        await #expect {
            _ = try await running.desk.encrypt(session, choice: "yes", deviceId: "A-1-x/y", using: &generator)
        } throws: { error in
            guard case ReferendumError.invalidInput(field: "device", let reason) = error else { return false }
            return reason.contains("letters A-Z, digits, - and _")
        }
        #expect(try await running.engine.store.summaries().isEmpty)
    }

    @Test("a voter of one region cannot vote with another region's ballot")
    func otherRegionsBallot() async throws {
        let running = try await SmallReferendum.open(seed: 12)
        // At a station of the other region, the check-in refuses the voter.
        await #expect(throws: ReferendumError.wrongStation(station: "A-1", reason: "it does not serve voters of beta")) {
            _ = try await running.desk.checkIn(credential: running.cards["b1"]!, stationId: "A-1")
        }
        // Wherever the voter checks in, the ballot is the home region's, and the encryptor refuses any
        // contest that is not on that ballot style.
        let session = try await running.desk.checkIn(credential: running.cards["b2"]!, stationId: "EXT")
        var generator = SeededGenerator(seed: 2)
        let pending = try await running.desk.encrypt(session, choice: "yes", deviceId: "EXT-d9", using: &generator)
        #expect(pending.entry.ballot.styleId == "style-beta" && pending.entry.region == "beta")
        let encryptor = try #require(running.desk.encryptors["beta"])
        let forged = PlaintextBallot(id: "forged", styleId: "style-beta", contests: [.init(contestId: "alpha", votes: ["alpha-yes": 1])])
        #expect(throws: ElectionGuardError.invalidBallot("ballot forged: contest alpha is not on ballot style style-beta")) {
            try encryptor.encrypt(forged, ballotNonce: UInt256.random(using: &generator), codeBaux: [], device: "EXT-d9", timestamp: 0)
        }
    }

    @Test("the register is checked whole: a bad row names its line and stores nothing")
    func registerRefusal() async throws {
        let engine = ReferendumEngine(store: InMemoryStore(), clock: ManualClock(SmallReferendum.beforeVoting))
        var generator = SeededGenerator(seed: 4)
        try await engine.create(try ReferendumDefinition.parse(SmallReferendum.yaml), using: &generator)
        let bad = "voter_id,home_region,displaced\nx1,alpha,no\nx2,gamma,no\n"
        await #expect(throws: ReferendumError.register(file: "bad.csv", line: 3, field: "home_region",
                                                       reason: "unknown region gamma (regions: alpha, beta)")) {
            _ = try await engine.importRegister(csv: bad, file: "bad.csv", using: &generator)
        }
        #expect(try await engine.store.voterIds().isEmpty)
        let duplicate = "voter_id,home_region,displaced\nx1,alpha,no\nx1,beta,no\n"
        await #expect(throws: ReferendumError.register(file: "dup.csv", line: 3, field: "voter_id", reason: "voter x1 is already on the register")) {
            _ = try await engine.importRegister(csv: duplicate, file: "dup.csv", using: &generator)
        }
    }

    @Test("stations take only the voters they serve")
    func stationRules() async throws {
        let running = try await SmallReferendum.open(seed: 5)
        let desk = running.desk
        await #expect(throws: ReferendumError.wrongStation(station: "B-1", reason: "it does not serve voters of alpha")) {
            _ = try await desk.checkIn(credential: running.cards["a1"]!, stationId: "B-1")
        }
        await #expect(throws: ReferendumError.wrongStation(
            station: "EXT", reason: "external stations are for displaced voters; this voter votes in alpha")) {
            _ = try await desk.checkIn(credential: running.cards["a1"]!, stationId: "EXT")
        }
        await #expect(throws: ReferendumError.unknownCredential) {
            _ = try await desk.checkIn(credential: "0000-0000-0000-0000-0000-0000", stationId: "A-1")
        }
        let session = try await desk.checkIn(credential: running.cards["b2"]!, stationId: "EXT")
        #expect(session.region == "beta", "a displaced voter at an external station gets the home region's ballot")
        var generator = SeededGenerator(seed: 1)
        let pending = try await desk.encrypt(session, choice: "no", deviceId: "EXT-d1", using: &generator)
        #expect(pending.entry.ballot.contests.map(\.contestId) == ["beta"])
        #expect(pending.entry.ballot.styleId == "style-beta")
        await #expect(throws: ReferendumError.invalidChoice("maybe")) {
            _ = try await desk.encrypt(session, choice: "maybe", deviceId: "EXT-d1", using: &generator)
        }
    }

    @Test("revotes, mobile override, challenges and idempotent casting decide what counts; any quorum decrypts the same")
    func votingAndCounting() async throws {
        let running = try await SmallReferendum.open(seed: 6)
        let desk = running.desk, clock = running.clock
        // a1: votes yes by mobile box at the door, then no at the station: the station ballot counts
        // even though a later mobile ballot follows it.
        let visit = try await desk.startVisit(id: "V1", stationId: "A-1-M", request: "phone call, logged 09:50",
                                              requestedAt: SmallReferendum.duringVoting, officials: ["official 1", "official 2"],
                                              observers: ["observer A"])
        try await vote(running, "a1", "yes", at: "A-1-M", device: "A-1-M-d1", visit: visit)
        clock.set(SmallReferendum.duringVoting.addingTimeInterval(3600))
        let stationBallot = try await vote(running, "a1", "no", at: "A-1", device: "A-1-d1")
        clock.set(SmallReferendum.duringVoting.addingTimeInterval(7200))
        let laterVisit = try await desk.startVisit(id: "V2", stationId: "A-1-M", request: "second request", requestedAt: clock.now(),
                                                   officials: ["official 1"], observers: [])
        let lateMobile = try await vote(running, "a1", "yes", at: "A-1-M", device: "A-1-M-d1", visit: laterVisit)
        _ = try await desk.endVisit(laterVisit)
        // A visit's log is never overwritten: its id cannot start again, and it returns only once.
        await #expect(throws: ReferendumError.mobileVisit("visit V2 exists already")) {
            _ = try await desk.startVisit(id: "V2", stationId: "A-1-M", request: "again", requestedAt: clock.now(), officials: ["x"], observers: [])
        }
        await #expect(throws: ReferendumError.mobileVisit("visit V2 has already returned")) { _ = try await desk.endVisit(laterVisit) }
        // A visit id is a cell of the published ballots.csv: no comma, quote or formula.
        for bad in ["V,3", "=SUM(A1)", "-V3", "V 3", ""] {
            await #expect(throws: ReferendumError.invalidInput(field: "id", reason: "use letters A-Z, digits, - and _, beginning with a letter or digit")) {
                _ = try await desk.startVisit(id: bad, stationId: "A-1-M", request: "r", requestedAt: clock.now(), officials: ["x"], observers: [])
            }
        }
        #expect(try await running.engine.store.mobileVisits().first { $0.id == "V2" }?.ballotIds == [lateMobile.ballotId])
        // a2: votes yes, then changes to no at the same station: the last counts.
        try await vote(running, "a2", "yes", at: "A-1", device: "A-1-d1")
        clock.set(SmallReferendum.duringVoting.addingTimeInterval(9000))
        try await vote(running, "a2", "no", at: "A-1", device: "A-1-d1")
        // a3 (displaced): challenges the device once, then votes yes at the external station.
        var generator = SeededGenerator(seed: 77)
        let session = try await desk.checkIn(credential: running.cards["a3"]!, stationId: "EXT")
        let challenged = try await desk.challenge(try await desk.encrypt(session, choice: "no", deviceId: "EXT-d1", using: &generator))
        #expect(challenged.status == .challenged)
        #expect(challenged.revealedChoice == "no")
        #expect(challenged.ballot.state == .challenged)
        let pending = try await desk.encrypt(session, choice: "yes", deviceId: "EXT-d1", using: &generator)
        let first = try await desk.cast(pending)
        let again = try await desk.cast(pending)
        #expect(first == again, "casting the same ballot twice is idempotent")
        await #expect(throws: ReferendumError.ballotAlreadyDecided(ballotId: pending.entry.ballotId, state: "cast")) {
            _ = try await desk.challenge(pending)
        }
        // b1 votes yes; b2 (displaced) votes no at the external station: counts for beta.
        try await vote(running, "b1", "yes", at: "B-1", device: "B-1-d1")
        try await vote(running, "b2", "no", at: "EXT", device: "EXT-d1")

        clock.set(SmallReferendum.afterVoting)
        try await running.engine.close()
        let count = try await running.engine.count()
        #expect(count.resolution.counted.count == 5, "one ballot per voter who cast: a1, a2, a3, b1, b2")
        #expect(count.resolution.counted.contains(stationBallot.ballotId))
        #expect(count.resolution.supersededBy[lateMobile.ballotId] == stationBallot.ballotId,
                "a station ballot beats a later mobile ballot")

        var decryptGenerator = SeededGenerator(seed: 8)
        let result = try await running.engine.decrypt(with: [running.secrets[0], running.secrets[2]], using: &decryptGenerator)
        let values = Dictionary(uniqueKeysWithValues: zip(count.totals, result.values).map { ("\($0.scope.key)#\($0.option)", $1.value) })
        #expect(values["region/alpha#yes"] == 1)  // a3
        #expect(values["region/alpha#no"] == 2)   // a1 (station), a2 (last)
        #expect(values["region/beta#yes"] == 1)   // b1
        #expect(values["region/beta#no"] == 1)    // b2 at EXT
        #expect(values["station/EXT/beta#no"] == 1, "the external station's beta ballot counts for beta")
        #expect(values["station/EXT/alpha#yes"] == 1)
        #expect(values["station/A-1/alpha#no"] == 2)
        #expect(values["all#yes"] == 2)
        #expect(values["all#no"] == 3)

        // Another quorum gives the same numbers.
        let publicKey = ElGamalPublicKey(try await running.engine.setup().election!.jointPublicKey)
        let election = try await running.engine.setup().election!
        let other = try ThresholdDecryption.decrypt(
            count.totals.map(\.ciphertext), guardians: [running.secrets[1].decryptingGuardian, running.secrets[2].decryptingGuardian],
            publicKeys: election.guardians, quorum: 2, publicKey: publicKey, extendedBaseHash: election.extendedBaseHash,
            discreteLog: DiscreteLog(base: publicKey.key), bound: 5, using: &decryptGenerator)
        #expect(other.map(\.value) == result.values.map(\.value))
        for (total, value) in zip(count.totals, result.values) {
            #expect(value.proof.verify(.ciphertext(total.ciphertext), share: value.share, publicKey: publicKey,
                                       extendedBaseHash: election.extendedBaseHash), "\(total.scope.key) \(total.option)")
        }
        let visits = try await running.engine.store.mobileVisits()
        #expect(visits.map(\.ballotIds.count) == [1, 1])
        #expect(visits[1].returnedAt != nil)
    }

    @Test("a guardian's wrong share is rejected with its name, and nothing is decrypted")
    func badGuardian() async throws {
        let running = try await SmallReferendum.open(seed: 9)
        try await vote(running, "a1", "yes", at: "A-1", device: "A-1-d1")
        running.clock.set(SmallReferendum.afterVoting)
        try await running.engine.close()
        try await running.engine.count()
        let honest = running.secrets[0]
        let cheat = GuardianSecret(id: running.secrets[1].id, xCoordinate: 2, coefficients: running.secrets[1].coefficients,
                                   keyShare: running.secrets[1].keyShare + .one, extendedBaseHash: running.secrets[1].extendedBaseHash)
        var generator = SeededGenerator(seed: 10)
        await #expect {
            try await running.engine.decrypt(with: [honest, cheat], using: &generator)
        } throws: { error in
            guard case ElectionGuardError.invalidProof(let what) = error else { return false }
            return what.contains("guardian guardian2 (coordinate 2)")
        }
        #expect(try await running.engine.store.state() == .counted)
    }
}
