/// What guardians decrypt: a selection's ElGamal ciphertext, or a contest's hashed-ElGamal data
/// (challenged ballots). Both are opened by M = A^s for their pad A; they differ in the proof's hash.
public enum DecryptionTarget: Sendable, Hashable {
    case ciphertext(ElGamalCiphertext)
    case contestData(HashedElGamalCiphertext)

    /// A: α of the ciphertext, or C0 of the contest data.
    public var pad: ElementModP {
        switch self {
        case .ciphertext(let ciphertext): ciphertext.pad
        case .contestData(let data): data.c0
        }
    }

    /// The proof's challenge for commitments (a, b) and M (spec equations 70 and 78, as egk hashes them):
    /// H(H_E; 0x30, K, A, B, a, b, M) for a ciphertext;
    /// H(H_E; 0x31, K, C0, hex(C1) as text, C2, a, b, β) for contest data.
    func challenge(a: ElementModP, b: ElementModP, share: ElementModP, publicKey: ElementModP, extendedBaseHash: UInt256) -> ElementModQ {
        switch self {
        case .ciphertext(let ciphertext):
            ElectionHash.hashModQ(extendedBaseHash, UInt8(0x30), publicKey, ciphertext.pad, ciphertext.data, a, b, share)
        case .contestData(let data):
            ElectionHash.hashModQ(extendedBaseHash, UInt8(0x31), publicKey, data.c0, Base16.encode(data.c1), data.c2, a, b, share)
        }
    }
}
