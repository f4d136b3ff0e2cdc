/// Runs the key ceremony of n guardians with quorum k in one place (spec 3.2): every guardian's proofs
/// are checked, every pair exchanges an encrypted share, every share is checked by its receiver, and
/// each guardian ends with its key share s_ℓ = Σ_i P_i(ℓ).
public enum KeyCeremony {
    /// The public result and each guardian's secret key share.
    public struct Result: Sendable {
        /// Every guardian's commitments and proofs, in coordinate order.
        public let guardians: [GuardianPublicKeys]
        /// K = Π K_i,0.
        public let jointPublicKey: ElementModP
        /// The shares exchanged (public: they are encrypted).
        public let shares: [EncryptedKeyShare]
        /// Each guardian's key share, for its key file only.
        public let keyShares: [DecryptingGuardian]
    }

    /// Runs the exchange among `guardians`.
    /// - Throws: `invalidParameters` for a bad n/k or duplicate coordinates, `invalidGuardianKey` for a
    ///   proof that fails, `shareComplaint` naming the two guardians when a share does not verify.
    public static func run<R: RandomNumberGenerator>(
        guardians: [KeyCeremonyGuardian], quorum: Int, using generator: inout R
    ) throws -> Result {
        try validate(count: guardians.count, quorum: quorum, coordinates: guardians.map(\.xCoordinate))
        let ordered = guardians.sorted { $0.xCoordinate < $1.xCoordinate }
        for guardian in ordered {
            try guardian.publicKeys.validate(quorum: quorum, parameterBaseHash: guardian.parameterBaseHash,
                                             dialect: guardian.dialect)
        }
        var shares = [EncryptedKeyShare]()
        var received = [Int: ElementModQ]()
        for receiver in ordered {
            var sum = receiver.polynomial.value(at: receiver.xCoordinate)
            for sender in ordered where sender.xCoordinate != receiver.xCoordinate {
                let share = sender.encryptShare(for: receiver.publicKeys, nonce: .random(using: &generator))
                shares.append(share)
                sum = sum + (try receiver.receiveShare(share, from: sender.publicKeys))
            }
            received[receiver.xCoordinate] = sum
        }
        let publicKeys = ordered.map(\.publicKeys)
        return Result(
            guardians: publicKeys,
            jointPublicKey: publicKeys.jointPublicKey,
            shares: shares,
            keyShares: ordered.map {
                DecryptingGuardian(id: $0.id, xCoordinate: $0.xCoordinate, keyShare: received[$0.xCoordinate]!)
            }
        )
    }

    /// Checks n, k and the coordinates (1...n, distinct).
    public static func validate(count: Int, quorum: Int, coordinates: [Int]) throws {
        guard count >= 1 else { throw ElectionGuardError.invalidParameters("no guardians") }
        guard (1...count).contains(quorum) else {
            throw ElectionGuardError.invalidParameters("quorum \(quorum) must be between 1 and the \(count) guardians")
        }
        guard Set(coordinates).count == coordinates.count, coordinates.allSatisfy({ $0 >= 1 }) else {
            throw ElectionGuardError.invalidParameters("guardian coordinates must be distinct and at least 1: \(coordinates)")
        }
    }
}
