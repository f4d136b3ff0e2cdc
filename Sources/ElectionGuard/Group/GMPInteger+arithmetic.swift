import CGMP

/// Arithmetic that returns fresh integers; callers never see a half-computed value.
extension GMPInteger {
    /// (a * b) mod m.
    static func mulMod(_ a: GMPInteger, _ b: GMPInteger, _ m: GMPInteger, secret: Bool = false) -> GMPInteger {
        let result = GMPInteger(secret: secret)
        cgmp_mul(result.pointer, a.pointer, b.pointer)
        cgmp_mod(result.pointer, result.pointer, m.pointer)
        return result
    }

    /// (a + b) mod m.
    static func addMod(_ a: GMPInteger, _ b: GMPInteger, _ m: GMPInteger, secret: Bool = false) -> GMPInteger {
        let result = GMPInteger(secret: secret)
        cgmp_add(result.pointer, a.pointer, b.pointer)
        cgmp_mod(result.pointer, result.pointer, m.pointer)
        return result
    }

    /// (a - b) mod m, always in 0..<m.
    static func subMod(_ a: GMPInteger, _ b: GMPInteger, _ m: GMPInteger, secret: Bool = false) -> GMPInteger {
        let result = GMPInteger(secret: secret)
        cgmp_sub(result.pointer, a.pointer, b.pointer)
        cgmp_mod(result.pointer, result.pointer, m.pointer)
        return result
    }

    /// a mod m.
    static func mod(_ a: GMPInteger, _ m: GMPInteger, secret: Bool = false) -> GMPInteger {
        let result = GMPInteger(secret: secret)
        cgmp_mod(result.pointer, a.pointer, m.pointer)
        return result
    }

    /// a^-1 mod m, or nil when a has no inverse.
    static func invertMod(_ a: GMPInteger, _ m: GMPInteger, secret: Bool = false) -> GMPInteger? {
        let result = GMPInteger(secret: secret)
        return cgmp_invert(result.pointer, a.pointer, m.pointer) != 0 ? result : nil
    }

    /// base^exponent mod m with GMP's sliding-window exponentiation; for public exponents.
    static func powMod(_ base: GMPInteger, _ exponent: GMPInteger, _ m: GMPInteger) -> GMPInteger {
        let result = GMPInteger()
        cgmp_powm(result.pointer, base.pointer, exponent.pointer, m.pointer)
        return result
    }

    /// base^exponent mod m in time and memory-access pattern independent of the exponent; for secrets.
    static func powModSecret(_ base: GMPInteger, _ exponent: GMPInteger, _ m: GMPInteger) -> GMPInteger {
        let result = GMPInteger()
        if exponent.compare(0) == 0 {
            cgmp_set_ui(result.pointer, 1)
        } else {
            cgmp_powm_sec(result.pointer, base.pointer, exponent.pointer, m.pointer)
        }
        return result
    }

    /// a - b for small b (no reduction).
    static func minus(_ a: GMPInteger, _ b: UInt) -> GMPInteger {
        let result = GMPInteger()
        cgmp_sub_ui(result.pointer, a.pointer, b)
        return result
    }

    /// a / b when b is known to divide a.
    static func divideExactly(_ a: GMPInteger, _ b: GMPInteger) -> GMPInteger {
        let result = GMPInteger()
        cgmp_divexact(result.pointer, a.pointer, b.pointer)
        return result
    }
}
