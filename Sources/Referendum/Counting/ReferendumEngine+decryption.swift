import Foundation
import ElectionGuard

/// A guardian's side of decrypting the totals, run on the guardian's own machine with its own key
/// file: round 1 makes partial decryptions and keeps its nonces secret; round 2 answers the
/// challenges once and forgets the nonces.
public enum GuardianDecryption {
    /// Round 1 for every total. Returns the public round and the nonces to keep (secretly) for round 2.
    public static func round1<R: RandomNumberGenerator>(
        secret: GuardianSecret, totals: [EncryptedTotal], attempt: Int = 0, using generator: inout R
    ) -> (round: GuardianDecryptionRound, nonces: [ElementModQ]) {
        let guardian = secret.decryptingGuardian
        let nonces = totals.map { _ in ElementModQ.random(using: &generator) }
        let partials = zip(totals, nonces).map { guardian.partialDecrypt(.ciphertext($0.ciphertext), nonce: $1) }
        return (GuardianDecryptionRound(guardianId: secret.id, xCoordinate: secret.xCoordinate, round: .partials, partials: partials,
                                        attempt: attempt), nonces)
    }

    /// Round 2: v_i = u_i − c_i·s_i for each total.
    /// - Throws: `guardian` when the number of challenges does not match the nonces kept.
    public static func round2(secret: GuardianSecret, nonces: [ElementModQ], challenges: [ElementModQ], attempt: Int = 0) throws -> GuardianDecryptionRound {
        guard nonces.count == challenges.count else {
            throw ReferendumError.guardian(id: secret.id, reason: "\(challenges.count) challenges for \(nonces.count) partial decryptions")
        }
        let guardian = secret.decryptingGuardian
        return GuardianDecryptionRound(guardianId: secret.id, xCoordinate: secret.xCoordinate, round: .responses,
                                       responses: zip(nonces, challenges).map { guardian.respond(nonce: $0, challenge: $1) }, attempt: attempt)
    }
}

extension ReferendumEngine {
    /// The totals to decrypt, in order (after the count).
    public func decryptionTargets() async throws -> [EncryptedTotal] {
        let setup = try await setup()
        guard let count = setup.count else {
            throw ReferendumError.lifecycle(action: "decrypt", state: setup.state, required: [.counted])
        }
        return count.totals
    }

    /// The decryption's try (0 until a guardian is dropped) and the rounds sent for it.
    public func currentDecryptionRounds() async throws -> (attempt: Int, rounds: [GuardianDecryptionRound]) {
        let setup = try await setup()
        return (setup.decryptionAttempt, try await decryptionRounds(of: setup))
    }

    /// The rounds sent for `setup`'s current try of the decryption.
    func decryptionRounds(of setup: ReferendumSetup) async throws -> [GuardianDecryptionRound] {
        try await store.decryptionRounds().filter { $0.attempt == setup.decryptionAttempt }
    }

    /// Takes a guardian out of the decryption (one who sent round 1 and vanished, or whose answers
    /// fail): the decryption starts again among the others, each with a fresh round 1, because an
    /// answer to new challenges with the old nonces would reveal a guardian's key share.
    /// - Throws: `guardian` when fewer than the quorum would remain, or for an unknown or already
    ///   dropped guardian.
    public func dropGuardian(_ id: String, reason: String) async throws {
        let setup = try await setup()
        try Lifecycle.check(.decrypt, in: setup.state)
        guard let election = setup.election else { throw ReferendumError.counting("no count yet") }
        var progress = setup.decryptionProgress ?? DecryptionProgress()
        guard election.guardians.contains(where: { $0.id == id }) else { throw ReferendumError.guardian(id: id, reason: "not a guardian of this election") }
        guard !progress.dropped.contains(where: { $0.guardianId == id }) else { throw ReferendumError.guardian(id: id, reason: "already dropped") }
        let remaining = election.guardians.count - progress.dropped.count - 1
        guard remaining >= election.quorum else {
            throw ReferendumError.guardian(id: id, reason: "dropping it would leave \(remaining) guardians, fewer than the quorum of \(election.quorum)")
        }
        progress.attempt += 1
        progress.dropped.append(DroppedGuardian(guardianId: id, reason: String(reason.prefix(1_000)), at: clock.now()))
        let updated = progress
        try await store.transition(from: .counted, to: .counted, at: clock.now()) { $0.decryptionProgress = updated }
    }

