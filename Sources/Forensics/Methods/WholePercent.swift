import Foundation

/// Exact arithmetic on "is this ratio a whole percent": no floating point at the window's edges.
enum WholePercent {
    /// Whether 100·k/n lies within `window` of a whole number (window 0.05 ⇔ `windowDivisor` 20):
    /// with r = 100·k mod n, the distance to the nearest whole percent is min(r, n − r)/n.
    @inline(__always)
    static func near(_ k: Int, _ n: Int, windowDivisor: Int = 20) -> Bool {
        let r = (100 * k) % n
        return windowDivisor * min(r, n - r) <= n
    }

    /// Probability that 100·X/n is near a whole percent when X ~ Binomial(n, p), summed over the
    /// support outward from the mode until the terms fall below 1e-17 of the mode's.
    static func probabilityNear(n: Int, p: Double, windowDivisor: Int = 20) -> Double {
        if p <= 0 { return near(0, n, windowDivisor: windowDivisor) ? 1 : 0 }
        if p >= 1 { return near(n, n, windowDivisor: windowDivisor) ? 1 : 0 }
        let mode = min(n, Int((Double(n + 1) * p).rounded(.down)))
        let q = 1 - p, ratio = p / q
        let pMode = exp(SpecialFunctions.logBinomialPMF(k: mode, n: n, p: p))
        let cutoff = pMode * 1e-17
        var total = 0.0, mass = pMode
        if near(mode, n, windowDivisor: windowDivisor) { total += pMode }
        var term = pMode, k = mode
        while k < n {
            term *= Double(n - k) / Double(k + 1) * ratio
            k += 1
            if term < cutoff { break }
            mass += term
            if near(k, n, windowDivisor: windowDivisor) { total += term }
        }
        term = pMode
        k = mode
        while k > 0 {
            term *= Double(k) / Double(n - k + 1) / ratio
            k -= 1
            if term < cutoff { break }
            mass += term
            if near(k, n, windowDivisor: windowDivisor) { total += term }
        }
        return total / mass
    }
}
