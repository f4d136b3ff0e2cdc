/// A deterministic sequence of exponents from a seed and a label, as egk derives the random values of
/// its proofs from the encryption nonce (docs/electionguard-2.0-encodings.md §5.2):
/// element j = H(H(seed; label); le4(j)) mod q.
///
/// Deriving the proof's randomness from the secret nonce (instead of drawing it) makes encryption
/// reproducible from the ballot nonce alone, which is what lets the vectors and a challenged ballot's
/// re-encryption be checked byte for byte. The nonce is secret and fresh per ballot, so the derived
/// values are as unpredictable as drawn ones.
public struct NonceSequence: Sendable {
    private let key: UInt256

    /// The sequence of `seed` under `label`.
    public init(seed: ElementModQ, label: String) {
        key = ElectionHash.hash(key: seed.bytes, [label])
    }

    /// Element `index` of the sequence.
    public subscript(index: Int) -> ElementModQ {
        ElectionHash.hash(key: key.bytes, [FixedWidthInteger(index, width: 4, littleEndian: true)]).modQ
    }
}