    /// Accepts a guardian's round 1 after checking that it is a guardian of this election and that it
    /// sent one partial decryption per total, for the decryption's current try.
    public func submit(_ round: GuardianDecryptionRound) async throws {
        let setup = try await setup()
        try Lifecycle.check(.decrypt, in: setup.state)
        guard let election = setup.election, let count = setup.count else { throw ReferendumError.counting("no count yet") }
        guard let guardian = election.guardians.first(where: { $0.id == round.guardianId }),
              guardian.xCoordinate == round.xCoordinate else {
            throw ReferendumError.guardian(id: round.guardianId, reason: "not a guardian of this election (or wrong coordinate)")
        }
        let progress = setup.decryptionProgress ?? DecryptionProgress()
        if let dropped = progress.dropped.first(where: { $0.guardianId == round.guardianId }) {
            throw ReferendumError.guardian(id: round.guardianId, reason: "dropped from the decryption: \(dropped.reason)")
        }
        guard round.attempt == progress.attempt else {
            throw ReferendumError.guardian(id: round.guardianId, reason: "a round for try \(round.attempt); the decryption is at try "
                                           + "\(progress.attempt) (a guardian was dropped): send round 1 again, with fresh nonces")
        }
        // Every partial decryption names its own guardian: it must be this round's, or the challenges
        // (keyed by coordinate) would have no entry for it.
        if let stray = round.partials.first(where: { $0.guardianId != round.guardianId || $0.xCoordinate != round.xCoordinate }) {
            throw ReferendumError.guardian(id: round.guardianId, reason: "a partial decryption names guardian \(stray.guardianId) "
                                           + "at coordinate \(stray.xCoordinate), the round is \(round.guardianId)'s at \(round.xCoordinate)")
        }
        let expected = round.round == .partials ? round.partials.count : round.responses.count
        guard expected == count.totals.count else {
            throw ReferendumError.guardian(id: round.guardianId, reason: "\(expected) values for \(count.totals.count) totals")
        }
        let rounds = try await decryptionRounds(of: setup)
        switch round.round {
        case .responses:
            guard rounds.contains(where: { $0.guardianId == round.guardianId && $0.round == .partials }) else {
                throw ReferendumError.guardian(id: round.guardianId, reason: "round 2 before round 1")
            }
        case .partials:
            // Challenges depend on who took part; once a guardian has answered, the set is closed.
            if rounds.contains(where: { $0.round == .responses }) {
                let present = rounds.filter { $0.round == .partials }.map(\.guardianId).sorted()
                throw ReferendumError.guardian(id: round.guardianId,
                                               reason: "decryption is under way with \(present.joined(separator: ", ")); round 1 is closed")
            }
        }
        try await store.saveDecryptionRound(round)
    }

    /// The challenges of the guardians who sent round 1 (at least the quorum), one list per guardian
    /// by id. The same set of round-1 submissions always gives the same challenges.
    /// - Throws: `notEnoughGuardians` below the quorum.
    public func decryptionChallenges() async throws -> [String: [ElementModQ]] {
        let setup = try await setup()
        let rounds = try await decryptionRounds(of: setup)
        guard let election = setup.election, let count = setup.count else { throw ReferendumError.counting("no count yet") }
        let partials = rounds.filter { $0.round == .partials }.sorted { $0.xCoordinate < $1.xCoordinate }
        let publicKey = ElGamalPublicKey(election.jointPublicKey)
        var challenges = [String: [ElementModQ]]()
        for (index, total) in count.totals.enumerated() {
            let challenge = try ThresholdDecryption.challenge(
                for: .ciphertext(total.ciphertext), partials: partials.map { $0.partials[index] }, quorum: election.quorum,
                publicKey: publicKey, extendedBaseHash: election.extendedBaseHash)
            for round in partials {
                guard let mine = challenge.guardianChallenges[round.xCoordinate] else {
                    throw ReferendumError.guardian(id: round.guardianId, reason: "no challenge for coordinate \(round.xCoordinate)")
                }
                challenges[round.guardianId, default: []].append(mine)
            }
        }
        return challenges
    }

