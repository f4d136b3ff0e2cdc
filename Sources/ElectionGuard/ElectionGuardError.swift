/// What went wrong in the ElectionGuard layer, with the field or party it concerns.
public enum ElectionGuardError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Text that should be hexadecimal is empty, of odd length, or holds a non-hex character.
    case invalidHex(field: String)
    /// A byte string has the wrong length for its type.
    case wrongLength(field: String, expected: Int, actual: Int)
    /// A number is not below its modulus (`bound` is "p" or "q") or is zero where zero is not allowed.
    case outOfRange(field: String, bound: String)
    /// A number mod p is not in the order-q subgroup Z_p^r (x^q mod p != 1).
    case notInSubgroup(field: String)
    /// Election parameters that cannot work (quorum above the number of guardians, and the like).
    case invalidParameters(String)
    /// A guardian's key share for another guardian does not match the sender's commitments (spec 3.2.2 complaint).
    case shareComplaint(sender: String, receiver: String, reason: String)
    /// A guardian's coefficient commitments or proofs fail.
    case invalidGuardianKey(guardian: String, reason: String)
    /// Fewer guardians took part in a decryption than the quorum needs.
    case notEnoughGuardians(present: Int, quorum: Int)
    /// A proof attached to a value does not verify.
    case invalidProof(what: String)
    /// A decrypted value is not g^t or K^t for any t up to the bound searched.
    case discreteLogNotFound(field: String, bound: Int)
    /// A ballot refers to a contest or selection the manifest lacks, or breaks a contest's limit.
    case invalidBallot(String)
    /// A hashed-ElGamal ciphertext fails its MAC (wrong key or tampered).
    case macMismatch(what: String)

    public var description: String {
        switch self {
        case .invalidHex(let field): "\(field): not valid hexadecimal"
        case .wrongLength(let field, let expected, let actual):
            "\(field): expected \(expected) bytes, found \(actual)"
        case .outOfRange(let field, let bound): "\(field): value out of range (must be in 0..<\(bound))"
        case .notInSubgroup(let field): "\(field): not an element of the order-q subgroup of Z_p"
        case .invalidParameters(let reason): "invalid election parameters: \(reason)"
        case .shareComplaint(let sender, let receiver, let reason):
            "complaint: the key share from guardian \(sender) to guardian \(receiver) does not verify: \(reason)"
        case .invalidGuardianKey(let guardian, let reason): "guardian \(guardian): \(reason)"
        case .notEnoughGuardians(let present, let quorum):
            "\(present) guardians present, quorum is \(quorum)"
        case .invalidProof(let what): "proof does not verify: \(what)"
        case .discreteLogNotFound(let field, let bound):
            "\(field): decrypted value is not an exponent in 0...\(bound)"
        case .invalidBallot(let reason): "invalid ballot: \(reason)"
        case .macMismatch(let what): "\(what): MAC does not match (wrong key or altered ciphertext)"
        }
    }
}
