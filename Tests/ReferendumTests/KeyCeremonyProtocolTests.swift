import TestSupport
import ElectionGuard
import Foundation
import Testing
@testable import Referendum

/// The key ceremony between guardians who each hold only their own secret, through public messages.
@Suite("Key ceremony between independent guardians")
struct KeyCeremonyProtocolTests {
    /// An announced small referendum (three guardians, quorum 2) and the ceremony state of each guardian.
    func announced(seed: UInt64) async throws -> (ReferendumEngine, [GuardianCeremony], SeededGenerator) {
        let engine = ReferendumEngine(store: InMemoryStore(), clock: ManualClock(SmallReferendum.beforeVoting))
        var generator = SeededGenerator(seed: seed)
        try await engine.create(try ReferendumDefinition.parse(SmallReferendum.yaml), using: &generator)
        try await engine.announce()
        let bundle = try await engine.ceremonyBundle()
        let guardians = try bundle.guardians.map { try GuardianCeremony.start(bundle, guardian: $0, using: &generator) }
        return (engine, guardians, generator)
    }

    /// Steps every guardian `rounds` times, passing each one's messages through `tamper` first.
    func run(_ engine: ReferendumEngine, _ guardians: inout [GuardianCeremony], _ generator: inout SeededGenerator, rounds: Int = 6,
             tamper: (String, [CeremonyMessage]) -> [CeremonyMessage] = { $1 }) async throws {
        for _ in 0..<rounds {
            for index in guardians.indices {
                let messages = try guardians[index].step(try await engine.ceremonyBundle(), using: &generator)
                try await engine.acceptCeremony(tamper(guardians[index].id, messages), from: guardians[index].id)
            }
        }
    }

    @Test("honest guardians reach keys-ready; each holds a share that fits the others' commitments, and the server holds no secret")
    func honest() async throws {
        var (engine, guardians, generator) = try await announced(seed: 31)
        try await run(engine, &guardians, &generator)
        let setup = try await engine.setup()
        #expect(setup.state == .keysReady)
        let election = try #require(setup.election)
        for guardian in guardians {
            let secret = try #require(guardian.secret)
            #expect(secret.extendedBaseHash == election.extendedBaseHash)
            #expect(GroupParameters.gTable.power(secret.keyShare) == election.guardians.shareKey(of: secret.xCoordinate),
                    "g^s_i is the share key the public commitments give")
        }
        // Nothing the server stores holds a coefficient or a key share.
        let stored = String(decoding: try JSONEncoder().encode(setup), as: UTF8.self)
        for secret in guardians.compactMap(\.secret) {
            for value in secret.coefficients + [secret.keyShare] { #expect(!stored.contains(value.hex), "\(secret.id)") }
        }
    }

    @Test("a corrupted share draws a complaint naming its sender; a reveal that does not match stops the ceremony naming it")
    func corruptedShare() async throws {
        var (engine, guardians, generator) = try await announced(seed: 32)
        let honestKeys = guardians[1].publicKeys
        let liar = KeyCeremonyGuardian(id: "guardian2", xCoordinate: 2, polynomial: .random(quorum: 2, using: &generator),
                                       publicKeys: honestKeys, parameterBaseHash: ElectionHashes.parameterBaseHash())
        var nonceSource = SeededGenerator(seed: 5)
        let receiverKeys = guardians[2].publicKeys
        let bundle = { try await engine.ceremonyBundle() }
        await #expect(throws: ReferendumError.self) {
            try await run(engine, &guardians, &generator) { sender, messages in
                guard sender == "guardian2" else { return messages }
                return messages.map { message in
                    switch message {
                    case .share(let share) where share.receiverId == "guardian3":
                        return .share(liar.encryptShare(for: receiverKeys, nonce: .random(using: &nonceSource)))
                    case .reveal(let reveal):
                        return .reveal(ShareReveal(sender: reveal.sender, receiver: reveal.receiver, value: liar.polynomial.value(at: 3)))
                    default:
                        return message
                    }
                }
            }
        }
        let log = try await bundle().log
        #expect(log.complaint(by: "guardian3", about: "guardian2") != nil, "guardian3 complained about guardian2")
        #expect(log.stopped?.contains("guardian2 is at fault") == true, "\(log.stopped ?? "not stopped")")
        #expect(try await engine.setup().state == .announced)
    }

    @Test("a share garbled on the way draws a complaint; its honest sender's reveal clears it and the ceremony finishes")
    func garbledShareResolved() async throws {
        var (engine, guardians, generator) = try await announced(seed: 33)
        try await run(engine, &guardians, &generator) { sender, messages in
            guard sender == "guardian1" else { return messages }
            return messages.map { message in
                guard case .share(let share) = message, share.receiverId == "guardian2" else { return message }
                var bytes = share.ciphertext.c1
                bytes[0] ^= 0xFF
                return .share(EncryptedKeyShare(senderId: share.senderId, senderCoordinate: share.senderCoordinate, receiverId: share.receiverId,
                                                receiverCoordinate: share.receiverCoordinate,
                                                ciphertext: HashedElGamalCiphertext(c0: share.ciphertext.c0, c1: bytes, c2: share.ciphertext.c2,
                                                                                    numBytes: share.ciphertext.numBytes)))
            }
        }
        let log = try await engine.ceremonyBundle().log
        #expect(log.complaint(by: "guardian2", about: "guardian1") != nil)
        #expect(log.reveal(from: "guardian1", to: "guardian2") != nil)
        #expect(log.stopped == nil)
        #expect(try await engine.setup().state == .keysReady)
    }

    @Test("messages are refused when sent for another guardian, out of turn, or with proofs that fail")
    func refusals() async throws {
        var (engine, guardians, generator) = try await announced(seed: 34)
        let keys = guardians[0].publicKeys
        await #expect(throws: ReferendumError.self) { try await engine.acceptCeremony([.publicKeys(keys)], from: "guardian2") }
        let confirmation = KeyConfirmation(guardian: "guardian1", jointPublicKey: .g, extendedBaseHash: try UInt256(bytes: Array(repeating: 1, count: 32)))
        await #expect(throws: ReferendumError.self) { try await engine.acceptCeremony([.confirmation(confirmation)], from: "guardian1") }
        var proofs = keys.coefficientProofs
        proofs.swapAt(0, 1)
        let shuffled = GuardianPublicKeys(id: keys.id, xCoordinate: keys.xCoordinate, coefficientProofs: proofs)
        await #expect(throws: ReferendumError.self) { try await engine.acceptCeremony([.publicKeys(shuffled)], from: "guardian1") }
        #expect(try await engine.ceremonyBundle().log.publicKeys.isEmpty, "nothing refused was kept")
        try await run(engine, &guardians, &generator, rounds: 1)
        // Another key for a guardian that has published: refused.
        let other = try GuardianCeremony.start(try await engine.ceremonyBundle(), guardian: "guardian1", using: &generator)
        await #expect(throws: ReferendumError.self) { try await engine.acceptCeremony([.publicKeys(other.publicKeys)], from: "guardian1") }
        let text = String(decoding: try JSONEncoder().encode(try await engine.ceremonyBundle()), as: UTF8.self)
        #expect(try JSONDecoder().decode(CeremonyBundle.self, from: Data(text.utf8)) == (try await engine.ceremonyBundle()))
    }
}
