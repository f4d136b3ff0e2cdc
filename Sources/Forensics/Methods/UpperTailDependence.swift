import Foundation

/// The fingerprint's detection test. Klimek et al.'s fair model has turnout and leader share
/// independent between stations; their fraud model moves a share of stations up in both at once, so
/// the two become dependent in the upper tail (the "comet" toward 100% / 100%). The statistic is
/// S = Σ u(turnout rank) · u(share rank) with u(r) = max(0, Φ⁻¹(r / (n + 1))), upper-half normal
/// scores; the null shuffles the shares between stations, which keeps both distributions exactly and
/// makes the test exact for any fair election whose turnout and share are independent.
public enum UpperTailDependence {
    /// The test's outcome.
    public struct Result: Codable, Equatable, Sendable {
        /// Stations tested.
        public var stations: Int
        /// (S − its permutation mean) / its permutation standard deviation.
        public var zScore: Double
        /// The same standardised statistic for each shuffle.
        public var nullStatistics: [Double]
        /// (1 + shuffles with a statistic ≥ the observed) / (shuffles + 1).
        public var pValue: Double
    }

    /// Runs the test on paired turnouts and shares.
    static func run(
        turnouts: [Double], shares: [Double], permutations: Int, seed: UInt64, progress: any ProgressReporter
    ) async -> Result {
        let a = scores(turnouts), b = scores(shares)
        let n = Double(a.count)
        guard a.count > 2 else {
            return Result(stations: a.count, zScore: 0, nullStatistics: [], pValue: 1)
        }
        let meanA = a.reduce(0, +) / n, meanB = b.reduce(0, +) / n
        let ssA = a.reduce(0) { $0 + ($1 - meanA) * ($1 - meanA) }
        let ssB = b.reduce(0) { $0 + ($1 - meanB) * ($1 - meanB) }
        let mean = n * meanA * meanB
        let sd = (ssA * ssB / (n - 1)).squareRoot()
        @Sendable func standardised(_ s: Double) -> Double { sd > 0 ? (s - mean) / sd : 0 }
        let observed = standardised(zip(a, b).reduce(0) { $0 + $1.0 * $1.1 })
        let chunkSize = 50
        let chunks = (permutations + chunkSize - 1) / chunkSize
        let parts = await parallelChunks(chunks, stage: "fingerprint: shuffled shares", progress: progress) {
            chunk -> [Double] in
            let range = (chunk * chunkSize)..<min(permutations, (chunk + 1) * chunkSize)
            return range.map { replicate in
                var generator = Xoshiro256(seed: seed, stream: replicate)
                var shuffled = b
                for index in stride(from: shuffled.count - 1, to: 0, by: -1) {
                    shuffled.swapAt(index, Int(generator.next() % UInt64(index + 1)))
                }
                var sum = 0.0
                a.withUnsafeBufferPointer { x in
                    shuffled.withUnsafeBufferPointer { y in
                        for index in 0..<x.count where x[index] > 0 { sum += x[index] * y[index] }
                    }
                }
                return standardised(sum)
            }
        }
        let null = parts.flatMap { $0 }
        let atLeast = null.filter { $0 >= observed - 1e-9 }.count
        return Result(
            stations: a.count, zScore: observed, nullStatistics: null,
            pValue: Double(1 + atLeast) / Double(permutations + 1))
    }

    /// Upper-half normal scores of average ranks (ties share their mean rank).
    static func scores(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = [Double](repeating: 0, count: values.count)
        let n = Double(values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            let score = max(0, SpecialFunctions.normalQuantile(rank / (n + 1)))
            for position in start...end { result[order[position]] = score }
            start = end + 1
        }
        return result
    }
}
