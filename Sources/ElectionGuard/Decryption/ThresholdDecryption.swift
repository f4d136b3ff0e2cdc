/// A decrypted value with what proves it: T = K^t, M = A^s and the Chaum–Pedersen proof.
public struct DecryptedValue: Sendable, Hashable, Codable {
    /// t.
    public let value: Int
    /// T = B / M = K^t (egk's field "b_over_m").
    public let power: ElementModP
    /// M = Π M_i^w_i.
    public let share: ElementModP
    public let proof: DecryptionProof

    public init(value: Int, power: ElementModP, share: ElementModP, proof: DecryptionProof) {
        self.value = value
        self.power = power
        self.share = share
        self.proof = proof
    }
}

/// Decryption by a quorum of guardians (spec 3.6): combines k or more guardians' partial decryptions
/// with Lagrange coefficients and assembles the joint proof from their responses, checking each
/// guardian's part so that a bad share is rejected with the guardian's name.
///
/// The protocol has two rounds. Round 1: each guardian present sends `PartialDecryption`s (M_i and
/// commitments a_i, b_i; `DecryptingGuardian.partialDecrypt`). Then `challenge` combines them. Round 2:
/// each guardian answers its challenge c_i (`DecryptingGuardian.respond`). Then `combine` checks
/// every answer and yields M with the joint proof.
public enum ThresholdDecryption {
    /// The administrator's step between the guardians' two rounds, for one target.
    public struct Challenge: Sendable, Hashable {
        /// M = Π M_i^w_i.
        public let combinedShare: ElementModP
        /// c = the target's hash of (K, A, ..., Π a_i, Π b_i, M).
        public let challenge: ElementModQ
        /// c_i = c·w_i for each guardian present, by coordinate.
        public let guardianChallenges: [Int: ElementModQ]

        public init(combinedShare: ElementModP, challenge: ElementModQ, guardianChallenges: [Int: ElementModQ]) {
            self.combinedShare = combinedShare
            self.challenge = challenge
            self.guardianChallenges = guardianChallenges
        }
    }

    /// Combines the round-1 partial decryptions of one target and derives each guardian's challenge.
    /// - Throws: `notEnoughGuardians` below the quorum; `invalidParameters` for a guardian appearing twice.
    public static func challenge(
        for target: DecryptionTarget, partials: [PartialDecryption], quorum: Int,
        publicKey: ElGamalPublicKey, extendedBaseHash: UInt256
    ) throws -> Challenge {
        let coordinates = partials.map(\.xCoordinate)
        guard partials.count >= quorum else { throw ElectionGuardError.notEnoughGuardians(present: partials.count, quorum: quorum) }
        guard Set(coordinates).count == coordinates.count else {
            throw ElectionGuardError.invalidParameters("a guardian appears twice among \(coordinates)")
        }
        var combined = ElementModP.one, a = ElementModP.one, b = ElementModP.one
        var weights = [Int: ElementModQ]()
        for partial in partials {
            let weight = Lagrange.coefficient(for: partial.xCoordinate, among: coordinates)
            weights[partial.xCoordinate] = weight
            combined = combined * partial.share.power(weight)
            a = a * partial.commitmentA
            b = b * partial.commitmentB
        }
        let c = target.challenge(a: a, b: b, share: combined, publicKey: publicKey.key, extendedBaseHash: extendedBaseHash)
        return Challenge(combinedShare: combined, challenge: c, guardianChallenges: weights.mapValues { c * $0 })
    }

