import Foundation

/// ALPHA ballot polling without replacement (Stark, "ALPHA: Audit that Learns from Previously
/// Hand-Audited Ballots", Ann. Appl. Stat. 2023; the SHANGRLA framework, Stark 2020).
///
/// Each assertion becomes an assorter with values in [0, u]: a favoured vote is worth u = 1/(2t),
/// an opposed vote 0, any other ballot 1/2 (t the assertion's null share, so u = 1 for a pair). The
/// outcome holds iff the assorter mean over all N ballots exceeds 1/2. ALPHA tests the null
/// "mean ≤ 1/2" with the test supermartingale, for draws x_1, x_2, … in sample order:
/// - μ_j = (N/2 − Σ_{i<j} x_i) / (N − j + 1), the null mean of the ballots not yet drawn;
///   μ_j < 0 means the null is impossible (risk 0), μ_j > u that it can no longer be rejected;
/// - η_j = min(u(1 − 2⁻⁵²), max((d·η₀ + Σ_{i<j} x_i)/(d + j − 1), μ_j + c/√(d + j − 1))), SHANGRLA's
///   truncated shrinkage estimate of the true mean (η₀ the reported assorter mean, d = 100,
///   c = (η₀ − 1/2)/2 unless given);
/// - T_j = T_{j−1} · (x_j·η_j/μ_j + (u − x_j)(u − η_j)/(u − μ_j)) / u;
/// - risk = min(1, 1 / max_j T_j) (Ville's inequality).
/// Unlike BRAVO, the order of the draws matters and a ballot is never drawn twice.
public enum Alpha {
    /// The estimator's settings.
    public struct Parameters: Sendable, Codable, Hashable {
        /// d: how many ballots' weight the prior guess η₀ carries.
        public let priorWeight: Double
        /// c: how far above μ_j the estimate is kept, before dividing by √(d + j − 1); `nil` for (η₀ − 1/2)/2.
        public let lowerBoundOffset: Double?

        /// Settings.
        /// - Throws: `AuditError.invalidInput` for a `priorWeight` outside [1, 10^6] or a negative `lowerBoundOffset`.
        public init(priorWeight: Double = 100, lowerBoundOffset: Double? = nil) throws {
            guard priorWeight.isFinite, priorWeight >= 1, priorWeight <= 1_000_000 else {
                throw AuditError.invalidInput(field: "priorWeight", reason: "\(priorWeight) is not between 1 and 10^6")
            }
            if let c = lowerBoundOffset, !(c.isFinite && c >= 0) {
                throw AuditError.invalidInput(field: "lowerBoundOffset", reason: "\(c) is not a finite non-negative number")
            }
            self.priorWeight = priorWeight
            self.lowerBoundOffset = lowerBoundOffset
        }

        /// d = 100, c = (η₀ − 1/2)/2.
        public static let standard = try! Parameters()

        private enum CodingKeys: String, CodingKey { case priorWeight, lowerBoundOffset }

