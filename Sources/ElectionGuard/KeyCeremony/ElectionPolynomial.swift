/// A guardian's secret polynomial P_i(x) = Σ_j a_i,j x^j of degree k − 1 (spec 3.2.1). a_i,0 is the
/// guardian's share of the election secret; the commitments K_i,j = g^a_i,j are public.
public struct ElectionPolynomial: Sendable {
    /// a_i,0 ... a_i,k−1 (secret).
    public let coefficients: [ElementModQ]

    public init(coefficients: [ElementModQ]) {
        precondition(!coefficients.isEmpty, "a polynomial has at least its constant term")
        self.coefficients = coefficients
    }

    /// k random coefficients.
    public static func random<R: RandomNumberGenerator>(quorum: Int, using generator: inout R) -> ElectionPolynomial {
        ElectionPolynomial(coefficients: (0..<quorum).map { _ in ElementModQ.random(using: &generator) })
    }

    /// P(x) mod q, by Horner's rule.
    public func value(at x: Int) -> ElementModQ {
        let point = ElementModQ(UInt(x))
        var result = ElementModQ.zero
        for coefficient in coefficients.reversed() { result = result * point + coefficient }
        return result
    }

    /// K_i,j = g^a_i,j.
    public var commitments: [ElementModP] { coefficients.map { ElementModP.g.powerSecret($0) } }
}

extension Array where Element == ElementModP {
    /// g^P(x) computed from the commitments alone: Π_j K_j^(x^j) (spec equation 16, share verification).
    public func polynomialCommitment(at x: Int) -> ElementModP {
        var result = ElementModP.one
        var power = ElementModQ.one
        let point = ElementModQ(UInt(x))
        for commitment in self {
            result = result * commitment.power(power)
            power = power * point
        }
        return result
    }
}
