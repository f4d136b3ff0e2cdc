import Foundation

extension Xoshiro256 {
    /// A standard normal variate (Box–Muller; one of the pair is used).
    public mutating func normal() -> Double {
        var u = unit()
        while u <= .leastNormalMagnitude { u = unit() }
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * unit())
    }

    /// A normal variate with mean `mean` and standard deviation `sd`.
    public mutating func normal(mean: Double, sd: Double) -> Double {
        mean + sd * normal()
    }

    /// An exact binomial variate: the number of successes in `n` trials of probability `p`.
    ///
    /// Inversion of the distribution function, with the support visited outward from the mode
    /// (mode, mode+1, mode−1, …), so the expected work is of the order of the standard deviation.
    /// Any order of the support gives an exact sampler; this one keeps it short.
    public mutating func binomial(n: Int, p: Double) -> Int {
        if n <= 0 || p <= 0 { return 0 }
        if p >= 1 { return n }
        let u = unit()
        let mode = min(n, Int((Double(n + 1) * p).rounded(.down)))
        let q = 1 - p
        let ratio = p / q
        let pMode = exp(
            lgamma(Double(n + 1)) - lgamma(Double(mode + 1)) - lgamma(Double(n - mode + 1))
                + Double(mode) * log(p) + Double(n - mode) * log(q))
        var cumulative = pMode
        if u < cumulative { return mode }
        var up = mode, down = mode
        var pUp = pMode, pDown = pMode
        while up < n || down > 0 {
            if up < n {
                pUp *= Double(n - up) / Double(up + 1) * ratio
                up += 1
                cumulative += pUp
                if u < cumulative { return up }
            }
            if down > 0 {
                pDown *= Double(down) / Double(n - down + 1) / ratio
                down -= 1
                cumulative += pDown
                if u < cumulative { return down }
            }
            if pUp < 1e-300, pDown < 1e-300 { break }
        }
        return mode
    }
}
