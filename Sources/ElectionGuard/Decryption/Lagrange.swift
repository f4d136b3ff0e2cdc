/// Lagrange coefficients for combining k of n guardians' shares (spec 3.6.2, equation 66):
/// w_i = Π_{ℓ in U, ℓ != i} ℓ / (ℓ − i) mod q, for the guardians U present.
public enum Lagrange {
    /// The coefficient of guardian `coordinate` among `present` (all distinct, nonzero).
    public static func coefficient(for coordinate: Int, among present: [Int]) -> ElementModQ {
        var numerator = ElementModQ.one
        var denominator = ElementModQ.one
        for other in present where other != coordinate {
            numerator = numerator * ElementModQ(UInt(other))
            denominator = denominator * (ElementModQ(UInt(other)) - ElementModQ(UInt(coordinate)))
        }
        return numerator * denominator.inverse!
    }
}
