/// A public key K = g^s with its fixed-base table, so that encryptions cost table lookups.
public struct ElGamalPublicKey: Sendable, Hashable {
    /// K.
    public let key: ElementModP
    /// Precomputed powers of K, built once and shared.
    public let table: FixedBaseTable

    /// Wraps `key` and builds its table (about half a second for the default window).
    public init(_ key: ElementModP, windowBits: Int = FixedBaseTable.defaultWindowBits) {
        self.key = key
        self.table = FixedBaseTable(base: key, windowBits: windowBits)
    }

    /// K^e.
    public func power(_ e: ElementModQ) -> ElementModP { table.power(e) }

    /// Encrypts `vote` with `nonce`: (g^ξ, K^(σ+ξ)) (spec 3.3, equation 24).
    public func encrypt(_ vote: Int, nonce: ElementModQ) -> ElGamalCiphertext {
        precondition(vote >= 0, "ElGamal plaintexts are non-negative")
        return ElGamalCiphertext(
            pad: GroupParameters.gTable.power(nonce),
            data: table.power(nonce + ElementModQ(UInt(vote)))
        )
    }

    public static func == (a: ElGamalPublicKey, b: ElGamalPublicKey) -> Bool { a.key == b.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// A secret key s with its public key K = g^s.
public struct ElGamalKeyPair: Sendable {
    /// s, secret.
    public let secretKey: ElementModQ
    public let publicKey: ElGamalPublicKey

    /// The key pair of `secretKey`.
    public init(secretKey: ElementModQ) {
        self.secretKey = secretKey
        self.publicKey = ElGamalPublicKey(ElementModP.g.powerSecret(secretKey))
    }
}

extension ElGamalCiphertext {
    /// K^σ = β / α^s, for the holder of the whole secret key s.
    public func decryptToPower(secretKey: ElementModQ) -> ElementModP {
        data * pad.powerSecret(secretKey).inverse
    }

    /// K^σ = β / K^ξ, for whoever knows the encryption nonce ξ (spec 3.6.5, decryption with nonce).
    public func decryptToPower(nonce: ElementModQ, publicKey: ElGamalPublicKey) -> ElementModP {
        data * publicKey.power(nonce).inverse
    }
}
