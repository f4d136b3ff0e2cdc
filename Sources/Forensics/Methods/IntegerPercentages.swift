import Foundation

/// Test 1, integer percentages (Kobak, Shpilkin and Pshenichnikov, "Integer percentages as electoral
/// falsification fingerprints", Annals of Applied Statistics 10(1), 2016): stations whose announced
/// turnout or leader share is a whole percent, against a binomial null.
public enum IntegerPercentages {
    /// The outcome of the test.
    public struct Result: Codable, Equatable, Sendable {
        /// Stations that pass the inclusion rule (≥ 100 registered, both ratios ≤ 99%).
        public var stationsIncluded: Int
        /// Included stations whose turnout or leader share is within 0.05 pp of a whole percent.
        public var observed: Int
        /// Of those, stations with a whole-percent turnout.
        public var observedTurnout: Int
        /// Of those, stations with a whole-percent leader share.
        public var observedShare: Int
        /// Number of null draws.
        public var draws: Int
        /// Seed of the null draws.
        public var seed: UInt64
        /// Mean of the count over the null draws.
        public var expected: Double
        /// Standard deviation of the count over the null draws.
        public var sd: Double
        /// observed − expected: the excess of whole-percent stations.
        public var excess: Double
        /// Excess counting turnout only.
        public var excessTurnout: Double
        /// Excess counting leader share only.
        public var excessShare: Double
        /// Monte Carlo p-value: (1 + draws with a count ≥ observed) / (draws + 1).
        public var pValue: Double
        /// Exact mean of the null count (sum of each station's probability).
        public var exactExpected: Double
        /// Exact standard deviation of the null count.
        public var exactSD: Double
        /// (observed − exact mean) / exact sd.
        public var zScore: Double
        /// log10 of the normal-approximation p-value for `zScore` (for p below 1/draws).
        public var log10NormalPValue: Double
        /// The count in each null draw (for the histogram).
        public var nullCounts: [Int]
    }

    /// Whether a station enters the test: at least 100 registered voters, some ballots cast, and
    /// turnout and leader share both at most 99% (compared exactly, in integers).
    static func included(_ station: Station, leader: Int) -> Bool {
        let cast = station.cast
        let ballots = station.turnoutBallots
        return station.registered >= 100 && cast > 0 && ballots >= 0
            && 100 * ballots <= 99 * station.registered
            && 100 * station.votes[leader] <= 99 * cast
    }

    /// Runs the test.
    ///
    /// The null redraws each station's issued ballots ~ Binomial(registered, issued/registered) and
    /// leader votes ~ Binomial(cast, leader/cast), independently, as the paper does. Only whether each
    /// redrawn ratio is near a whole percent enters the count, and the probability of that is
    /// computed exactly per station; a draw then takes one uniform per ratio, which gives the count
    /// exactly the distribution of the paper's procedure at a fraction of the cost.
    /// - Parameters:
    ///   - results: The stations.
    ///   - draws: Number of null draws (the paper: 1,000).
    ///   - random: The source of the seed; the same generator state gives the same draws.
    ///   - progress: Receives progress of the draws.
    public static func run(
        _ results: StationResults, draws: Int, random: inout some RandomNumberGenerator,
        progress: any ProgressReporter = SilentProgress()
    ) async -> Result {
        let seed = random.next()
        let leader = results.leader
        var turnoutP: [Double] = [], shareP: [Double] = []
        var observed = 0, observedTurnout = 0, observedShare = 0
        for station in results.stations where included(station, leader: leader) {
            let n = station.registered, cast = station.cast
            let ballots = station.turnoutBallots, votes = station.votes[leader]
            let nearTurnout = WholePercent.near(ballots, n)
            let nearShare = WholePercent.near(votes, cast)
            if nearTurnout || nearShare { observed += 1 }
            if nearTurnout { observedTurnout += 1 }
            if nearShare { observedShare += 1 }
            turnoutP.append(WholePercent.probabilityNear(n: n, p: Double(ballots) / Double(n)))
            shareP.append(WholePercent.probabilityNear(n: cast, p: Double(votes) / Double(cast)))
        }
        let (a, b) = (turnoutP, shareP)
        let chunkSize = 25
        let chunks = max(1, (draws + chunkSize - 1) / chunkSize)
        let perChunk = await parallelChunks(chunks, stage: "integer percentages: null draws", progress: progress) {
            chunk -> [(Int, Int, Int)] in
            let range = (chunk * chunkSize)..<min(draws, (chunk + 1) * chunkSize)
            return range.map { draw in nullDraw(turnout: a, share: b, seed: seed, draw: draw) }
        }
        let counts = perChunk.flatMap { $0 }
        let either = counts.map(\.0), turnoutOnly = counts.map(\.1), shareOnly = counts.map(\.2)
        let expected = mean(either)
        var exactMean = 0.0, exactVariance = 0.0
        for (pa, pb) in zip(a, b) {
            let p = 1 - (1 - pa) * (1 - pb)
            exactMean += p
            exactVariance += p * (1 - p)
        }
        let exactSD = exactVariance.squareRoot()
        let z = exactSD > 0 ? (Double(observed) - exactMean) / exactSD : 0
        let atLeast = either.filter { $0 >= observed }.count
        return Result(
            stationsIncluded: a.count, observed: observed, observedTurnout: observedTurnout,
            observedShare: observedShare, draws: draws, seed: seed, expected: expected,
            sd: standardDeviation(either), excess: Double(observed) - expected,
            excessTurnout: Double(observedTurnout) - mean(turnoutOnly),
            excessShare: Double(observedShare) - mean(shareOnly),
            pValue: Double(1 + atLeast) / Double(draws + 1), exactExpected: exactMean, exactSD: exactSD,
            zScore: z, log10NormalPValue: SpecialFunctions.log10NormalUpperTail(z), nullCounts: either)
    }

    /// One null draw: (stations near a whole percent in either ratio, in turnout, in share).
    static func nullDraw(turnout: [Double], share: [Double], seed: UInt64, draw: Int) -> (Int, Int, Int) {
        var random = Xoshiro256(seed: seed, stream: draw)
        var either = 0, inTurnout = 0, inShare = 0
        turnout.withUnsafeBufferPointer { a in
            share.withUnsafeBufferPointer { b in
                for index in 0..<a.count {
                    let hitA = random.unit() < a[index]
                    let hitB = random.unit() < b[index]
                    if hitA { inTurnout += 1 }
                    if hitB { inShare += 1 }
                    if hitA || hitB { either += 1 }
                }
            }
        }
        return (either, inTurnout, inShare)
    }

    static func mean(_ values: [Int]) -> Double {
        values.isEmpty ? 0 : Double(values.reduce(0, +)) / Double(values.count)
    }

    /// Population standard deviation (as numpy's default, which the paper's notebook uses).
    static func standardDeviation(_ values: [Int]) -> Double {
        guard !values.isEmpty else { return 0 }
        let average = mean(values)
        let sum = values.reduce(0.0) { $0 + (Double($1) - average) * (Double($1) - average) }
        return (sum / Double(values.count)).squareRoot()
    }
}
