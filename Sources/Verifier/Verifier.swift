import ElectionGuard
import ElectionRecord
import Foundation

/// Independent checks of a published record, step by step as the ElectionGuard 2.0 spec numbers them
/// (docs/verification-steps.md), the checks egk's verifier does not make, and the referendum's own
/// rules (docs/referendum-record.md). Reads the record with ElectionRecord and recomputes every
/// equation itself from ElectionGuard's primitives (H, group arithmetic, element decoding) and GMP;
/// never calls the code that produced the record, so a bug there cannot hide itself.
///
/// A map of the module:
///
/// - `Verifier.verify(recordAt:options:)` runs everything and returns a `VerificationReport`: one
///   `CheckResult` per `CheckID` (passed, failed or not applicable, with counts and the first failing
///   item's file and field). Failures are collected, never thrown; an unreadable file fails the checks
///   that need it and the others still run.
/// - `Steps/`: one file per group of checks, in the spec's order; `Steps/Equations/` holds each check's
///   equation, citing its spec 2.0.0 number. `Referendum/`: the rules R.1–R.5.
/// - `Running/`: the parallel pass over the ballots (chunks of ballots on all cores, progress).
/// - `Shards/`: the same run on several machines: `verifyShard` checks one shard's ballots and
///   exports a `ShardPart`, `combine` runs everything else on the record and the parts.
/// - `Arithmetic/`: the batched path's Montgomery arithmetic, shared-squaring power tables and the
///   batch subgroup test (`BatchSubgroupCheck`, error probability 2^-64 per batch).
public enum Verifier {
    /// Verifies the record in the directory at `path`.
    /// - Throws: `VerifierError.recordNotFound` when there is no directory there; every other problem
    ///   is a failed check in the report.
    public static func verify(recordAt path: String, options: VerificationOptions = .init()) async throws(VerifierError) -> VerificationReport {
        try await run(recordAt: path, options: options) { (context, referendum) async throws(VerifierError) -> BallotPhase in
            let start = Date(), cpu = processorSeconds()
            let pass = await BallotPass.run(context, referendum: referendum, options: options)
            return BallotPhase(pass: pass, seconds: Date().timeIntervalSince(start), cpuSeconds: processorSeconds() - cpu,
                               jobs: max(1, options.jobs))
        }
    }

    /// Every check of the record at `path`, the ballots' from `ballots` (verified here, or by shards).
    static func run(recordAt path: String, options: VerificationOptions,
                    ballots: (VerificationContext, ReferendumFiles) async throws(VerifierError) -> BallotPhase)
        async throws(VerifierError) -> VerificationReport {
        let start = Date()
        let record = try open(path)
        var ledger = CheckLedger()
        var statistics = VerificationReport.Statistics()
        statistics.batched = options.batch

        var context = VerificationContext(record: record)
        ParameterVerification.run(&context, &ledger)
        GuardianVerification.run(&context, &ledger)
        let referendum = ReferendumFiles.read(record)

        let phase = try await ballots(context, referendum)
        let pass = phase.pass
        statistics.jobs = phase.jobs
        statistics.ballotSeconds = phase.seconds
        statistics.ballotCPUSeconds = phase.cpuSeconds
        ledger.merge(pass.ledger)
        statistics.ballots = pass.summaries.count
        statistics.devices = pass.devices
        statistics.subgroupBatches = pass.subgroupBatches
        statistics.subgroupBatchesFailed = pass.subgroupBatchesFailed

        BallotChainVerification.run(context, pass, &ledger)
        let encryptedTally = AggregationVerification.run(context, pass, options: options, &ledger)
        let tally = TallyVerification.run(context, encryptedTally: encryptedTally, options: options, &ledger)
        statistics.challengedBallotFiles = ChallengedBallotVerification.run(context, pass, options: options, &ledger)
        ReferendumVerification.run(context, referendum, pass, tally: tally, options: options, &ledger)

        statistics.seconds = Date().timeIntervalSince(start)
        return VerificationReport(record: path, checks: ledger.results(), statistics: statistics)
    }

    /// The record directory at `path`.
    static func open(_ path: String) throws(VerifierError) -> ElectionRecordDirectory {
        do {
            return try ElectionRecordDirectory(root: path)
        } catch {
            throw .recordNotFound(path)
        }
    }
}

/// The ballots' part of a run: the pass's result, its wall-clock and processor seconds, its workers.
struct BallotPhase: Sendable {
    var pass: BallotPassResult
    var seconds: Double
    var cpuSeconds: Double
    var jobs: Int
}

/// Processor time of this process so far (user and system, all threads), in seconds.
func processorSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// What keeps the verifier from starting at all.
public enum VerifierError: Error, Equatable, Sendable, CustomStringConvertible {
    /// There is no directory at the path given.
    case recordNotFound(String)
    /// A shard's part cannot be used: unreadable, not JSON of the part format, another version, or a
    /// value out of place (a ballot of another shard, bad hex); names the file and the field.
    case unreadablePart(file: String, field: String, message: String)
    /// The parts given to combine do not make one whole record: a shard missing or given twice, parts
    /// of different splits, of another record, or of ballot files changed since.
    case partsDoNotMatch(String)
    /// The part could not be written to this path.
    case cannotWritePart(String)

    /// The error in words.
    public var description: String {
        switch self {
        case .recordNotFound(let path): "\(path): no record directory there"
        case .unreadablePart(let file, let field, let message): [file, field, message].filter { !$0.isEmpty }.joined(separator: ": ")
        case .partsDoNotMatch(let message): message
        case .cannotWritePart(let path): "\(path): cannot write the part there"
        }
    }
}

/// How to verify: parallelism, batching, progress.
public struct VerificationOptions: Sendable {
    /// Concurrent workers for the ballots (default: every core).
    public var jobs: Int
    /// Batch the subgroup checks and compute range-proof commitments with shared squarings (default);
    /// false verifies every element and proof one by one with ElectionGuard's own functions.
    public var batch: Bool
    /// Ballots per unit of work; also the size of a subgroup-check batch (about 5 elements a ballot).
    public var ballotsPerChunk: Int
    /// Called now and then with the ballots done and the ballots in the record.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// The random 64-bit exponents of the batch subgroup test; must be cryptographically secure.
    public var randomExponent: @Sendable () -> UInt64
    /// Results of ballot files verified before, reused when a file and the election are unchanged.
    public var cache: VerificationCache?

    /// - Parameters: see the properties.
    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, batch: Bool = true, ballotsPerChunk: Int = 100,
                progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil, cache: VerificationCache? = nil,
                randomExponent: @escaping @Sendable () -> UInt64 = {
                    var generator = SystemRandomNumberGenerator()
                    return generator.next()
                }) {
        self.jobs = jobs
        self.batch = batch
        self.ballotsPerChunk = ballotsPerChunk
        self.progress = progress
        self.cache = cache
        self.randomExponent = randomExponent
    }
}
