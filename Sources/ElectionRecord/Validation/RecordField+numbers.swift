import ElectionGuard

/// Validating readers for the numbers of the record (record-format.md §2.2–2.3). Each takes the JSON
/// text of the field it is called on and throws an `ElectionRecordError` naming that field.
///
/// Hex is accepted in either case (egk writes upper case, its reader accepts both) but must have the
/// type's exact width: a verifier cannot hash a value whose width it would have to guess.
extension RecordField {
    /// Hex digits of an element mod p (512 bytes).
    public static let elementModPDigits = 2 * GroupParameters.pByteCount
    /// Hex digits of an element mod q or a hash (32 bytes).
    public static let elementModQDigits = 2 * GroupParameters.qByteCount

    /// An element of Z_p^r: 1024 hex digits, in 1..<p, with x^q mod p = 1.
    ///
    /// Under `SubgroupCheck.deferred` the last condition is not tested here: the element goes to the
    /// collector, whose owner tests it later.
    public func elementModP(_ hex: String) throws(ElectionRecordError) -> ElementModP {
        let bytes = try fixedWidthBytes(hex, digits: Self.elementModPDigits)
        switch subgroupCheck {
        case .each:
            do {
                return try ElementModP(bytes: bytes, field: path)
            } catch ElectionGuardError.notInSubgroup {
                throw invalid(.notInSubgroup)
            } catch {
                throw invalid(.outOfRange("not in 1..<p"))
            }
        case .deferred(let collector):
            guard let element = try? ElementModP(bytesDeferringSubgroupCheck: bytes, field: path) else {
                throw invalid(.outOfRange("not in 1..<p"))
            }
            collector.append(element, at: self)
            return element
        }
    }

    /// An element of Z_q: 64 hex digits, below q.
    public func elementModQ(_ hex: String) throws(ElectionRecordError) -> ElementModQ {
        let bytes = try fixedWidthBytes(hex, digits: Self.elementModQDigits)
        do {
            return try ElementModQ(bytes: bytes, field: path)
        } catch {
            throw invalid(.outOfRange("not in 0..<q"))
        }
    }

    /// A 256-bit hash value: 64 hex digits.
    public func uint256(_ hex: String) throws(ElectionRecordError) -> UInt256 {
        let bytes = try fixedWidthBytes(hex, digits: Self.elementModQDigits)
        do {
            return try UInt256(bytes: bytes, field: path)
        } catch {
            throw invalid(.wrongWidth(expectedDigits: Self.elementModQDigits, actualDigits: hex.utf8.count))
        }
    }

    /// A byte string of any length, empty included (`code_baux`, `c1`, a chain's `baux0`).
    public func bytes(_ hex: String) throws(ElectionRecordError) -> [UInt8] {
        guard let bytes = Self.decodeHex(hex) else { throw invalid(.notHexadecimal) }
        return bytes
    }

    /// Exactly `digits` hex digits as bytes.
    public func fixedWidthBytes(_ hex: String, digits: Int) throws(ElectionRecordError) -> [UInt8] {
        guard let bytes = Self.decodeHex(hex) else { throw invalid(.notHexadecimal) }
        guard hex.utf8.count == digits else {
            throw invalid(.wrongWidth(expectedDigits: digits, actualDigits: hex.utf8.count))
        }
        return bytes
    }

    /// `value` when it lies in `range`.
    public func integer(_ value: Int, in range: ClosedRange<Int>) throws(ElectionRecordError) -> Int {
        guard range.contains(value) else {
            let upper = range.upperBound == Int.max ? "" : "\(range.upperBound)"
            throw invalid(.outOfRange("\(value) is not in \(range.lowerBound)...\(upper)"))
        }
        return value
    }

    /// The bytes of even-length hex in either case; [] for ""; nil for anything else.
    static func decodeHex(_ hex: String) -> [UInt8]? {
        hex.isEmpty ? [] : Base16.decode(hex)
    }
}
