/// A value with a byte encoding for the hash H (spec 3.1.3 and docs/electionguard-2.0-encodings.md §1).
public protocol HashEncodable {
    /// Appends this value's encoding, without any length prefix.
    func appendHashEncoding(to buffer: inout [UInt8])
}

/// Elements mod p: 512 bytes, big-endian, left-padded with zeros.
extension ElementModP: HashEncodable {
    public func appendHashEncoding(to buffer: inout [UInt8]) { buffer.append(contentsOf: bytes) }
}

/// Elements mod q: 32 bytes, big-endian, left-padded with zeros.
extension ElementModQ: HashEncodable {
    public func appendHashEncoding(to buffer: inout [UInt8]) { buffer.append(contentsOf: bytes) }
}

/// Hash values: their 32 bytes.
extension UInt256: HashEncodable {
    public func appendHashEncoding(to buffer: inout [UInt8]) { buffer.append(contentsOf: bytes) }
}

/// A single byte: the domain separators 0x00, 0x10, 0x21, ...
extension UInt8: HashEncodable {
    public func appendHashEncoding(to buffer: inout [UInt8]) { buffer.append(self) }
}

/// Strings: their UTF-8 bytes, no length, no terminator.
extension String: HashEncodable {
    public func appendHashEncoding(to buffer: inout [UInt8]) { buffer.append(contentsOf: utf8) }
}

/// Byte strings: as they are.
extension Array: HashEncodable where Element == UInt8 {
    public func appendHashEncoding(to buffer: inout [UInt8]) { buffer.append(contentsOf: self) }
}

/// An integer in a fixed number of bytes, big-endian (2 or 4 bytes in ElectionGuard) or little-endian.
public struct FixedWidthInteger: HashEncodable, Sendable {
    public let value: Int
    public let width: Int
    public let littleEndian: Bool

    /// `value` in `width` bytes; `littleEndian` only where egk's nonce sequences need it.
    public init(_ value: Int, width: Int, littleEndian: Bool = false) {
        self.value = value
        self.width = width
        self.littleEndian = littleEndian
    }

    public func appendHashEncoding(to buffer: inout [UInt8]) {
        let bytes = (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        buffer.append(contentsOf: littleEndian ? bytes : bytes.reversed())
    }
}
