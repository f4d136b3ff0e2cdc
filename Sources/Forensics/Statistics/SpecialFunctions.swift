import Foundation

/// The few special functions the tests need: normal and chi-square tails, binomial log-probabilities.
public enum SpecialFunctions {
    /// P(Z > z) for a standard normal Z.
    public static func normalUpperTail(_ z: Double) -> Double {
        0.5 * erfc(z / 2.0.squareRoot())
    }

    /// log10 of P(Z > z), accurate far into the tail (asymptotic expansion beyond z = 30).
    public static func log10NormalUpperTail(_ z: Double) -> Double {
        if z < 30 { return log10(normalUpperTail(z)) }
        let lnTail = -z * z / 2 - log(z) - 0.5 * log(2 * Double.pi) + log1p(-1 / (z * z))
        return lnTail / log(10)
    }

    /// P(X > x) for X chi-square with `degrees` degrees of freedom: the regularised upper incomplete
    /// gamma function Q(k/2, x/2).
    public static func chiSquareUpperTail(_ x: Double, degrees: Int) -> Double {
        upperIncompleteGamma(a: Double(degrees) / 2, x: x / 2)
    }

    /// Regularised upper incomplete gamma Q(a, x): series below a+1, continued fraction above
    /// (Numerical Recipes §6.2).
    public static func upperIncompleteGamma(a: Double, x: Double) -> Double {
        if x <= 0 { return 1 }
        let logPrefix = -x + a * log(x) - lgamma(a)
        if x < a + 1 {
            var term = 1 / a, sum = term, ap = a
            for _ in 0..<10_000 {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return max(0, 1 - sum * exp(logPrefix))
        }
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(logPrefix) * h
    }

    /// Natural log of the binomial probability P(X = k), X ~ Binomial(n, p).
    public static func logBinomialPMF(k: Int, n: Int, p: Double) -> Double {
        if k < 0 || k > n { return -.infinity }
        if p <= 0 { return k == 0 ? 0 : -.infinity }
        if p >= 1 { return k == n ? 0 : -.infinity }
        return lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
            + Double(k) * log(p) + Double(n - k) * log1p(-p)
    }

    /// Natural log of P(X ≤ k) (lower = true) or P(X ≥ k) (lower = false), X ~ Binomial(n, p),
    /// summed in log space so that probabilities far below 1e-300 are still reported.
    public static func logBinomialTail(k: Int, n: Int, p: Double, lower: Bool) -> Double {
        let range = lower ? 0...max(0, min(k, n)) : max(0, min(k, n))...n
        if lower && k < 0 || !lower && k > n { return -.infinity }
        var peak = -Double.infinity
        var terms: [Double] = []
        terms.reserveCapacity(range.count)
        for j in range {
            let term = logBinomialPMF(k: j, n: n, p: p)
            terms.append(term)
            peak = max(peak, term)
        }
        if peak == -.infinity { return -.infinity }
        let sum = terms.reduce(0) { $0 + exp($1 - peak) }
        return peak + log(sum)
    }
}
