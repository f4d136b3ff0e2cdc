/// A hashed-ElGamal ciphertext (spec 3.2.2 share encryption and 3.3.3 contest data): C0 = g^ξ carries
/// the key agreement, C1 is the message XORed with HMAC-derived key blocks, C2 authenticates both.
public struct HashedElGamalCiphertext: Sendable, Hashable, Codable {
    /// C0 = α = g^ξ.
    public let c0: ElementModP
    /// C1, the encrypted message in whole 32-byte blocks.
    public let c1: [UInt8]
    /// C2 = HMAC(k_0, C0 ‖ C1).
    public let c2: UInt256
    /// The length of the message before padding to whole blocks.
    public let numBytes: Int

    public init(c0: ElementModP, c1: [UInt8], c2: UInt256, numBytes: Int) {
        self.c0 = c0
        self.c1 = c1
        self.c2 = c2
        self.numBytes = numBytes
    }
}

/// The key schedule shared by both uses of hashed ElGamal: k_i = HMAC(k, counter(i) ‖ label ‖ 0x00 ‖
/// context ‖ length) (NIST SP 800-108 counter mode). Key 0 keys the MAC, keys 1... encrypt the blocks;
/// the counter hashed for key i is i + `counterOffset` (share encryption counts from 1, contest data from 0).
struct HashedElGamalKeys {
    let secret: UInt256
    let counterWidth: Int
    let counterOffset: Int
    let label: String
    let context: [UInt8]
    let length: FixedWidthInteger

    func key(_ index: Int) -> [UInt8] {
        var message = [UInt8]()
        FixedWidthInteger(index + counterOffset, width: counterWidth).appendHashEncoding(to: &message)
        message += Array(label.utf8) + [0x00] + context
        length.appendHashEncoding(to: &message)
        return ElectionHash.hmac(key: secret.bytes, message: message).bytes
    }

    /// Encrypts `message` (any length; the last block is zero-padded) under these keys with C0 = `pad`.
    func encrypt(_ message: [UInt8], pad: ElementModP) -> HashedElGamalCiphertext {
        let blockCount = max(1, (message.count + 31) / 32)
        var padded = message + [UInt8](repeating: 0, count: blockCount * 32 - message.count)
        for block in 0..<blockCount {
            let keyBlock = key(block + 1)
            for offset in 0..<32 { padded[block * 32 + offset] ^= keyBlock[offset] }
        }
        let mac = ElectionHash.hmac(key: key(0), message: pad.bytes + padded)
        return HashedElGamalCiphertext(c0: pad, c1: padded, c2: mac, numBytes: message.count)
    }

    /// The message, or nil when the MAC does not match.
    func decrypt(_ ciphertext: HashedElGamalCiphertext) -> [UInt8]? {
        guard ciphertext.c1.count % 32 == 0, ciphertext.numBytes <= ciphertext.c1.count,
              ElectionHash.hmac(key: key(0), message: ciphertext.c0.bytes + ciphertext.c1) == ciphertext.c2
        else { return nil }
        var plain = ciphertext.c1
        for block in 0..<(plain.count / 32) {
            let keyBlock = key(block + 1)
            for offset in 0..<32 { plain[block * 32 + offset] ^= keyBlock[offset] }
        }
        return Array(plain.prefix(ciphertext.numBytes))
    }
}
