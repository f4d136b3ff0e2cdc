import Foundation

/// Test 2: fits the Klimek et al. fraud model to the fingerprint by simulation and tests whether the
/// fitted share of fraudulent stations is larger than fair elections of the same shape produce.
public enum KlimekFit {
    /// Choices of the fit.
    public struct Options: Codable, Equatable, Sendable {
        /// Widths σx of the fraud intensity tried.
        public var sigmas: [Double]
        /// Exponents α of vote stealing tried.
        public var alphas: [Double]
        /// Simulated stations per model histogram (each station is simulated this many times over,
        /// rounded up to whole passes).
        public var simulatedStations: Int
        /// Simulated fair elections for the p-value.
        public var bootstrap: Int
        /// Level below which the fit counts as a detection.
        public var level: Double

        /// The defaults used by `plebiscite audit`.
        public init(
            sigmas: [Double] = [0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3], alphas: [Double] = [1, 2, 3],
            simulatedStations: Int = 300_000, bootstrap: Int = 99, level: Double = 0.05
        ) {
            self.sigmas = sigmas
            self.alphas = alphas
            self.simulatedStations = simulatedStations
            self.bootstrap = bootstrap
            self.level = level
        }
    }

    /// The fitted model and the test.
    public struct Result: Codable, Equatable, Sendable {
        /// Stations fitted.
        public var stations: Int
        /// The fair peak read off the data.
        public var fair: KlimekModel.FairParameters
        /// Fitted share of stations with incremental fraud.
        public var incrementalFraud: Double
        /// Fitted share of stations with extreme fraud.
        public var extremeFraud: Double
        /// Fitted width of the fraud intensity.
        public var sigmaX: Double
        /// Fitted vote-stealing exponent.
        public var alpha: Double
        /// Sum of squared differences between the normalised observed and fitted histograms.
        public var residual: Double
        /// The same for the fair model (fi = fe = 0).
        public var fairResidual: Double
        /// fi + fe fitted to each simulated fair election.
        public var nullStatistics: [Double]
        /// (1 + simulated fair elections with fi + fe ≥ the observed) / (simulations + 1).
        public var pValue: Double
        /// Whether `pValue` is at most the level.
        public var detected: Bool
        /// The observed fingerprint.
        public var observed: Fingerprint
        /// The fitted model's expected histogram (normalised; not written to JSON).
        public var fitted: [Double] = []
        /// The fair model's expected histogram (normalised; not written to JSON).
        public var fairModel: [Double] = []

        enum CodingKeys: String, CodingKey {
            case stations, fair, incrementalFraud, extremeFraud, sigmaX, alpha, residual, fairResidual
            case nullStatistics, pValue, detected, observed
        }
    }

    /// Expected histograms of the three kinds of station, per (σx, α) on the grid.
    struct Components {
        var fair: [Double]
        var incremental: [[Double]]
        var extreme: [[Double]]
        var grid: [(sigma: Double, alpha: Double)]
    }

    /// Fits the model and runs the fair-election bootstrap.
    public static func run(
        _ results: StationResults, options: Options = Options(), random: inout some RandomNumberGenerator,
        progress: any ProgressReporter = SilentProgress()
    ) async -> Result {
        var registered: [Int] = [], cast: [Int] = [], turnouts: [Double] = [], shares: [Double] = []
        for station in results.stations where station.registered > 0 && station.cast > 0 {
            let ballots = min(station.cast, station.registered)
            registered.append(station.registered)
            cast.append(ballots)
            turnouts.append(Double(ballots) / Double(station.registered))
            shares.append(Double(station.votes[results.leader]) / Double(station.cast))
        }
        let observed = Fingerprint(results)
        let fair = KlimekModel.estimateFair(turnouts: turnouts, shares: shares, registered: registered, cast: cast)
        let seed = random.next()
        let components = await simulate(
            registered: registered, fair: fair, options: options, seed: seed, progress: progress)
        let target = observed.normalised
        let best = fit(target, components)
        let fairResidual = zip(target, components.fair).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let statistic = best.fi + best.fe
        let nullSeed = random.next()
        let sizes = registered
        let null = await parallelChunks(options.bootstrap, stage: "fingerprint: fair-election bootstrap", progress: progress) {
            replicate -> Double in
            var generator = Xoshiro256(seed: nullSeed, stream: replicate)
            var histogram = Fingerprint()
            for n in sizes {
                let station = KlimekModel.fairStation(registered: n, fair: fair, &generator)
                if station.cast > 0 { histogram.add(registered: n, cast: station.cast, leader: station.leader) }
            }
            let refit = fit(histogram.normalised, components)
            return refit.fi + refit.fe
        }
        let atLeast = null.filter { $0 >= statistic - 1e-12 }.count
        let pValue = Double(1 + atLeast) / Double(options.bootstrap + 1)
        let g = best.combination
        let fitted = zip(components.fair, zip(components.incremental[g], components.extreme[g])).map {
            (1 - best.fi - best.fe) * $0 + best.fi * $1.0 + best.fe * $1.1
        }
        return Result(
            stations: registered.count, fair: fair, incrementalFraud: best.fi, extremeFraud: best.fe,
            sigmaX: components.grid[g].sigma, alpha: components.grid[g].alpha, residual: best.residual,
            fairResidual: fairResidual, nullStatistics: null, pValue: pValue,
            detected: pValue <= options.level, observed: observed, fitted: fitted, fairModel: components.fair)
    }

