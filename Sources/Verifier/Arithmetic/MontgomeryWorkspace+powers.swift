import CGMP
import CMontgomery

/// Powers of one base with 256-bit exponents that share their squarings.
///
/// A 256-bit exponent e splits into four 64-bit digits, e = Σ e_i·2^(64i), so x^e = Π (x^(2^(64i)))^(e_i):
/// a four-base product with 64-bit exponents, computed with interleaved sliding windows (Straus, Möller).
/// The 192 squarings that make the digit bases x^(2^64), x^(2^128), x^(2^192) and their tables of odd
/// powers are paid once per base; each exponent then costs 64 squarings and about 50 multiplications
/// instead of about 256 and 50. A range proof raises α and β to each of its L+1 challenges, and a
/// contest's (ᾱ, β̄) are products of its selections', whose digit bases are products of theirs.
struct PowerTable {
    /// Digits per exponent.
    static let digitCount = 4
    /// Bits per digit.
    static let digitBits = 64
    /// Sliding-window width: odd powers up to 2^window − 1.
    static let window = 4

    /// x^(2^(64i)) for each digit i, in Montgomery form.
    let digitBases: [[mp_limb_t]]
    /// For each digit i, its base to the powers 1, 3, 5, ..., 2^window − 1.
    let oddPowers: [[[mp_limb_t]]]
}

extension MontgomeryWorkspace {
    /// The table of `base` (in Montgomery form).
    func powerTable(_ base: [mp_limb_t]) -> PowerTable {
        var digitBases = [base]
        var current = base
        for _ in 1..<PowerTable.digitCount {
            square(&current, times: PowerTable.digitBits)
            digitBases.append(current)
        }
        return powerTable(digitBases: digitBases)
    }

    /// The table of the product of the tables' bases, from the products of their digit bases (no squaring).
    /// - Precondition: at least one table.
    func powerTable(product tables: [PowerTable]) -> PowerTable {
        var digitBases = tables[0].digitBases
        for table in tables.dropFirst() {
            for index in digitBases.indices { multiply(&digitBases[index], by: table.digitBases[index]) }
        }
        return powerTable(digitBases: digitBases)
    }

    private func powerTable(digitBases: [[mp_limb_t]]) -> PowerTable {
        let count = 1 << (PowerTable.window - 1)
        let oddPowers = digitBases.map { base in
            var powers = [base]
            powers.reserveCapacity(count)
            var squared = base
            square(&squared)
            for _ in 1..<count { powers.append(multiply(powers[powers.count - 1], squared)) }
            return powers
        }
        return PowerTable(digitBases: digitBases, oddPowers: oddPowers)
    }

    /// base^e in Montgomery form, for the 32 big-endian bytes of e.
    func power(_ table: PowerTable, exponent: [UInt8]) -> [mp_limb_t] {
        precondition(exponent.count == PowerTable.digitCount * PowerTable.digitBits / 8)
        // Window events by bit position: which odd power of which digit base to multiply in there.
        var events = [[(digit: Int, power: Int)]](repeating: [], count: PowerTable.digitBits)
        for digit in 0..<PowerTable.digitCount {
            let start = exponent.count - 8 * (digit + 1)
            var value: UInt64 = 0
            for offset in 0..<8 { value = value << 8 | UInt64(exponent[start + offset]) }
            for (position, odd) in Self.slidingWindows(value, width: PowerTable.window) {
                events[position].append((digit, odd >> 1))
            }
        }
        var accumulator: [mp_limb_t]?
        for position in stride(from: PowerTable.digitBits - 1, through: 0, by: -1) {
            if accumulator != nil { square(&accumulator!) }
            for event in events[position] {
                let factor = table.oddPowers[event.digit][event.power]
                if accumulator == nil { accumulator = factor } else { multiply(&accumulator!, by: factor) }
            }
        }
        return accumulator ?? one
    }

    /// The left-to-right sliding-window split of `value`: (bit position of the window's lowest bit, its odd value).
    static func slidingWindows(_ value: UInt64, width: Int) -> [(position: Int, odd: Int)] {
        var windows = [(Int, Int)]()
        var high = 63
        while high >= 0 {
            guard value >> UInt64(high) & 1 == 1 else {
                high -= 1
                continue
            }
            var low = max(high - width + 1, 0)
            while value >> UInt64(low) & 1 == 0 { low += 1 }
            let odd = Int(value >> UInt64(low) & ((1 << UInt64(high - low + 1)) - 1))
            windows.append((low, odd))
            high = low - 1
        }
        return windows
    }

    /// base^e for any exponent given as big-endian bytes (IFMA: sliding 5-bit windows in C; GMP:
    /// square-and-multiply with 4-bit windows).
    func power(_ base: Number, exponent: [UInt8]) -> Number {
        if ifma != nil { return powerProduct([base], exponents: [exponent]) }
        var table = [one, base]
        for _ in 2..<16 { table.append(multiply(table[table.count - 1], base)) }
        var accumulator: Number?
        for byte in exponent {
            for nibble in [Int(byte >> 4), Int(byte & 0x0F)] {
                if accumulator != nil { square(&accumulator!, times: 4) }
                if nibble != 0 {
                    if accumulator == nil { accumulator = table[nibble] } else { multiply(&accumulator!, by: table[nibble]) }
                }
            }
        }
        return accumulator ?? one
    }

    /// Π bases_i^(exponents_i) for up to four bases and exponents of one length: with IFMA one chain of
    /// squarings for all (interleaved sliding windows, Straus), with GMP the product of the powers.
    func powerProduct(_ bases: [Number], exponents: [[UInt8]]) -> Number {
        precondition(bases.count == exponents.count && bases.count <= 4 && Set(exponents.map(\.count)).count <= 1)
        guard let ifma else {
            var result = one
            for (base, exponent) in zip(bases, exponents) { multiply(&result, by: power(base, exponent: exponent)) }
            return result
        }
        var result = Number(repeating: 0, count: Int(CMONT_DIGITS))
        let baseCopies = bases.map { base in
            let copy = UnsafeMutablePointer<mp_limb_t>.allocate(capacity: base.count)
            copy.initialize(from: base, count: base.count)
            return copy
        }
        let exponentCopies = exponents.map { exponent in
            let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(exponent.count, 1))
            copy.initialize(from: exponent, count: exponent.count)
            return copy
        }
        defer {
            baseCopies.forEach { $0.deallocate() }
            exponentCopies.forEach { $0.deallocate() }
        }
        let basePointers: [UnsafePointer<mp_limb_t>?] = baseCopies.map { UnsafePointer($0) }
        let exponentPointers: [UnsafePointer<UInt8>?] = exponentCopies.map { UnsafePointer($0) }
        cmont_multi_power(ifma.pointer, &result, basePointers, exponentPointers, bases.count, exponents.first?.count ?? 0)
        return result
    }
}
