import Foundation

/// Batch-comparison audits with MACRO, the maximum across-contest relative overstatement (Stark,
/// "Efficient post-election audits of multiple contests: 2009 California tests", 2009; and
/// "Conservative statistical post-election audits", Ann. Appl. Stat. 2008), here for one contest
/// with the maximum taken across its assertions, as Arlo's `macro.py` does per contest.
///
/// For assertion a with weighted margin M_a, batch p with reported weighted margin M_pa and b_p
/// ballots:
/// - the error bound u_p = max_a (M_pa + t_a·b_p) / M_a, where −t_a is the least a ballot can add
///   to the margin (t = 1 for a pair: every ballot for the loser); U = Σ_p u_p;
/// - the error of an audited batch e_p = max(0, max_a (M_pa − A_pa) / M_a), A the audited margin;
/// - the taint τ_p = e_p / u_p, and with batches drawn with probability u_p/U (PPEB, with
///   replacement) the risk after draws p_1…p_n is min(1, Π_k (1 − 1/U) / (1 − τ_{p_k}));
/// - the first round size is ⌈ln α / ln(1 − 1/U)⌉ + 1 (Arlo adds one draw for small
///   discrepancies); later rounds ⌈(ln α − ln risk) / ln(1 − 1/U)⌉ + 1.
public enum Macro {
    /// u_p for every batch, in the order of `results.batches`.
    /// - Throws: `AuditError.notAuditable` for a tied contest.
    public static func errorBounds(_ results: BatchResults) throws -> [Double] {
        let assertions = try results.contest.assertions()
        return results.batches.map { errorBound($0, assertions: assertions, options: results.contest.options) }
    }

    static func errorBound(_ batch: BatchTally, assertions: [Assertion], options: [String]) -> Double {
        assertions.map { a in
            let (f, o) = batch.counts(for: a, options: options)
            return Double(a.weightedMargin(favoured: f, opposed: o) + a.nullNumerator * batch.ballots) / Double(a.margin)
        }.max() ?? 0
    }

    /// U, the sum of the error bounds: the most the whole count could overstate the margin, in margins.
    public static func totalErrorBound(_ results: BatchResults) throws -> Double {
        try errorBounds(results).reduce(0, +)
    }

    /// e_p for `audited`, the hand count of the batch of the same name: the largest relative
    /// overstatement over the assertions, 0 when the count favours the reported outcome.
    /// - Throws: `AuditError.invalidInput` naming `audited` for an unknown batch or a malformed count.
    public static func error(_ audited: BatchTally, in results: BatchResults) throws -> Double {
        try audited.check(against: results.contest, field: "audited[\(audited.batch)]")
        guard let reported = results.tally(of: audited.batch) else {
            throw AuditError.invalidInput(field: "audited[\(audited.batch)].batch", reason: "is not a reported batch")
        }
        let options = results.contest.options
        return try results.contest.assertions().map { a in
            let (rf, ro) = reported.counts(for: a, options: options)
            let (af, ao) = audited.counts(for: a, options: options)
            let overstatement = a.weightedMargin(favoured: rf, opposed: ro) - a.weightedMargin(favoured: af, opposed: ao)
            return max(0, Double(overstatement) / Double(a.margin))
        }.max()!
    }

    /// The measured risk after the batches drawn so far, in draw order (a batch drawn k times
    /// appears k times), each with its hand count in `audited`.
    /// - Throws: `AuditError.invalidInput` for a draw with no hand count or a malformed one;
    ///   `.notAuditable` for a tie.
    public static func risk(_ results: BatchResults, draws: [String], audited: [String: BatchTally]) throws -> Double {
        let bounds = try errorBounds(results)
        let total = bounds.reduce(0, +)
        var boundOf = [String: Double]()
        for (batch, bound) in zip(results.batches, bounds) { boundOf[batch.batch] = bound }
        var logRisk = 0.0
        for (k, draw) in draws.enumerated() {
            guard let bound = boundOf[draw] else {
                throw AuditError.invalidInput(field: "draws[\(k)]", reason: "\"\(draw)\" is not a reported batch")
            }
            guard let count = audited[draw] else {
                throw AuditError.invalidInput(field: "audited[\(draw)]", reason: "the drawn batch has no hand count")
            }
            guard count.batch == draw else {
                throw AuditError.invalidInput(field: "audited[\(draw)].batch", reason: "names \"\(count.batch)\"")
            }
            let taint = try error(count, in: results) / bound
            // A taint of 1 or more means the batch may hide the whole margin: only a full count settles it.
            guard taint < 1 else { return 1 }
            logRisk += log1p(-1 / total) - log1p(-taint)
        }
        return min(1, exp(logRisk))
    }

    /// The number of further draws expected to meet the risk limit if the remaining batches show
    /// no error: ⌈(ln α − ln risk) / ln(1 − 1/U)⌉ + 1, 0 when `risk` already meets the limit, and at
    /// most the number of batches with a positive error bound.
    /// - Throws: `AuditError.notAuditable` for a tie; `.invalidInput` for `risk` outside [0, 1].
    public static func roundSize(_ results: BatchResults, riskLimit: RiskLimit, risk: Double = 1) throws -> Int {
        guard risk.isFinite, risk >= 0, risk <= 1 else {
            throw AuditError.invalidInput(field: "risk", reason: "\(risk) is not between 0 and 1")
        }
        let bounds = try errorBounds(results)
        if risk <= riskLimit.value { return 0 }
        let total = bounds.reduce(0, +)
        let estimate = (log(riskLimit.value) - log(risk)) / log1p(-1 / total)
        let batches = bounds.filter { $0 > 0 }.count
        return min(Bravo.clampedCeiling(estimate, limit: batches) + 1, batches)
    }
}
