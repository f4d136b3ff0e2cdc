import TestSupport
import ElectionGuard
import Foundation
import Referendum
import Storage
import Testing

/// The referendum engine on each store, from creation to decrypted totals: what the engine writes
/// (setup with the election, voters, chains, mobile visits, decisions, rounds) reads back so that
/// the count and the decryption come out right.
@Suite("The engine on every store")
struct EngineOnStoreTests {
    static let register = """
        voter_id,home_region,displaced,home_station
        a1,alpha,no,A-1
        a2,alpha,no,A-1
        a3,alpha,yes,
        b1,beta,no,B-1
        b2,beta,yes,
        """

    @Test("create, register, ceremony, cast (revote, mobile box, challenge), close, count, decrypt", arguments: StoreKind.enabled)
    func wholeReferendum(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let date = { (text: String) in ISO8601DateFormatter().date(from: text)! }
            let clock = ManualClock(date("2026-08-20T10:00:00+03:00"))
            let engine = ReferendumEngine(store: subject.store, clock: clock)
            var generator = SeededGenerator(seed: 31)
            try await engine.create(try ReferendumDefinition.parse(Fixtures.yaml), using: &generator)
            try await engine.announce()
            let cards = try await engine.importRegister(csv: Self.register, file: "register.csv", using: &generator)
            let credential = Dictionary(uniqueKeysWithValues: cards.map { ($0.voterId, $0.credential) })
            let secrets = try await engine.runCeremony(using: &generator)
            try await engine.open()
            clock.set(date("2026-09-02T10:00:00+03:00"))
            let desk = try await CastingDesk(engine: engine)

            func vote(_ voter: String, _ choice: String, at station: String, device: String, visit: MobileVisit? = nil) async throws -> BallotEntry {
                let session = try await desk.checkIn(credential: credential[voter]!, stationId: station)
                return try await desk.cast(try await desk.encrypt(session, choice: choice, deviceId: device, visit: visit, using: &generator))
            }
            let visit = try await desk.startVisit(id: "V1", stationId: "A-1-M", request: "phone call", requestedAt: clock.now(),
                                                  officials: ["official"], observers: [])
            let atDoor = try await vote("a1", "yes", at: "A-1-M", device: "A-1-M-d1", visit: visit)
            _ = try await desk.endVisit(visit)
            clock.set(date("2026-09-02T11:00:00+03:00"))
            let inStation = try await vote("a1", "no", at: "A-1", device: "A-1-d1")
            _ = try await vote("a2", "yes", at: "A-1", device: "A-1-d1")
            let session = try await desk.checkIn(credential: credential["a3"]!, stationId: "EXT")
            let challenged = try await desk.challenge(try await desk.encrypt(session, choice: "no", deviceId: "EXT-d1", using: &generator))
            _ = try await desk.cast(try await desk.encrypt(session, choice: "yes", deviceId: "EXT-d1", using: &generator))
            _ = try await vote("b1", "no", at: "B-1", device: "B-1-d1")
            let forgotten = try await desk.encrypt(try await desk.checkIn(credential: credential["b2"]!, stationId: "EXT"),
                                                   choice: "no", deviceId: "EXT-d1", using: &generator)
            #expect(try await subject.store.chainHead(device: "EXT-d1")?.length == 3)
            #expect(try await subject.store.entry(confirmationCode: challenged.confirmationCode) == challenged)
            #expect(try await subject.store.mobileVisits().first?.ballotIds == [atDoor.ballotId])

            clock.set(date("2026-09-04T10:00:00+03:00"))
            try await engine.close()
            let count = try await engine.count()
            #expect(count.resolution.counted.count == 4, "a1 (station), a2, a3, b1")
            #expect(count.resolution.counted.contains(inStation.ballotId))
            #expect(try await subject.store.entry(ballotId: forgotten.entry.ballotId)?.status == .abandoned)
            let result = try await engine.decrypt(with: [secrets[0], secrets[2]], using: &generator)
            let values = Dictionary(uniqueKeysWithValues: zip(count.totals, result.values).map { ("\($0.scope.key)#\($0.option)", $1.value) })
            #expect(values["region/alpha#yes"] == 2)
            #expect(values["region/alpha#no"] == 1)
            #expect(values["region/beta#no"] == 1)
            #expect(values["all#yes"] == 2 && values["all#no"] == 2)
            let stored = try #require(try await subject.store.loadSetup())
            #expect(stored.state == .decrypted)
            #expect(stored.decryption == result)
            #expect(try await subject.store.registerCounts().registered == ["alpha": 3, "beta": 2])
        }
    }
}
