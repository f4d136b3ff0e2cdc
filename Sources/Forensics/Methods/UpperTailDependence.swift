import Foundation

/// The fingerprint's detection test. Klimek et al.'s fair model has turnout and leader share
/// independent between stations; their fraud model moves a share of stations up in both at once, so
/// the two become dependent in the upper tail (the "comet" toward 100% / 100%). The statistic is
/// S = Σ u(turnout rank) · u(share rank) with u(r) = max(0, Φ⁻¹(r / (n + 1))), upper-half normal
/// scores, alongside the same sum over whole-range scores Φ⁻¹(r / (n + 1)); the null shuffles the shares between stations, which keeps both distributions exactly and
/// makes the test exact for any fair election whose turnout and share are independent.
public enum UpperTailDependence {
    /// The test's outcome.
    public struct Result: Codable, Equatable, Sendable {
        /// Stations tested.
        public var stations: Int
        /// (S − its permutation mean) / its permutation standard deviation.
        public var zScore: Double
        /// The same for whole-range normal scores (van der Waerden's correlation), which sees a
        /// falsified majority sitting above a clean minority; nil in reports written before it existed.
        public var wholeRangeZScore: Double?
        /// The larger of the two standardised statistics for each shuffle.
        public var nullStatistics: [Double]
        /// (1 + shuffles whose larger statistic ≥ the observed larger one) / (shuffles + 1).
        public var pValue: Double

        /// The statistic the p-value judges: the larger of the two z-scores.
        public var statistic: Double { max(zScore, wholeRangeZScore ?? zScore) }
    }

    /// A standardised dot product of paired scores under shuffling.
    struct Standardiser: Sendable {
        var mean: Double
        var sd: Double

        init(_ a: [Double], _ b: [Double]) {
            let n = Double(a.count)
            let meanA = a.reduce(0, +) / n, meanB = b.reduce(0, +) / n
            let ssA = a.reduce(0) { $0 + ($1 - meanA) * ($1 - meanA) }
            let ssB = b.reduce(0) { $0 + ($1 - meanB) * ($1 - meanB) }
            mean = n * meanA * meanB
            sd = n > 1 ? (ssA * ssB / (n - 1)).squareRoot() : 0
        }

        func callAsFunction(_ s: Double) -> Double { sd > 0 ? (s - mean) / sd : 0 }
    }

    /// Runs the test on paired turnouts and shares. Two statistics share each shuffle: upper-half scores
    /// (the fraud model's comet toward 100/100) and whole-range scores (a falsified majority above a clean
    /// minority, where the upper half is all falsified and varies too little to show a comet); the larger
    /// z is judged against the shuffles' larger z, so the test stays exact.
    static func run(
        turnouts: [Double], shares: [Double], permutations: Int, seed: UInt64, progress: any ProgressReporter
    ) async -> Result {
        let fullA = normalScores(turnouts), fullB = normalScores(shares)
        let a = fullA.map { max(0, $0) }, b = fullB.map { max(0, $0) }
        guard a.count > 2 else {
            return Result(stations: a.count, zScore: 0, wholeRangeZScore: 0, nullStatistics: [], pValue: 1)
        }
        let upper = Standardiser(a, b), whole = Standardiser(fullA, fullB)
        let observedUpper = upper(zip(a, b).reduce(0) { $0 + $1.0 * $1.1 })
        let observedWhole = whole(zip(fullA, fullB).reduce(0) { $0 + $1.0 * $1.1 })
        let observed = max(observedUpper, observedWhole)
        let chunkSize = 50
        let chunks = (permutations + chunkSize - 1) / chunkSize
        // Both score vectors of the shares travel together, so one shuffle serves both statistics and the
        // sums read memory in order.
        let paired = zip(b, fullB).map { SIMD2($0, $1) }
        let parts = await parallelChunks(chunks, stage: "fingerprint: shuffled shares", progress: progress) {
            chunk -> [Double] in
            let range = (chunk * chunkSize)..<min(permutations, (chunk + 1) * chunkSize)
            return range.map { replicate in
                var generator = Xoshiro256(seed: seed, stream: replicate)
                var shuffled = paired
                for index in stride(from: shuffled.count - 1, to: 0, by: -1) {
                    shuffled.swapAt(index, Int(generator.next() % UInt64(index + 1)))
                }
                var sumUpper = 0.0, sumWhole = 0.0
                a.withUnsafeBufferPointer { x in
                    fullA.withUnsafeBufferPointer { fx in
                        shuffled.withUnsafeBufferPointer { y in
                            for index in 0..<x.count {
                                let partner = y[index]
                                sumWhole += fx[index] * partner.y
                                if x[index] > 0 { sumUpper += x[index] * partner.x }
                            }
                        }
                    }
                }
                return max(upper(sumUpper), whole(sumWhole))
            }
        }
        let null = parts.flatMap { $0 }
        let atLeast = null.filter { $0 >= observed - 1e-9 }.count
        return Result(
            stations: a.count, zScore: observedUpper, wholeRangeZScore: observedWhole, nullStatistics: null,
            pValue: Double(1 + atLeast) / Double(permutations + 1))
    }

    /// Normal scores Φ⁻¹(rank / (n + 1)) of average ranks (ties share their mean rank).
    static func normalScores(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = [Double](repeating: 0, count: values.count)
        let n = Double(values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            let score = SpecialFunctions.normalQuantile(rank / (n + 1))
            for position in start...end { result[order[position]] = score }
            start = end + 1
        }
        return result
    }
}
