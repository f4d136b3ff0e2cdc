import Foundation

/// BRAVO ballot-polling audits (Lindeman, Stark and Yates, "BRAVO: Ballot-polling Risk-limiting
/// Audits to Verify Outcomes", EVT/WOTE 2012), one Wald sequential probability ratio test per
/// assertion, as Arlo's `bravo.py` computes them.
///
/// For an assertion with reported share s = F/(F+O) of the favoured options and null share t
/// (1/2 for a pair, the threshold for a qualified majority: BRAVO's super-majority form), every
/// audited favoured vote multiplies the test statistic T by s/t and every opposed vote by
/// (1−s)/(1−t); other ballots leave it alone. The measured risk is min(1, 1/T); the audit may
/// stop when it is at most the risk limit for every assertion. BRAVO assumes sampling with
/// replacement (a ballot drawn twice counts twice).
public enum Bravo {
    /// The measured risk of one assertion after the audited `tally`: min(1, 1/T), or 1 when an
    /// opposed vote was seen for an assertion whose reported opposed share is zero.
    public static func risk(of assertion: Assertion, tally: SampleTally) -> Double {
        let (f, o) = tally.counts(for: assertion)
        let logT = logStatistic(assertion, favoured: f, opposed: o)
        guard logT.isFinite else { return 1 }
        return min(1, exp(-logT))
    }

    /// The measured risk of the contest: the largest risk over its assertions.
    /// - Throws: `AuditError.notAuditable` for a tied contest; `.invalidInput` for a tally naming
    ///   an option the contest does not have.
    public static func risk(contest: Contest, tally: SampleTally) throws -> Double {
        try tally.check(against: contest)
        return try contest.assertions().map { risk(of: $0, tally: tally) }.max()!
    }

    /// ln T for `favoured` and `opposed` audited votes (−∞ when T is 0).
    static func logStatistic(_ a: Assertion, favoured: Int, opposed: Int) -> Double {
        let (plus, minus) = steps(a)
        var logT = 0.0
        if favoured > 0 { logT += Double(favoured) * plus }
        if opposed > 0 { logT += Double(opposed) * minus }
        return logT.isNaN ? -.infinity : logT
    }

    /// ln(s/t) and ln((1−s)/(1−t)): what one favoured and one opposed vote add to ln T.
    static func steps(_ a: Assertion) -> (plus: Double, minus: Double) {
        let s = a.reportedShare, t = a.nullShare
        return (log(s / t), log((1 - s) / (1 - t)))
    }

    /// The average sample number (ASN) for one assertion from where `tally` left it: Wald's
    /// approximation as the BRAVO paper gives it, ⌈(ln(1/(α·T)) + z_w/2) / (p_w·z_w + p_l·z_l)⌉
    /// with z_w = ln(s/t), z_l = ln((1−s)/(1−t)), p_w and p_l the favoured and opposed shares of
    /// all ballots. `nil` when no opposed vote is reported (one ballot settles it); 0 or less
    /// means the tally already meets the limit.
    public static func averageSampleNumber(of a: Assertion, riskLimit: RiskLimit, tally: SampleTally) -> Int? {
        guard a.opposedVotes > 0 else { return nil }
        let (f, o) = tally.counts(for: a)
        let logT = logStatistic(a, favoured: f, opposed: o)
        let (zw, zl) = steps(a)
        let pw = Double(a.favouredVotes) / Double(a.ballotsCast)
        let pl = Double(a.opposedVotes) / Double(a.ballotsCast)
        let n = (-log(riskLimit.value) - logT + zw / 2) / (pw * zw + pl * zl)
        return clampedCeiling(n, limit: a.ballotsCast)
    }

    /// The contest's ASN: the largest over its assertions (Arlo's `get_expected_sample_size`).
    /// - Throws: `AuditError.notAuditable` for a tie; `.invalidInput(field: "sample", ...)` when
    ///   the tally already meets the limit for every assertion.
    public static func averageSampleNumber(contest: Contest, riskLimit: RiskLimit, tally: SampleTally) throws -> Int {
        try tally.check(against: contest)
        let sizes = try contest.assertions().map { averageSampleNumber(of: $0, riskLimit: riskLimit, tally: tally) ?? 1 }
        let size = sizes.max()!
        guard size > 0 else { throw AuditError.invalidInput(field: "sample", reason: "the sample already meets the risk limit") }
        return size
    }

    /// The chance that a round of `size` more ballots ends the audit for assertion `a`, if the
    /// reported outcome is right (Lindeman's normal approximation; Arlo's `expected_prob`).
    public static func completionProbability(of a: Assertion, riskLimit: RiskLimit, tally: SampleTally, size: Int) -> Double {
        let (f, o) = tally.counts(for: a)
        let (plus, minus) = steps(a)
        let threshold = -log(riskLimit.value) - logStatistic(a, favoured: f, opposed: o)
        guard threshold > 0 else { return 1 }
        guard size > 0, a.opposedVotes > 0 else { return size > 0 ? 1 : 0 }
        let pwr = Double(a.favouredVotes + a.opposedVotes) / Double(a.ballotsCast)
        let s = a.reportedShare
        let n = Double(size) * pwr
        let needed = (threshold - minus * n) / (plus - minus)
        let z = (needed - n * s) / (n * s * (1 - s)).squareRoot()
        return Distributions.normalCDF(-z)
    }

