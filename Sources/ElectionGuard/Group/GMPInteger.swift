import CGMP

/// One GMP integer in C memory, freed (and zeroed first when secret) when the last reference goes.
///
/// `@unchecked Sendable` is safe because a `GMPInteger` is only mutated while it is being built,
/// inside the function that allocated it, before any other code can see it; once it is wrapped in
/// an element type it is read-only, and GMP reads are thread-safe.
final class GMPInteger: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpz_struct>
    let isSecret: Bool

    init(secret: Bool = false, bits: Int = 0) {
        pointer = .allocate(capacity: 1)
        if bits > 0 { cgmp_init2(pointer, mp_bitcnt_t(bits)) } else { cgmp_init(pointer) }
        isSecret = secret
    }

    convenience init(_ value: UInt, secret: Bool = false) {
        self.init(secret: secret)
        cgmp_set_ui(pointer, value)
    }

    /// A copy of `other` with its own memory.
    convenience init(copying other: GMPInteger, secret: Bool? = nil) {
        self.init(secret: secret ?? other.isSecret)
        cgmp_set(pointer, other.pointer)
    }

    /// Big-endian bytes, most significant first; leading zeros allowed.
    convenience init<Bytes: Collection>(bigEndian bytes: Bytes, secret: Bool = false) where Bytes.Element == UInt8 {
        self.init(secret: secret)
        let array = Array(bytes)
        array.withUnsafeBytes { raw in
            if raw.count > 0 { cgmp_import_be(pointer, raw.baseAddress, raw.count) }
        }
    }

    deinit {
        if isSecret { cgmp_clear_secret(pointer) } else { cgmp_clear(pointer) }
        pointer.deallocate()
    }

    /// Exactly `width` big-endian bytes, or nil when the value does not fit.
    func bigEndianBytes(width: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: width)
        let status = out.withUnsafeMutableBytes { cgmp_export_be(pointer, $0.baseAddress, width) }
        return status == 0 ? out : nil
    }

    var bitWidth: Int { cgmp_sgn(pointer) == 0 ? 0 : Int(cgmp_sizeinbase2(pointer)) }

    func compare(_ other: GMPInteger) -> Int { Int(cgmp_cmp(pointer, other.pointer)) }

    func compare(_ value: UInt) -> Int { Int(cgmp_cmp_ui(pointer, value)) }

    func bit(_ index: Int) -> Bool { cgmp_tstbit(pointer, mp_bitcnt_t(index)) != 0 }

    /// The low 64 bits (the value must be non-negative).
    var lowWord: UInt { cgmp_get_ui(pointer) }
}
