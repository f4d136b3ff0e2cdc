import Foundation

/// Batch-comparison audits with MACRO, the maximum across-contest relative overstatement (Stark,
/// "Efficient post-election audits of multiple contests: 2009 California tests", 2009; and
/// "Conservative statistical post-election audits", Ann. Appl. Stat. 2008), here for one contest
/// with the maximum taken across its assertions, as Arlo's `macro.py` does per contest.
/// `MacroAudit` takes the maximum across several contests counted in the same batches.
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
        try MacroAudit(contests: [results]).errorBounds
    }

    /// U, the sum of the error bounds: the most the whole count could overstate the margin, in margins.
    public static func totalErrorBound(_ results: BatchResults) throws -> Double {
        try MacroAudit(contests: [results]).totalErrorBound
    }

    /// e_p for `audited`, the hand count of the batch of the same name: the largest relative
    /// overstatement over the assertions, 0 when the count favours the reported outcome.
    /// - Throws: `AuditError.invalidInput` naming `audited` for an unknown batch or a malformed count.
    public static func error(_ audited: BatchTally, in results: BatchResults) throws -> Double {
        guard results.tally(of: audited.batch) != nil else {
            throw AuditError.invalidInput(field: "audited[\(audited.batch)].batch", reason: "is not a reported batch")
        }
        return try MacroAudit(contests: [results]).error(ofBatch: audited.batch, audited: [results.contest.name: audited])
    }

    /// The measured risk after the batches drawn so far, in draw order (a batch drawn k times
    /// appears k times), each with its hand count in `audited`.
    /// - Throws: `AuditError.invalidInput` for a draw with no hand count or a malformed one;
    ///   `.notAuditable` for a tie.
    public static func risk(_ results: BatchResults, draws: [String], audited: [String: BatchTally]) throws -> Double {
        let name = results.contest.name
        return try MacroAudit(contests: [results]).risk(draws: draws, audited: audited.mapValues { [name: $0] })
    }

    /// The number of further draws expected to meet the risk limit if the remaining batches show
    /// no error: ⌈(ln α − ln risk) / ln(1 − 1/U)⌉ + 1, 0 when `risk` already meets the limit, and at
    /// most the number of batches with a positive error bound.
    /// - Throws: `AuditError.notAuditable` for a tie; `.invalidInput` for `risk` outside [0, 1].
    public static func roundSize(_ results: BatchResults, riskLimit: RiskLimit, risk: Double = 1) throws -> Int {
        try MacroAudit(contests: [results]).roundSize(riskLimit: riskLimit, risk: risk)
    }
}
