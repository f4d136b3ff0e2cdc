import ElectionGuard

/// Verification 8 (spec 2.0.0 §3.5): the encrypted tally of an option is the product of the CAST
/// ballots' encryptions of it.
enum AggregationEquations {
    /// The empty product (1, 1).
    static let none = ElGamalCiphertext(pad: .one, data: .one)

    /// 8.A and 8.B, equation (2): (A, B) = (α_1 · α_2 mod p, β_1 · β_2 mod p).
    static func product(_ a: ElGamalCiphertext, _ b: ElGamalCiphertext) -> ElGamalCiphertext {
        ElGamalCiphertext(pad: a.pad * b.pad, data: a.data * b.data)
    }
}
