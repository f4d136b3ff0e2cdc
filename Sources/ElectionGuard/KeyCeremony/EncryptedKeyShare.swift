/// P_i(ℓ), guardian i's polynomial at guardian ℓ's coordinate, encrypted to ℓ's public key K_ℓ
/// (spec 3.2.2, equations 13–15).
public struct EncryptedKeyShare: Sendable, Hashable, Codable {
    /// The sender i.
    public let senderId: String
    public let senderCoordinate: Int
    /// The receiver ℓ.
    public let receiverId: String
    public let receiverCoordinate: Int
    public let ciphertext: HashedElGamalCiphertext

    public init(senderId: String, senderCoordinate: Int, receiverId: String, receiverCoordinate: Int,
                ciphertext: HashedElGamalCiphertext) {
        self.senderId = senderId
        self.senderCoordinate = senderCoordinate
        self.receiverId = receiverId
        self.receiverCoordinate = receiverCoordinate
        self.ciphertext = ciphertext
    }

    /// The key schedule for a share from i to ℓ, given the shared secret β = K_ℓ^ξ.
    static func keys(
        sender: Int, receiver: Int, receiverKey: ElementModP, alpha: ElementModP, beta: ElementModP,
        parameterBaseHash: UInt256, dialect: ProtocolDialect
    ) -> HashedElGamalKeys {
        let secret = ElectionHash.hash(
            parameterBaseHash, UInt8(0x11), dialect.index(sender), dialect.index(receiver), receiverKey, alpha, beta)
        var context = Array(dialect.shareEncryptionContext.utf8)
        dialect.index(sender).appendHashEncoding(to: &context)
        dialect.index(receiver).appendHashEncoding(to: &context)
        return HashedElGamalKeys(
            secret: secret, counterWidth: 1, counterOffset: 1, label: dialect.shareEncryptionLabel,
            context: context, length: FixedWidthInteger(512, width: 2))
    }
}
