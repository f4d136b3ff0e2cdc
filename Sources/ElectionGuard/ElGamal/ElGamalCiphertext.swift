/// An exponential ElGamal ciphertext (α, β) = (g^ξ, K^(σ+ξ)) of a small integer σ (spec 3.3).
/// Multiplying ciphertexts adds their plaintexts.
public struct ElGamalCiphertext: Sendable, Hashable, Codable {
    /// α = g^ξ.
    public let pad: ElementModP
    /// β = K^(σ+ξ).
    public let data: ElementModP

    public init(pad: ElementModP, data: ElementModP) {
        self.pad = pad
        self.data = data
    }

    /// The encryption of 0 with nonce 0, the neutral element of homomorphic addition.
    public static let zero = ElGamalCiphertext(pad: .one, data: .one)

    /// Component-wise product: an encryption of the sum of the two plaintexts.
    public static func + (a: ElGamalCiphertext, b: ElGamalCiphertext) -> ElGamalCiphertext {
        ElGamalCiphertext(pad: a.pad * b.pad, data: a.data * b.data)
    }

    /// The product of all `ciphertexts` (zero for none).
    public static func sum<S: Sequence>(_ ciphertexts: S) -> ElGamalCiphertext where S.Element == ElGamalCiphertext {
        ciphertexts.reduce(.zero, +)
    }
}