    /// Checks every guardian's round-2 response and assembles the joint proof.
    /// - Parameter shareKeys: g^s_i for each guardian present, by coordinate (`[GuardianPublicKeys].shareKey(of:)`).
    /// - Returns: M and the proof.
    /// - Throws: `invalidProof` naming the guardian whose response fails or is missing.
    public static func combine(
        _ target: DecryptionTarget, partials: [PartialDecryption], challenge: Challenge,
        responses: [Int: ElementModQ], shareKeys: [Int: ElementModP], field: String = "value"
    ) throws -> (share: ElementModP, proof: DecryptionProof) {
        var response = ElementModQ.zero
        for partial in partials {
            guard let v = responses[partial.xCoordinate], let c = challenge.guardianChallenges[partial.xCoordinate],
                  let key = shareKeys[partial.xCoordinate],
                  partial.verify(response: v, challenge: c, target: target, shareKey: key)
            else {
                throw ElectionGuardError.invalidProof(
                    what: "\(field): partial decryption by guardian \(partial.guardianId) (coordinate \(partial.xCoordinate))")
            }
            response = response + v
        }
        return (challenge.combinedShare, DecryptionProof(challenge: challenge.challenge, response: response))
    }

    /// T = B / M and t = log_K T.
    /// - Throws: `discreteLogNotFound` when t is not in 0...bound.
    public static func value(
        of ciphertext: ElGamalCiphertext, share: ElementModP, proof: DecryptionProof,
        discreteLog: DiscreteLog, bound: Int, field: String = "value"
    ) throws -> DecryptedValue {
        let power = ciphertext.data * share.inverse
        guard let value = discreteLog.log(power, bound: bound) else {
            throw ElectionGuardError.discreteLogNotFound(field: field, bound: bound)
        }
        return DecryptedValue(value: value, power: power, share: share, proof: proof)
    }

    /// Both rounds in one process, for guardians present together (tests, the demo): M and the proof
    /// for every target, in order.
    public static func run<R: RandomNumberGenerator>(
        _ targets: [DecryptionTarget], guardians: [DecryptingGuardian], publicKeys: [GuardianPublicKeys],
        quorum: Int, publicKey: ElGamalPublicKey, extendedBaseHash: UInt256, label: String = "target",
        using generator: inout R
    ) throws -> [(share: ElementModP, proof: DecryptionProof)] {
        let shareKeys = Dictionary(uniqueKeysWithValues: guardians.map { ($0.xCoordinate, publicKeys.shareKey(of: $0.xCoordinate)) })
        return try targets.enumerated().map { index, target in
            let nonces = guardians.map { _ in ElementModQ.random(using: &generator) }
            let partials = zip(guardians, nonces).map { $0.partialDecrypt(target, nonce: $1) }
            let challenge = try challenge(for: target, partials: partials, quorum: quorum,
                                          publicKey: publicKey, extendedBaseHash: extendedBaseHash)
            var responses = [Int: ElementModQ]()
            for (guardian, nonce) in zip(guardians, nonces) {
                responses[guardian.xCoordinate] = guardian.respond(nonce: nonce, challenge: challenge.guardianChallenges[guardian.xCoordinate]!)
            }
            return try combine(target, partials: partials, challenge: challenge, responses: responses,
                               shareKeys: shareKeys, field: "\(label) \(index)")
        }
    }

    /// Decrypts ciphertexts with guardians present together: `run` followed by `value` for each.
    public static func decrypt<R: RandomNumberGenerator>(
        _ ciphertexts: [ElGamalCiphertext], guardians: [DecryptingGuardian], publicKeys: [GuardianPublicKeys],
        quorum: Int, publicKey: ElGamalPublicKey, extendedBaseHash: UInt256, discreteLog: DiscreteLog, bound: Int,
        using generator: inout R
    ) throws -> [DecryptedValue] {
        let combined = try run(ciphertexts.map(DecryptionTarget.ciphertext), guardians: guardians, publicKeys: publicKeys,
                               quorum: quorum, publicKey: publicKey, extendedBaseHash: extendedBaseHash,
                               label: "ciphertext", using: &generator)
        return try zip(ciphertexts, combined).enumerated().map { index, pair in
            try value(of: pair.0, share: pair.1.share, proof: pair.1.proof, discreteLog: discreteLog, bound: bound,
                      field: "ciphertext \(index)")
        }
    }
}