    /// The size of the next round that ends the audit for assertion `a` with probability
    /// `completion` if the reported outcome is right: Lindeman's analytic estimate (Arlo's
    /// `bravo_sample_sizes`). Solve E_x = R_x for n, where E_x = n·s + z·√(n·s(1−s)) is the
    /// favoured count at the (1−completion) quantile and R_x = (threshold − n·minus)/(plus − minus)
    /// the count that reaches the limit; then step n up until the binomial (1−completion) quantile
    /// reaches the threshold, and scale by the share of ballots with a favoured or opposed vote.
    /// Returns 0 when the tally already meets the limit.
    /// - Throws: `AuditError.invalidInput` for `completion` outside (0, 1).
    public static func roundSize(of a: Assertion, riskLimit: RiskLimit, tally: SampleTally, completion: Double) throws -> Int {
        guard completion.isFinite, completion > 0, completion < 1 else {
            throw AuditError.invalidInput(field: "completion", reason: "\(completion) is not strictly between 0 and 1")
        }
        let (f, o) = tally.counts(for: a)
        let (plus, minus) = steps(a)
        let threshold = -log(riskLimit.value) - logStatistic(a, favoured: f, opposed: o)
        guard threshold > 0, a.opposedVotes > 0 else { return threshold > 0 ? 1 : 0 }
        let s = a.reportedShare
        let z = -Distributions.normalQuantile(completion)
        let d = s * (1 - s)
        let fq = threshold / (plus - minus)
        let g = minus / (plus - minus) + s
        let qa = g * g
        let qb = -(z * z * d + 2 * fq * g)
        let qc = fq * fq
        let radical = max(0, qb * qb - 4 * qa * qc).squareRoot()
        let root = completion > 0.5 ? (-qb + radical) / (2 * qa) : (-qb - radical) / (2 * qa)
        // Lindeman's root is close; Arlo steps up one ballot at a time from it. Do that for a
        // thousand steps, then gallop and bisect so that a pathological contest cannot spin.
        let reaches = { (n: Int) -> Bool in
            let x = Double(Distributions.binomialQuantile(1 - completion, trials: n, success: s))
            return x * plus + (Double(n) - x) * minus >= threshold
        }
        var size = max(0, clampedCeiling(root.rounded(.down), limit: a.ballotsCast))
        var steps = 0
        while size < a.ballotsCast, steps < 1_000, !reaches(size) {
            size += 1
            steps += 1
        }
        if steps == 1_000, size < a.ballotsCast, !reaches(size) {
            var low = size, stride = 1_000
            var high = min(a.ballotsCast, size + stride)
            while high < a.ballotsCast, !reaches(high) {
                low = high
                stride *= 2
                high = min(a.ballotsCast, high + stride)
            }
            while low + 1 < high {
                let mid = low + (high - low) / 2
                if reaches(mid) { high = mid } else { low = mid }
            }
            size = high
        }
        return scaledToAllBallots(size, a)
    }

    /// ⌈size · N / (F + O)⌉ in integers, at most N: a round of `size` favoured-or-opposed votes
    /// needs that many ballots. (Arlo divides by p_w + p_l as `Decimal`s made from floats, which
    /// can land a hair off an exact quotient; see docs/risk-limiting-audits.md.)
    static func scaledToAllBallots(_ size: Int, _ a: Assertion) -> Int {
        let both = a.favouredVotes + a.opposedVotes
        guard size > 0 else { return 0 }
        guard size < both else { return a.ballotsCast }
        let (high, low) = size.multipliedFullWidth(by: a.ballotsCast)
        let (quotient, remainder) = both.dividingFullWidth((high, low))
        return min(a.ballotsCast, remainder == 0 ? quotient : quotient + 1)
    }

    /// ⌈x⌉ as an `Int`, at most `limit` (and `limit` for NaN), so no estimate can trap.
    static func clampedCeiling(_ x: Double, limit: Int) -> Int {
        guard !x.isNaN else { return limit }
        let up = x.rounded(.up)
        if up >= Double(limit) { return limit }
        if up <= -Double(limit) { return -limit }
        return Int(up)
    }

    /// The contest's next round size for `completion`: the largest over its assertions.
    /// - Throws: `AuditError.notAuditable` for a tie; `.invalidInput` for `completion` outside
    ///   (0, 1) or a tally naming an unknown option.
    public static func roundSize(contest: Contest, riskLimit: RiskLimit, tally: SampleTally, completion: Double) throws -> Int {
        try tally.check(against: contest)
        return try contest.assertions().map { try roundSize(of: $0, riskLimit: riskLimit, tally: tally, completion: completion) }.max()!
    }
}