    /// Checks every guardian's answers, assembles the proofs, finds each total and moves
    /// counted -> decrypted.
    /// - Throws: `invalidProof` naming a guardian whose share is wrong (nothing is stored then).
    @discardableResult
    public func finishDecryption() async throws -> DecryptionResult {
        let setup = try await setup()
        let rounds = try await decryptionRounds(of: setup)
        try Lifecycle.check(.decrypt, in: setup.state)
        guard let election = setup.election, let count = setup.count else { throw ReferendumError.counting("no count yet") }
        let partials = rounds.filter { $0.round == .partials }.sorted { $0.xCoordinate < $1.xCoordinate }
        let responses = Dictionary(uniqueKeysWithValues: rounds.filter { $0.round == .responses }.map { ($0.xCoordinate, $0) })
        for round in partials where responses[round.xCoordinate] == nil {
            throw ReferendumError.guardian(id: round.guardianId, reason: "sent round 1 but not round 2 yet")
        }
        let publicKey = ElGamalPublicKey(election.jointPublicKey)
        let shareKeys = Dictionary(uniqueKeysWithValues: partials.map { ($0.xCoordinate, election.guardians.shareKey(of: $0.xCoordinate)) })
        let discreteLog = DiscreteLog(base: election.jointPublicKey)
        let bound = count.resolution.counted.count
        var values = [DecryptedValue]()
        for (index, total) in count.totals.enumerated() {
            let target = DecryptionTarget.ciphertext(total.ciphertext)
            let guardianPartials = partials.map { $0.partials[index] }
            let challenge = try ThresholdDecryption.challenge(
                for: target, partials: guardianPartials, quorum: election.quorum, publicKey: publicKey,
                extendedBaseHash: election.extendedBaseHash)
            let answers = responses.mapValues { $0.responses[index] }
            let field = "\(total.scope.key) \(total.option)"
            let combined = try ThresholdDecryption.combine(target, partials: guardianPartials, challenge: challenge,
                                                           responses: answers, shareKeys: shareKeys, field: field)
            values.append(try ThresholdDecryption.value(of: total.ciphertext, share: combined.share, proof: combined.proof,
                                                        discreteLog: discreteLog, bound: bound, field: field))
        }
        var decrypted = DecryptionResult(guardians: partials.map(\.xCoordinate), values: values, decryptedAt: clock.now())
        decrypted.dropped = setup.decryptionProgress?.dropped
        let result = decrypted
        try await store.transition(from: .counted, to: .decrypted, at: result.decryptedAt) { $0.decryption = result }
        return result
    }

    /// Both rounds with the given guardians present in this process (the demo, tests).
    @discardableResult
    public func decrypt<R: RandomNumberGenerator>(with secrets: [GuardianSecret], using generator: inout R) async throws -> DecryptionResult {
        let totals = try await decryptionTargets()
        let attempt = try await currentDecryptionRounds().attempt
        var nonces = [String: [ElementModQ]]()
        for secret in secrets {
            let (round, kept) = GuardianDecryption.round1(secret: secret, totals: totals, attempt: attempt, using: &generator)
            try await submit(round)
            nonces[secret.id] = kept
        }
        let challenges = try await decryptionChallenges()
        for secret in secrets {
            try await submit(try GuardianDecryption.round2(secret: secret, nonces: nonces[secret.id]!, challenges: challenges[secret.id]!,
                                                           attempt: attempt))
        }
        return try await finishDecryption()
    }
}
