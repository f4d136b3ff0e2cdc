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

    /// The standard normal quantile Φ⁻¹(p) (Acklam's rational approximation, relative error below
    /// 1.2e-9, refined by one Halley step).
    public static func normalQuantile(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        return x - u / (1 + x * u / 2)
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