    /// Simulates every station `passes` times as fair, and with each grid point's incremental and
    /// extreme fraud (common random numbers across the grid), and returns normalised histograms.
    static func simulate(
        registered: [Int], fair: KlimekModel.FairParameters, options: Options, seed: UInt64,
        progress: any ProgressReporter
    ) async -> Components {
        var grid: [(sigma: Double, alpha: Double)] = []
        for sigma in options.sigmas { for alpha in options.alphas { grid.append((sigma, alpha)) } }
        let gridValues = grid
        let passes = max(1, (options.simulatedStations + registered.count - 1) / max(1, registered.count))
        let chunks = 8
        let cells = 100 * 100
        let partial = await parallelChunks(chunks, stage: "fingerprint: simulating the model", progress: progress) {
            chunk -> [[Double]] in
            var generator = Xoshiro256(seed: seed, stream: chunk)
            var fairHistogram = Fingerprint()
            var incremental = [Fingerprint](repeating: Fingerprint(), count: gridValues.count)
            var extreme = [Fingerprint](repeating: Fingerprint(), count: gridValues.count)
            let total = passes * registered.count
            let range = (chunk * total / chunks)..<((chunk + 1) * total / chunks)
            for job in range {
                let n = registered[job % registered.count]
                let base = KlimekModel.fairStation(registered: n, fair: fair, &generator)
                let zIncremental = abs(generator.normal())
                let zExtreme = generator.normal()
                if base.cast > 0 { fairHistogram.add(registered: n, cast: base.cast, leader: base.leader) }
                for (index, point) in gridValues.enumerated() {
                    let xi = min(1, point.sigma * zIncremental)
                    let xe = min(1, max(0, 1 - point.sigma + point.sigma * zExtreme))
                    let a = KlimekModel.applyFraud(
                        registered: n, cast: base.cast, leader: base.leader, intensity: xi, alpha: point.alpha)
                    if a.cast > 0 { incremental[index].add(registered: n, cast: a.cast, leader: a.leader) }
                    let b = KlimekModel.applyFraud(
                        registered: n, cast: base.cast, leader: base.leader, intensity: xe, alpha: point.alpha)
                    if b.cast > 0 { extreme[index].add(registered: n, cast: b.cast, leader: b.leader) }
                }
            }
            return [fairHistogram.counts] + incremental.map(\.counts) + extreme.map(\.counts)
        }
        var sums = [[Double]](repeating: [Double](repeating: 0, count: cells), count: 1 + 2 * grid.count)
        for chunk in partial {
            for (index, histogram) in chunk.enumerated() {
                for cell in 0..<cells { sums[index][cell] += histogram[cell] }
            }
        }
        let normalised = sums.map { histogram -> [Double] in
            let total = histogram.reduce(0, +)
            return total > 0 ? histogram.map { $0 / total } : histogram
        }
        return Components(
            fair: normalised[0], incremental: Array(normalised[1...grid.count]),
            extreme: Array(normalised[(grid.count + 1)...]), grid: grid)
    }

    /// The best (fi, fe) and grid point for a normalised histogram.
    struct Fit {
        var fi: Double
        var fe: Double
        var combination: Int
        var residual: Double
    }

    /// Least squares over the mixture (1 − fi − fe)·fair + fi·incremental + fe·extreme, with
    /// fi, fe ≥ 0 and fi + fe ≤ 1, for each grid point; the best grid point wins.
    static func fit(_ target: [Double], _ components: Components) -> Fit {
        var best = Fit(fi: 0, fe: 0, combination: 0, residual: .infinity)
        for index in components.grid.indices {
            var aa = 0.0, ab = 0.0, bb = 0.0, ad = 0.0, bd = 0.0, dd = 0.0
            components.fair.withUnsafeBufferPointer { f in
                components.incremental[index].withUnsafeBufferPointer { i in
                    components.extreme[index].withUnsafeBufferPointer { e in
                        target.withUnsafeBufferPointer { o in
                            for cell in 0..<f.count {
                                let a = i[cell] - f[cell], b = e[cell] - f[cell], d = o[cell] - f[cell]
                                aa += a * a
                                ab += a * b
                                bb += b * b
                                ad += a * d
                                bd += b * d
                                dd += d * d
                            }
                        }
                    }
                }
            }
            let solution = solveSimplex(aa: aa, ab: ab, bb: bb, ad: ad, bd: bd, dd: dd)
            if solution.residual < best.residual {
                best = Fit(fi: solution.a, fe: solution.b, combination: index, residual: solution.residual)
            }
        }
        return best
    }

    /// Minimises a²·aa + 2ab·ab + b²·bb − 2a·ad − 2b·bd + dd over a, b ≥ 0, a + b ≤ 1.
    static func solveSimplex(
        aa: Double, ab: Double, bb: Double, ad: Double, bd: Double, dd: Double
    ) -> (a: Double, b: Double, residual: Double) {
        func value(_ a: Double, _ b: Double) -> Double {
            a * a * aa + 2 * a * b * ab + b * b * bb - 2 * a * ad - 2 * b * bd + dd
        }
        func clamp(_ x: Double) -> Double { min(1, max(0, x)) }
        var candidates: [(Double, Double)] = [(0, 0)]
        let determinant = aa * bb - ab * ab
        if determinant > 1e-300 {
            let a = (ad * bb - bd * ab) / determinant, b = (bd * aa - ad * ab) / determinant
            if a >= 0, b >= 0, a + b <= 1 { candidates.append((a, b)) }
        }
        if aa > 0 { candidates.append((clamp(ad / aa), 0)) }
        if bb > 0 { candidates.append((0, clamp(bd / bb))) }
        let edge = aa - 2 * ab + bb
        if edge > 0 {
            let a = clamp((ad - bd - ab + bb) / edge)
            candidates.append((a, 1 - a))
        }
        var best = (a: 0.0, b: 0.0, residual: Double.infinity)
        for (a, b) in candidates {
            let residual = value(a, b)
            if residual < best.residual { best = (a, b, residual) }
        }
        return best
    }
}
