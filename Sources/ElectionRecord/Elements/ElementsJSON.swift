// The sub-objects shared by the record's files (record-format.md §7.1, "Shared sub-objects").
// Property names are the JSON keys and their order is egk's, which the writer reproduces.

/// An ElGamal ciphertext: `pad` α and `data` β, each 1024 hex digits.
public struct ElGamalCiphertextJSON: Codable, Sendable, Hashable {
    /// The `pad` field.
    public var pad: String
    /// The `data` field.
    public var data: String

    /// Memberwise, with the values as the file holds them.
    public init(pad: String, data: String) {
        self.pad = pad
        self.data = data
    }
}

/// One Chaum–Pedersen proof part: a challenge and a response, each 64 hex digits.
public struct ChaumPedersenJSON: Codable, Sendable, Hashable {
    /// The `challenge` field.
    public var challenge: String
    /// The `response` field.
    public var response: String

    /// Memberwise, with the values as the file holds them.
    public init(challenge: String, response: String) {
        self.challenge = challenge
        self.response = response
    }
}

/// A range proof: one Chaum–Pedersen part for each value 0...limit.
public struct RangeProofJSON: Codable, Sendable, Hashable {
    /// The `proofs` field.
    public var proofs: [ChaumPedersenJSON]

    /// Memberwise, with the values as the file holds them.
    public init(proofs: [ChaumPedersenJSON]) {
        self.proofs = proofs
    }
}

/// A hashed-ElGamal ciphertext: C0 (mod p), C1 (hex bytes, whole 32-byte blocks), C2 (MAC), and the
/// plaintext length `numBytes`.
public struct HashedElGamalCiphertextJSON: Codable, Sendable, Hashable {
    /// The `c0` field.
    public var c0: String
    /// The `c1` field.
    public var c1: String
    /// The `c2` field.
    public var c2: String
    /// The `numBytes` field.
    public var numBytes: Int

    /// Memberwise, with the values as the file holds them.
    public init(c0: String, c1: String, c2: String, numBytes: Int) {
        self.c0 = c0
        self.c1 = c1
        self.c2 = c2
        self.numBytes = numBytes
    }
}

/// A guardian's Schnorr proof for one coefficient: the commitment K_i,j, challenge and response.
public struct SchnorrProofJSON: Codable, Sendable, Hashable {
    /// The `public_key` field.
    public var public_key: String
    /// The `challenge` field.
    public var challenge: String
    /// The `response` field.
    public var response: String

    /// Memberwise, with the values as the file holds them.
    public init(public_key: String, challenge: String, response: String) {
        self.public_key = public_key
        self.challenge = challenge
        self.response = response
    }
}
