import Foundation

/// Test 2: the election fingerprint. Fits the Klimek et al. fraud model to the 2-D histogram by
/// simulation (describing how much incremental and extreme fraud the shape suggests), and tests the
/// fair model's independence of turnout and share in the upper tail, where the fraud model puts its
/// stations (`UpperTailDependence`), which decides "detected".
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
        /// Shuffles of the shares for the detection test's p-value.
        public var permutations: Int
        /// Level below which the fit counts as a detection.
        public var level: Double
        /// Bins per axis of the fit; chosen from the number of stations when nil (100 for 40,000
        /// stations or more, down to 20 for small elections, so that the bins are not mostly empty).
        public var fitBins: Int?

        /// The defaults used by `plebiscite audit`.
        public init(
            sigmas: [Double] = [0.1, 0.15, 0.2, 0.3, 0.4, 0.5], alphas: [Double] = [1, 2, 3],
            simulatedStations: Int = 300_000, permutations: Int = 999, level: Double = 0.01, fitBins: Int? = nil
        ) {
            self.sigmas = sigmas
            self.alphas = alphas
            self.simulatedStations = simulatedStations
            self.permutations = permutations
            self.level = level
            self.fitBins = fitBins
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
        /// Bins per axis used in the fit.
        public var fitBins: Int
        /// Weighted squared distance (Pearson-like) between the observed and fitted histograms.
        public var residual: Double
        /// The same for the fair model (fi = fe = 0).
        public var fairResidual: Double
        /// The detection test: upper-tail dependence of turnout and share.
        public var dependence: UpperTailDependence.Result
        /// Whether the dependence test's p-value is at most the level.
        public var detected: Bool
        /// The observed fingerprint.
        public var observed: Fingerprint
        /// The fitted model's expected histogram (normalised; not written to JSON).
        public var fitted: [Double] = []
        /// The fair model's expected histogram (normalised; not written to JSON).
        public var fairModel: [Double] = []
        /// The clean core the fair part was read from (shared with Shpilkin's estimate).
        public var core: CleanCore
        /// Why the fit cannot be trusted, when it cannot; its numbers are then not to be reported.
        public var failure: String?
        /// The detection test per region.
        public var regions: [UpperTailDependence.RegionResult] = []

        enum CodingKeys: String, CodingKey {
            case stations, fair, incrementalFraud, extremeFraud, sigmaX, alpha, fitBins, residual, fairResidual
            case dependence, detected, observed, core, failure, regions
        }
    }

    /// Expected histograms of the three kinds of station, per (σx, α) on the grid.
    struct Components {
        var fair: [Double]
        var incremental: [[Double]]
        var extreme: [[Double]]
        var grid: [(sigma: Double, alpha: Double)]

        /// The components summed into `bins` × `bins` cells, with the fit's weights.
        func coarse(_ bins: Int, stations: Int) -> Coarse {
            let fairCells = KlimekFit.coarsen(fair, to: bins)
            let floor = 1 / Double(max(1, stations))
            return Coarse(
                bins: bins, fair: fairCells, incremental: incremental.map { KlimekFit.coarsen($0, to: bins) },
                extreme: extreme.map { KlimekFit.coarsen($0, to: bins) }, weights: fairCells.map { 1 / ($0 + floor) })
        }
    }

    /// Components at the fit's resolution. Each cell is weighted by 1 / (fair expectation + 1/stations),
    /// so the squared distance approximates Pearson's chi-square and the sparse corner where fraud
    /// puts stations counts as much as its noise allows.
    struct Coarse {
        var bins: Int
        var fair: [Double]
        var incremental: [[Double]]
        var extreme: [[Double]]
        var weights: [Double]
    }

    /// Sums a 100 × 100 histogram into `bins` × `bins` cells (`bins` divides 100).
    static func coarsen(_ cells: [Double], to bins: Int) -> [Double] {
        if bins == 100 { return cells }
        let step = 100 / bins
        var out = [Double](repeating: 0, count: bins * bins)
        for x in 0..<100 { for y in 0..<100 { out[(x / step) * bins + y / step] += cells[x * 100 + y] } }
        return out
    }

    /// The fit's resolution for `stations` stations.
    static func fitBins(stations: Int) -> Int {
        switch stations {
        case 40_000...: return 100
        case 10_000...: return 50
        case 2_500...: return 25
        default: return 20
        }
    }

    /// Fits the model and runs the detection test.
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
        let bins = options.fitBins ?? fitBins(stations: registered.count)
        let target = coarsen(observed.normalised, to: bins)
        let core = CleanCore.locate(results)
        let fair = KlimekModel.estimateFair(
            turnouts: turnouts, shares: shares, registered: registered, cast: cast, core: core)
        let components = await simulate(
            registered: registered, fair: fair, options: options, seed: random.next(), progress: progress)
        let best = fit(target, components.coarse(bins, stations: registered.count))
        let dependence = await UpperTailDependence.run(
            turnouts: turnouts, shares: shares, permutations: options.permutations, seed: random.next(),
            progress: progress)
        let g = best.combination
        let fitted = zip(components.fair, zip(components.incremental[g], components.extreme[g])).map {
            (1 - best.fi - best.fe) * $0 + best.fi * $1.0 + best.fe * $1.1
        }
        return Result(
            stations: registered.count, fair: fair, incrementalFraud: best.fi, extremeFraud: best.fe,
            sigmaX: components.grid[g].sigma, alpha: components.grid[g].alpha, fitBins: bins,
            residual: best.residual, fairResidual: best.fairResidual, dependence: dependence,
            detected: dependence.pValue <= options.level, observed: observed, fitted: fitted,
            fairModel: components.fair, core: core,
            failure: failure(fair: fair, fi: best.fi, fe: best.fe, residual: best.residual, fairResidual: best.fairResidual),
            regions: UpperTailDependence.regions(results, level: options.level))
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
        var fairResidual: Double
    }

    /// Weighted least squares over the mixture (1 − fi − fe)·fair + fi·incremental + fe·extreme,
    /// with fi, fe ≥ 0 and fi + fe ≤ 1, for each grid point; the best grid point wins.
    static func fit(_ target: [Double], _ components: Coarse) -> Fit {
        var best = Fit(fi: 0, fe: 0, combination: 0, residual: .infinity, fairResidual: 0)
        for index in components.incremental.indices {
            var aa = 0.0, ab = 0.0, bb = 0.0, ad = 0.0, bd = 0.0, dd = 0.0
            components.fair.withUnsafeBufferPointer { f in
                components.incremental[index].withUnsafeBufferPointer { i in
                    components.extreme[index].withUnsafeBufferPointer { e in
                        components.weights.withUnsafeBufferPointer { w in
                            target.withUnsafeBufferPointer { o in
                                for cell in 0..<f.count {
                                    let a = i[cell] - f[cell], b = e[cell] - f[cell], d = o[cell] - f[cell]
                                    let weight = w[cell]
                                    aa += weight * a * a
                                    ab += weight * a * b
                                    bb += weight * b * b
                                    ad += weight * a * d
                                    bd += weight * b * d
                                    dd += weight * d * d
                                }
                            }
                        }
                    }
                }
            }
            let solution = solveSimplex(aa: aa, ab: ab, bb: bb, ad: ad, bd: bd, dd: dd)
            if solution.residual < best.residual {
                best = Fit(fi: solution.a, fe: solution.b, combination: index, residual: solution.residual,
                           fairResidual: dd)
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