        /// Decodes settings and checks them as `init` does.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try self.init(
                priorWeight: try c.decode(Double.self, forKey: .priorWeight),
                lowerBoundOffset: try c.decodeIfPresent(Double.self, forKey: .lowerBoundOffset))
        }
    }

    /// The assorter's value for one audited ballot: `vote` is the option read on it, `nil` for
    /// a blank or invalid ballot.
    static func assorter(_ a: Assertion, vote: String?) -> Double {
        guard let vote else { return 0.5 }
        if a.favoured.contains(vote) { return upperBound(a) }
        if a.opposed.contains(vote) { return 0 }
        return 0.5
    }

    /// u = 1/(2t) = d/(2n) for null share n/d.
    static func upperBound(_ a: Assertion) -> Double { Double(a.nullDenominator) / Double(2 * a.nullNumerator) }

    /// The reported assorter mean (F·u + (N − F − O)/2) / N.
    static func reportedMean(_ a: Assertion) -> Double {
        let others = a.ballotsCast - a.favouredVotes - a.opposedVotes
        return (Double(a.favouredVotes) * upperBound(a) + Double(others) / 2) / Double(a.ballotsCast)
    }

    /// The measured risk of one assertion after the audited ballots `votes`, in draw order.
    public static func risk(of a: Assertion, votes: [String?], parameters: Parameters = .standard) -> Double {
        risks(of: a, votes: votes, parameters: parameters).last ?? 1
    }

    /// The measured risk after each draw: element k is the risk after `votes[0...k]`.
    public static func risks(of a: Assertion, votes: [String?], parameters: Parameters = .standard) -> [Double] {
        var walk = Walk(a, parameters)
        return votes.map { vote in
            walk.step(assorter(a, vote: vote))
            return walk.risk
        }
    }

    /// The contest's measured risk: the largest over its assertions.
    /// - Throws: `AuditError.notAuditable` for a tie; `.invalidInput(field: "votes[k]", ...)` for a
    ///   vote that is not an option, or more votes than ballots cast.
    public static func risk(contest: Contest, votes: [String?], parameters: Parameters = .standard) throws -> Double {
        try check(votes, contest)
        return try contest.assertions().map { risk(of: $0, votes: votes, parameters: parameters) }.max()!
    }

    /// The test supermartingale's state after j draws.
    struct Walk {
        let n: Double, u: Double, eta0: Double, d: Double, c: Double
        var j = 0.0, sum = 0.0, t = 1.0, best = 1.0

        init(_ a: Assertion, _ parameters: Parameters) {
            n = Double(a.ballotsCast)
            u = Alpha.upperBound(a)
            eta0 = Alpha.reportedMean(a)
            d = parameters.priorWeight
            c = parameters.lowerBoundOffset ?? max(0, (eta0 - 0.5) / 2)
        }

        var risk: Double { min(1, 1 / best) }
        /// μ ≥ u before the next draw: no further draw can lower the risk.
        var stuck: Bool { j < n && (n / 2 - sum) / (n - j) >= u }

        mutating func step(_ x: Double) {
            j += 1
            let mu = (n / 2 - sum) / (n - j + 1)
            if mu < 0 || best.isInfinite {
                best = .infinity
            } else if mu < u {
                let eta = min(u * (1 - Double.ulpOfOne), max((d * eta0 + sum) / (d + j - 1), mu + c / (d + j - 1).squareRoot()))
                t *= mu == 0 ? (x > 0 ? .infinity : 1) : (x * eta / mu + (u - x) * (u - eta) / (u - mu)) / u
                best = max(best, t)
            }
            sum += x
        }
    }

    /// How many more draws meet the risk limit after `votes` if the further ballots follow the
    /// reported shares exactly, interleaved as evenly as possible (a deterministic stand-in for
    /// the expected size; SHANGRLA simulates instead): 0 if the limit is met, `nil` if no sample
    /// short of all the ballots (at most `maximumSimulatedSample` more) meets it.
    public static func sampleSize(of a: Assertion, riskLimit: RiskLimit, votes: [String?] = [], parameters: Parameters = .standard) -> Int? {
        var walk = Walk(a, parameters)
        for vote in votes { walk.step(assorter(a, vote: vote)) }
        if walk.risk <= riskLimit.value { return 0 }
        let n = a.ballotsCast
        let shares = [Double(a.favouredVotes), Double(a.opposedVotes), Double(n - a.favouredVotes - a.opposedVotes)].map { $0 / Double(n) }
        let values = [upperBound(a), 0, 0.5]
        var counts = [0.0, 0.0, 0.0]
        let remaining = max(0, n - votes.count)
        for index in 0..<min(remaining, maximumSimulatedSample) {
            if walk.stuck { return nil }
            let j = Double(index + 1)
            // The category furthest behind its reported share comes next.
            let k = (0..<3).max { shares[$0] * j - counts[$0] < shares[$1] * j - counts[$1] }!
            counts[k] += 1
            walk.step(values[k])
            if walk.risk <= riskLimit.value { return index + 1 }
        }
        return nil
    }

    /// The longest continuation `sampleSize` walks through before giving up (`nil`).
    public static let maximumSimulatedSample = 1_000_000

    /// The contest's next sample size after `votes`: the largest over its assertions, all the
    /// ballots not yet drawn if one of them cannot be met short of a full count.
    /// - Throws: `AuditError.notAuditable` for a tie; `.invalidInput` for bad votes.
    public static func sampleSize(contest: Contest, riskLimit: RiskLimit, votes: [String?] = [], parameters: Parameters = .standard) throws -> Int {
        try check(votes, contest)
        let remaining = contest.ballotsCast - votes.count
        return try contest.assertions().map {
            sampleSize(of: $0, riskLimit: riskLimit, votes: votes, parameters: parameters) ?? remaining
        }.max()!
    }

    static func check(_ votes: [String?], _ contest: Contest) throws {
        guard votes.count <= contest.ballotsCast else {
            throw AuditError.invalidInput(field: "votes", reason: "\(votes.count) audited ballots of \(contest.ballotsCast) drawn without replacement")
        }
        for (k, vote) in votes.enumerated() {
            if let vote, !contest.options.contains(vote) {
                throw AuditError.invalidInput(field: "votes[\(k)]", reason: "\"\(vote)\" is not an option of \(contest.name)")
            }
        }
    }
}
