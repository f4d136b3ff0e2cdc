import CGMP

/// Precomputed powers of one base, so that base^e for a 256-bit exponent e costs about 256/w
/// multiplications instead of about 300 (spec 3.1.1 leaves the method free; egk's PowRadix does the same).
///
/// Row i holds base^(d * 2^(w*i)) for every w-bit digit d. Built once per base and election
/// (g at first use; K when the joint key is known) and shared read-only across threads.
///
/// The row lookups depend on the exponent's digits, so this path is not constant-time against a
/// cache-timing observer on the same machine; it serves encryption nonces, where speed decides a
/// booth's throughput. Guardians' long-term secrets use `ElementModP.powerSecret` instead.
public final class FixedBaseTable: Sendable, Hashable {
    /// The base every power is of.
    public let base: ElementModP
    let windowBits: Int
    /// GMP's rows, empty when `ifma` holds the table.
    let rows: [[GMPInteger]]
    /// The table in IFMA Montgomery form, when the CPU has AVX-512 IFMA (`IFMAField`).
    let ifma: IFMAFixedBaseTable?

    /// The window used unless a caller asks otherwise: 22 rows of 4,096 powers (46 MB, about half a
    /// second to build), 21 multiplications a power. Measured against 10 bits (13.6 MB, 25
    /// multiplications): 72 µs instead of 88 µs a power, which brings a yes/no ballot's encryption
    /// (18 powers) under 2 ms on one core (Benchmarks/README.md).
    public static let defaultWindowBits = 12

    /// Builds the table of `base` with windows of `windowBits` bits (8 to 12 are sensible; 12 uses about 46 MB).
    public init(base: ElementModP, windowBits: Int = defaultWindowBits) {
        precondition((1...16).contains(windowBits), "window of 1 to 16 bits")
        self.base = base
        self.windowBits = windowBits
        let rowCount = (256 + windowBits - 1) / windowBits
        if let field = IFMAField.shared {
            ifma = IFMAFixedBaseTable(field: field, base: base.value, rows: rowCount, windowBits: windowBits)
            rows = []
            return
        }
        ifma = nil
        let width = 1 << windowBits
        var rows = [[GMPInteger]]()
        rows.reserveCapacity(rowCount)
        var rowBase = base.value
        for _ in 0..<rowCount {
            var row = [GMPInteger(1), rowBase]
            row.reserveCapacity(width)
            for _ in 2..<width {
                row.append(GMPInteger.mulMod(row[row.count - 1], rowBase, GroupParameters.p))
            }
            // The next row's base is this row's base raised to 2^w, one step past the last entry.
            rowBase = GMPInteger.mulMod(row[width - 1], rowBase, GroupParameters.p)
            rows.append(row)
        }
        self.rows = rows
    }

    /// base^e mod p.
    public func power(_ e: ElementModQ) -> ElementModP {
        let exponent = e.bytes
        if let ifma { return ElementModP(unchecked: ifma.power(exponent)) }
        let accumulator = GMPInteger(bits: 8192 + 64)
        let product = GMPInteger(bits: 8192 + 64)
        cgmp_set_ui(accumulator.pointer, 1)
        var started = false
        for (index, row) in rows.enumerated() {
            let digit = Self.digit(of: exponent, at: index * windowBits, width: windowBits)
            guard digit != 0 else { continue }
            if started {
                cgmp_mul(product.pointer, accumulator.pointer, row[digit].pointer)
                cgmp_mod(accumulator.pointer, product.pointer, GroupParameters.p.pointer)
            } else {
                cgmp_set(accumulator.pointer, row[digit].pointer)
                started = true
            }
        }
        return ElementModP(unchecked: accumulator)
    }

    /// The `width` bits of a big-endian 32-byte number starting at bit `start` (bit 0 is the least significant).
    static func digit(of bigEndian: [UInt8], at start: Int, width: Int) -> Int {
        var result = 0
        for offset in 0..<width {
            let bit = start + offset
            guard bit < 256 else { break }
            let byte = bigEndian[31 - bit / 8]
            if (byte >> (bit % 8)) & 1 == 1 { result |= 1 << offset }
        }
        return result
    }

    public static func == (a: FixedBaseTable, b: FixedBaseTable) -> Bool { a.base == b.base }
    public func hash(into hasher: inout Hasher) { hasher.combine(base) }
}
