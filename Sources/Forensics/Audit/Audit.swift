/// Runs every test of the numbers on one set of station results.
public enum Audit {
    /// Settings of an audit.
    public struct Options: Codable, Equatable, Sendable {
        /// Null draws of the integer-percentage test.
        public var draws: Int
        /// Settings of the fraud-model fit.
        public var klimek: KlimekFit.Options
        /// Exit polls to compare with the result.
        public var exitPolls: [ExitPoll.Poll]

        /// Creates settings; the defaults are those of `plebiscite audit`.
        public init(draws: Int = 1000, klimek: KlimekFit.Options = .init(), exitPolls: [ExitPoll.Poll] = []) {
            self.draws = draws
            self.klimek = klimek
            self.exitPolls = exitPolls
        }
    }

    /// Runs the audit.
    /// - Parameters:
    ///   - results: The stations.
    ///   - options: Settings.
    ///   - random: The random source; the same state gives the same report.
    ///   - progress: Receives progress of the long stages.
    public static func run(
        _ results: StationResults, options: Options = Options(), random: inout some RandomNumberGenerator,
        progress: any ProgressReporter = SilentProgress()
    ) async -> AuditReport {
        let totals = results.totals
        let regions = ResultDistributions.regions(results)
        let integer = await IntegerPercentages.run(
            results, draws: options.draws, random: &random, progress: progress)
        let klimek = await KlimekFit.run(results, options: options.klimek, random: &random, progress: progress)
        let polls = options.exitPolls.map { poll in
            let reported = poll.region.flatMap { name in regions.first { $0.name == name } }?.leaderPercent
                ?? totals.leaderPercent
            return ExitPoll.compare(poll, reported: reported / 100)
        }
        var reasons: [String: Int] = [:]
        for row in results.badRows { reasons[row.reason.rawValue, default: 0] += 1 }
        return AuditReport(
            source: results.source, profile: results.profileName, options: results.options,
            leader: results.leaderName, totals: totals,
            badRows: AuditReport.BadRowSummary(count: results.badRows.count, byReason: reasons,
                                              first: Array(results.badRows.prefix(20))),
            regions: regions, integerPercentages: integer, fingerprint: klimek,
            shpilkin: ShpilkinEstimate.run(results), digits: DigitTests.run(results),
            arithmetic: ProtocolArithmetic.run(results), mobile: MobileBoxes.run(results), exitPolls: polls,
            histograms: ResultDistributions.histograms(results), notes: MethodNote.all,
            scatter: ResultDistributions.scatter(results))
    }
}

/// Everything an audit found, ready for the terminal, JSON or HTML.
public struct AuditReport: Codable, Equatable, Sendable {
    /// The results file.
    public var source: String
    /// The profile's name.
    public var profile: String
    /// The options on the ballot.
    public var options: [String]
    /// The option whose share the tests examine.
    public var leader: String
    /// Sums over all usable stations.
    public var totals: Totals
    /// Rows set aside.
    public var badRows: BadRowSummary
    /// Totals per region.
    public var regions: [ResultDistributions.Region]
    /// Test 1.
    public var integerPercentages: IntegerPercentages.Result
    /// Test 2.
    public var fingerprint: KlimekFit.Result
    /// Test 3.
    public var shpilkin: ShpilkinEstimate.Result
    /// Test 4.
    public var digits: DigitTests.Result
    /// Test 5.
    public var arithmetic: [ProtocolArithmetic.Check]
    /// Test 6 (nil when mobile boxes are not published).
    public var mobile: MobileBoxes.Result?
    /// Test 7.
    public var exitPolls: [ExitPoll.Result]
    /// Turnout and share histograms at 0.1-point bins.
    public var histograms: ResultDistributions.Histograms
    /// Each method's caveats.
    public var notes: [MethodNote]
    /// Stations for the turnout-by-share scatter (at most `ResultDistributions.scatterLimit`; not
    /// written to JSON).
    public var scatter: [ResultDistributions.Point] = []

    enum CodingKeys: String, CodingKey {
        case source, profile, options, leader, totals, badRows, regions, integerPercentages, fingerprint, shpilkin
        case digits, arithmetic, mobile, exitPolls, histograms, notes
    }

    /// Rows that were skipped.
    public struct BadRowSummary: Codable, Equatable, Sendable {
        /// How many.
        public var count: Int
        /// How many per reason.
        public var byReason: [String: Int]
        /// The first twenty.
        public var first: [BadRow]
    }
}
