extension KlimekFit {
    /// The widest turnout spread between stations (binomial noise removed) taken as honest: 20 points.
    /// Klimek et al.'s fair parts span 4–10 points; a wider one means the fair normal was fitted to
    /// something other than a clean peak.
    static let widestTurnoutSpread = 0.20
    /// The widest leader-share spread taken as honest: 25 points.
    static let widestShareSpread = 0.25
    /// A fit that puts at least this share of stations into fraud says nothing about the fair part.
    static let allFraud = 0.99
    /// Fraud components of at least this share must improve the distance by at least `minimumGain`.
    static let claimedFraud = 0.10
    /// The relative improvement over the fair model that claimed fraud must bring.
    static let minimumGain = 0.05

    /// Why a fit cannot be trusted, or nil: fair parameters outside 0…1, spreads no honest election
    /// has, every station in the fraud components, or claimed fraud that fits no better than none.
    static func failure(
        fair: KlimekModel.FairParameters, fi: Double, fe: Double, residual: Double, fairResidual: Double
    ) -> String? {
        for (name, value) in [("turnout", fair.turnout), ("share", fair.share)] where !(0...1).contains(value) {
            return "the fair part's \(name) centre \(fixed(100 * value, 1))% lies outside 0–100%"
        }
        if !(fair.turnoutSD <= widestTurnoutSpread) {
            return "the fair part's turnout spread of \(fixed(100 * fair.turnoutSD, 1)) points is wider than an honest "
                + "election's (at most \(fixed(100 * widestTurnoutSpread, 0)))"
        }
        if !(fair.shareSD <= widestShareSpread) {
            return "the fair part's share spread of \(fixed(100 * fair.shareSD, 1)) points is wider than an honest "
                + "election's (at most \(fixed(100 * widestShareSpread, 0)))"
        }
        if fi + fe >= allFraud {
            return "the fit puts \(fixed(100 * (fi + fe), 0))% of stations into fraud: the fair part describes none of them"
        }
        if fi + fe >= claimedFraud, !(residual <= (1 - minimumGain) * fairResidual) {
            return "fi + fe = \(fixed(fi + fe, 3)) improves on the fair model by less than \(fixed(100 * minimumGain, 0))% "
                + "(distance \(sci(residual)) against \(sci(fairResidual)))"
        }
        return nil
    }
}
