import Foundation

/// The few distribution functions the sample-size estimates need, in plain `Double`.
enum Distributions {
    /// Φ(x), the standard normal distribution function.
    static func normalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation, then one Halley step on Φ, which
    /// brings it to about 1e-15. (Forensics has the same function; this module imports nothing of
    /// ours, so it keeps its own copy.)
    static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1)
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5
            let r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let e = normalCDF(x) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    /// ln Γ(x) for x > 0: Stirling's series from x ≥ 15 (error below 1e-15 relative), the
    /// recurrence Γ(x+1) = xΓ(x) below. Our own, so no platform's libm decides a sample size.
    static func logGamma(_ x: Double) -> Double {
        var shift = 0.0
        var y = x
        while y < 15 {
            shift += log(y)
            y += 1
        }
        let inverse = 1 / y, inverse2 = inverse * inverse
        let series = inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 * (1.0 / 1260 - inverse2 / 1680)))
        return (y - 0.5) * log(y) - y + 0.5 * log(2 * Double.pi) + series - shift
    }

    /// The smallest k in 0…n with P(Binomial(n, p) ≤ k) ≥ q (scipy's `binom.ppf`).
    static func binomialQuantile(_ q: Double, trials n: Int, success p: Double) -> Int {
        if n == 0 || p <= 0 { return 0 }
        if p >= 1 { return n }
        let nd = Double(n)
        let mean = nd * p
        let sd = (nd * p * (1 - p)).squareRoot()
        // Terms more than 40 standard deviations below the mean add nothing a Double can hold.
        let start = max(0, Int((mean - 40 * sd - 1).rounded(.down)))
        let logP = log(p), logQ = log1p(-p)
        let logNFactorial = logGamma(nd + 1)
        var cumulative = 0.0
        for k in start...n {
            let kd = Double(k)
            let logPMF = logNFactorial - logGamma(kd + 1) - logGamma(nd - kd + 1) + kd * logP + (nd - kd) * logQ
            cumulative += exp(logPMF)
            if cumulative >= q { return k }
        }
        return n
    }
}
