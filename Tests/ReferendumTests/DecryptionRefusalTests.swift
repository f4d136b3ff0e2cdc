import TestSupport
import ElectionGuard
import Foundation
import Testing
@testable import Referendum

/// A guardian's round that does not fit is refused before it is stored, and nothing later crashes on it.
@Suite("Decryption rounds from a guardian who lies about who it is")
struct DecryptionRefusalTests {
    @Test("a partial decryption naming another guardian or coordinate is refused; the challenges still come")
    func strayCoordinate() async throws {
        let running = try await SmallReferendum.open(seed: 41)
        var generator = SeededGenerator(seed: 42)
        let session = try await running.desk.checkIn(credential: running.cards["a1"]!, stationId: "A-1")
        _ = try await running.desk.cast(try await running.desk.encrypt(session, choice: "yes", deviceId: "A-1-d1", using: &generator))
        running.clock.set(SmallReferendum.afterVoting)
        try await running.engine.close()
        try await running.engine.count()
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
