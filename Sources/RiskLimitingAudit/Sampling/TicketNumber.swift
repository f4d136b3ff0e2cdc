import Crypto

/// Ticket numbers of Rivest's consistent sampler (the `consistent_sampler` package Arlo uses),
/// reproduced byte for byte.
///
/// A ticket number is a decimal fraction in (0, 1) written as a string `"0.ddd…"`. The exact bytes:
/// - `seedHash` = the lowercase hex of SHA-256(UTF-8 bytes of the seed string), 64 characters.
/// - `uniform(s)` = SHA-256(UTF-8 bytes of `s`) read as a big-endian 256-bit integer, written in
///   decimal with at least 64 digits (zero-padded on the left), the digits reversed, `"0."` in front.
/// - first ticket of an item = `uniform(seedHash + idText)` (no separator).
/// - next ticket after `x` (sampling with replacement): keep `x`'s leading run of 9s after `"0."`,
///   append the digits of `uniform(x + ":" + String(i))` for i = 1, 2, … until the result, compared
///   as a string, exceeds `x + "0"`.
/// - trimmed ticket (what Arlo shows and records) = the string up to the end of the leading run of
///   9s plus 18 more digits, truncated, not rounded.
public enum TicketNumber {
    /// The lowercase hex of SHA-256 over the UTF-8 bytes of `text`.
    public static func sha256Hex(_ text: String) -> String {
        let digest = SHA256.hash(data: Array(text.utf8))
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `"0."` followed by the reversed decimal digits (at least 64) of SHA-256(UTF-8 of `text`).
    public static func uniform(_ text: String) -> String {
        let digest = Array(SHA256.hash(data: Array(text.utf8)))
        var digits = decimalDigits(ofBigEndian: digest)
        while digits.count < 64 { digits.insert(UInt8(ascii: "0"), at: 0) }
        return "0." + String(decoding: digits.reversed(), as: UTF8.self)
    }

    /// The generation-1 ticket of the item whose id text is `idText`, given `seedHash = sha256Hex(seed)`.
    public static func first(idText: String, seedHash: String) -> String {
        uniform(seedHash + idText)
    }

    /// The next, larger ticket after `ticket` (consistent_sampler's `next_fraction`).
    public static func next(after ticket: String) -> String {
        let x0 = Array((ticket + "0").utf8)
        let keep = leadingNinesEnd(x0)
        var i = 0
        while true {
            i += 1
            let tail = uniform(ticket + ":" + String(i)).utf8.dropFirst(2)
            let y = Array(x0[..<keep]) + Array(tail)
            if x0.lexicographicallyPrecedes(y) { return String(decoding: y, as: UTF8.self) }
        }
    }

    /// `ticket` cut to its leading run of 9s plus `digits` more digits (consistent_sampler's `trim`).
    public static func trim(_ ticket: String, digits: Int = 18) -> String {
        let bytes = Array(ticket.utf8)
        let end = min(bytes.count, leadingNinesEnd(bytes + [UInt8(ascii: "0")]) + digits)
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// Whether ticket `a` comes before `b`: string order of their bytes, as Python compares them.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Index of the first digit after `"0."` that is not a 9 (the string must contain one).
    private static func leadingNinesEnd(_ bytes: [UInt8]) -> Int {
        var i = 2
        while i < bytes.count, bytes[i] == UInt8(ascii: "9") { i += 1 }
        return i
    }

    /// Decimal digits (ASCII, most significant first, no leading zeros) of a big-endian unsigned integer.
    static func decimalDigits(ofBigEndian bytes: [UInt8]) -> [UInt8] {
        // Limbs of 32 bits, most significant first; repeatedly divide by 10^9.
        var limbs = [UInt32]()
        var index = 0
        let padded = [UInt8](repeating: 0, count: (4 - bytes.count % 4) % 4) + bytes
        while index < padded.count {
            limbs.append(padded[index..<index + 4].reduce(0) { $0 << 8 | UInt32($1) })
            index += 4
        }
        var chunks = [UInt32]()
        while limbs.contains(where: { $0 != 0 }) {
            var remainder: UInt64 = 0
            for j in limbs.indices {
                let value = remainder << 32 | UInt64(limbs[j])
                limbs[j] = UInt32(value / 1_000_000_000)
                remainder = value % 1_000_000_000
            }
            chunks.append(UInt32(remainder))
        }
        guard let top = chunks.popLast() else { return [UInt8(ascii: "0")] }
        var text = String(top)
        for chunk in chunks.reversed() {
            let part = String(chunk)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return Array(text.utf8)
    }
}
