import Crypto

/// The hash function of ElectionGuard (spec 3.1.3): H(key; x1, x2, ...) = HMAC-SHA-256(key, x1 ‖ x2 ‖ ...).
public enum ElectionHash {
    /// H(key; parts) as 32 bytes.
    public static func hash(_ key: UInt256, _ parts: any HashEncodable...) -> UInt256 {
        hash(key: key.bytes, parts)
    }

    /// H with a key given as raw bytes and the parts as an array.
    public static func hash(key: [UInt8], _ parts: [any HashEncodable]) -> UInt256 {
        var message = [UInt8]()
        message.reserveCapacity(parts.count * 64)
        for part in parts { part.appendHashEncoding(to: &message) }
        return hmac(key: key, message: message)
    }

    /// H(key; parts) mod q: a hash used as an exponent or challenge.
    public static func hashModQ(_ key: UInt256, _ parts: any HashEncodable...) -> ElementModQ {
        hash(key: key.bytes, parts).modQ
    }

    /// HMAC-SHA-256 of `message` under `key`.
    public static func hmac(key: [UInt8], message: [UInt8]) -> UInt256 {
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
        return UInt256(exactly: Array(code))
    }
}
