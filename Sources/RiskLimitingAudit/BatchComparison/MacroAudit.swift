import Foundation

/// Several contests audited together by batch comparison with MACRO proper: the maximum
/// across-contest relative overstatement (Stark 2009), for a referendum with several questions
/// counted in the same stations.
///
/// Batches are matched by name across the contests; a contest absent from a batch contributes
/// nothing there. The error bound of batch p is u_p = max over contests and their assertions of
/// (M_pa + t_a·b_p)/M_a, its error e_p the largest relative overstatement over the same, and risk
/// and round sizes follow `Macro` with U = Σ u_p. With one contest this is `Macro` exactly.
public struct MacroAudit: Sendable, Hashable {
    /// The contests, each with its batches.
    public let contests: [BatchResults]
    /// Every batch name, in order of first appearance (contest by contest): the PPEB order.
    public let batches: [String]
    /// u_p for each of `batches`.
    public let errorBounds: [Double]

    /// Gathers the contests and their error bounds.
    /// - Throws: `AuditError.invalidInput(field: "contests", ...)` for no contests or a repeated
    ///   contest name; `.notAuditable` if a contest's outcome is tied.
    public init(contests: [BatchResults]) throws {
        guard !contests.isEmpty else { throw AuditError.invalidInput(field: "contests", reason: "there are no contests") }
        var names = Set<String>()
        for results in contests where !names.insert(results.contest.name).inserted {
            throw AuditError.invalidInput(field: "contests", reason: "\"\(results.contest.name)\" appears twice")
        }
        var order = [String]()
        var bounds = [String: Double]()
        for results in contests {
            let assertions = try results.contest.assertions()
            for batch in results.batches {
                let bound = Self.errorBound(batch, assertions: assertions, options: results.contest.options)
                if let previous = bounds[batch.batch] {
                    bounds[batch.batch] = max(previous, bound)
                } else {
                    order.append(batch.batch)
                    bounds[batch.batch] = bound
                }
            }
        }
        self.contests = contests
        self.batches = order
        self.errorBounds = order.map { bounds[$0]! }
    }

    /// U, the sum of the error bounds.
    public var totalErrorBound: Double { errorBounds.reduce(0, +) }

    /// The number of batches that can be drawn (u_p > 0): a round this large is a full count.
    public var drawableBatches: Int { errorBounds.filter { $0 > 0 }.count }

    static func errorBound(_ batch: BatchTally, assertions: [Assertion], options: [String]) -> Double {
        assertions.map { a in
            let (f, o) = batch.counts(for: a, options: options)
            return Double(a.weightedMargin(favoured: f, opposed: o) + a.nullNumerator * batch.ballots) / Double(a.margin)
        }.max() ?? 0
    }

    /// e_p of batch `batch` from its hand counts, `audited[contest name]`; every contest that
    /// reported the batch must have its count.
    /// - Throws: `AuditError.invalidInput` naming `audited[batch][contest]` for a missing or malformed count.
    public func error(ofBatch batch: String, audited: [String: BatchTally]) throws -> Double {
        var worst = 0.0
        for results in contests {
            guard let reported = results.tally(of: batch) else { continue }
            let field = "audited[\(batch)][\(results.contest.name)]"
            guard let count = audited[results.contest.name] else {
                throw AuditError.invalidInput(field: field, reason: "the drawn batch has no hand count for this contest")
            }
            guard count.batch == batch else { throw AuditError.invalidInput(field: "\(field).batch", reason: "names \"\(count.batch)\"") }
            try count.check(against: results.contest, field: field)
            let options = results.contest.options
            for a in try results.contest.assertions() {
                let (rf, ro) = reported.counts(for: a, options: options)
                let (af, ao) = count.counts(for: a, options: options)
                let overstatement = a.weightedMargin(favoured: rf, opposed: ro) - a.weightedMargin(favoured: af, opposed: ao)
                worst = max(worst, Double(overstatement) / Double(a.margin))
            }
        }
        return worst
    }

    /// The measured risk after `draws` (batch names in draw order, repeats counted), with
    /// `audited[batch][contest]` the hand counts.
    /// - Throws: `AuditError.invalidInput` for an unknown draw or a missing or malformed count.
    public func risk(draws: [String], audited: [String: [String: BatchTally]]) throws -> Double {
        var boundOf = [String: Double]()
        for (batch, bound) in zip(batches, errorBounds) { boundOf[batch] = bound }
        let total = totalErrorBound
        var logRisk = 0.0
        for (k, draw) in draws.enumerated() {
            guard let bound = boundOf[draw], bound > 0 else {
                throw AuditError.invalidInput(field: "draws[\(k)]", reason: "\"\(draw)\" is not a batch that can be drawn")
            }
            let taint = try error(ofBatch: draw, audited: audited[draw] ?? [:]) / bound
            // A taint of 1 or more means the batch may hide a whole margin: only a full count settles it.
            guard taint < 1 else { return 1 }
            logRisk += log1p(-1 / total) - log1p(-taint)
        }
        return min(1, exp(logRisk))
    }

    /// ⌈(ln α − ln risk)/ln(1 − 1/U)⌉ + 1 further draws, 0 when `risk` meets the limit, at most
    /// `drawableBatches`.
    /// - Throws: `AuditError.invalidInput` for `risk` outside [0, 1].
    public func roundSize(riskLimit: RiskLimit, risk: Double = 1) throws -> Int {
        guard risk.isFinite, risk >= 0, risk <= 1 else {
            throw AuditError.invalidInput(field: "risk", reason: "\(risk) is not between 0 and 1")
        }
        if risk <= riskLimit.value { return 0 }
        let estimate = (log(riskLimit.value) - log(risk)) / log1p(-1 / totalErrorBound)
        let batches = drawableBatches
        return min(Bravo.clampedCeiling(estimate, limit: batches) + 1, batches)
    }
}
