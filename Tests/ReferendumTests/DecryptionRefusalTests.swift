import TestSupport
import ElectionGuard
import Foundation
import Testing
@testable import Referendum

/// The small referendum, counted after `votes` (voter, choice, station; the device is the station's d1).
func countedReferendum(seed: UInt64, votes: [(String, String, String)], using generator: inout SeededGenerator) async throws -> SmallReferendum.Running {
    let running = try await SmallReferendum.open(seed: seed)
    for (voter, choice, station) in votes {
        let session = try await running.desk.checkIn(credential: running.cards[voter]!, stationId: station)
        _ = try await running.desk.cast(try await running.desk.encrypt(session, choice: choice, deviceId: "\(station)-d1", using: &generator))
    }
    running.clock.set(SmallReferendum.afterVoting)
    try await running.engine.close()
    try await running.engine.count()
    return running
}

/// A guardian's round that does not fit is refused before it is stored, and nothing later crashes on it.
@Suite("Decryption rounds from a guardian who lies about who it is")
struct DecryptionRefusalTests {
    @Test("a partial decryption naming another guardian or coordinate is refused; the challenges still come")
    func strayCoordinate() async throws {
        var generator = SeededGenerator(seed: 42)
        let running = try await countedReferendum(seed: 41, votes: [("a1", "yes", "A-1")], using: &generator)
        let totals = try await running.engine.decryptionTargets()
        let (honest, _) = GuardianDecryption.round1(secret: running.secrets[0], totals: totals, using: &generator)
        for (id, coordinate) in [("guardian1", 2), ("guardian1", -1), ("guardian2", 1)] {
            let stray = honest.partials.map {
                PartialDecryption(guardianId: id, xCoordinate: coordinate, share: $0.share, commitmentA: $0.commitmentA, commitmentB: $0.commitmentB)
            }
            let round = GuardianDecryptionRound(guardianId: "guardian1", xCoordinate: 1, round: .partials, partials: stray)
            await #expect(throws: ReferendumError.self) { try await running.engine.submit(round) }
        }
        for coordinate in [0, -3, 2] {
            let round = GuardianDecryptionRound(guardianId: "guardian1", xCoordinate: coordinate, round: .partials, partials: honest.partials)
            await #expect(throws: ReferendumError.self) { try await running.engine.submit(round) }
        }
        #expect(try await running.engine.store.decryptionRounds().isEmpty, "nothing refused was stored")
        try await running.engine.submit(honest)
        let (second, _) = GuardianDecryption.round1(secret: running.secrets[2], totals: totals, using: &generator)
        try await running.engine.submit(second)
        #expect(try await running.engine.decryptionChallenges().count == 2)
    }
}

@Suite("Dropping a guardian who vanished during the decryption")
struct DroppedGuardianTests {
    @Test("a guardian who sent round 1 and vanished is dropped; the others start again with fresh nonces and decrypt; the result names who was dropped")
    func vanishedAfterRound1() async throws {
        var generator = SeededGenerator(seed: 52)
        let running = try await countedReferendum(seed: 51, votes: [("a1", "yes", "A-1"), ("a2", "no", "A-1"), ("a3", "yes", "EXT")],
                                                  using: &generator)
        let engine = running.engine
        let totals = try await engine.decryptionTargets()
        let (first, firstNonces) = GuardianDecryption.round1(secret: running.secrets[0], totals: totals, using: &generator)
        let (second, _) = GuardianDecryption.round1(secret: running.secrets[1], totals: totals, using: &generator)
        try await engine.submit(first)
        try await engine.submit(second)
        let challenges = try await engine.decryptionChallenges()
        let answer = try GuardianDecryption.round2(secret: running.secrets[0], nonces: firstNonces, challenges: challenges["guardian1"]!)
        try await engine.submit(answer)
        // guardian2 never answers: the decryption cannot finish, and cannot go on without dropping it.
        await #expect(throws: ReferendumError.self) { try await engine.finishDecryption() }
        try await engine.dropGuardian("guardian2", reason: "sent round 1, then unreachable for 48 hours")
        #expect(try await engine.currentDecryptionRounds().attempt == 1)
        #expect(try await engine.currentDecryptionRounds().rounds.isEmpty, "the old try's rounds no longer count")
        // The old try's rounds are refused, and so is the dropped guardian.
        await #expect(throws: ReferendumError.self) { try await engine.submit(first) }
        let (late, _) = GuardianDecryption.round1(secret: running.secrets[1], totals: totals, attempt: 1, using: &generator)
        await #expect(throws: ReferendumError.self) { try await engine.submit(late) }
        // Dropping another would leave one guardian, below the quorum of 2.
        await #expect(throws: ReferendumError.self) { try await engine.dropGuardian("guardian1", reason: "x") }
        // guardian1 and guardian3 decrypt in the new try, with fresh nonces.
        let result = try await engine.decrypt(with: [running.secrets[0], running.secrets[2]], using: &generator)
        #expect(result.guardians == [1, 3])
        #expect(result.dropped?.map(\.guardianId) == ["guardian2"])
        let setup = try await engine.setup()
        let values = Dictionary(uniqueKeysWithValues: zip(setup.count!.totals, result.values).map { ("\($0.scope.key)#\($0.option)", $1.value) })
        #expect(values["region/alpha#yes"] == 2 && values["region/alpha#no"] == 1)
    }
}
