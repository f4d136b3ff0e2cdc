import ElectionRecord
import Foundation

/// Verifying a record on several machines: each verifies one shard of the ballots (`verifyShard`), then
/// one process combines the parts with the record (`combine`) and reports exactly what a single run
/// reports. docs/verifier.md, "Many machines", explains the split.
extension Verifier {
    /// The checks of one shard's ballots of the record at `path`: every check of a single ballot file
    /// (5.x, 6.x, 7.A, 7.B, 12.C's re-encryptions, 15-18), and what the checks across ballots need.
    /// The record-level files are read only for the values the ballots' checks need (K, H_E, the manifest,
    /// the referendum's station of each ballot); their checks are the combine step's.
    /// - Throws: `VerifierError.recordNotFound`; every problem of the record is in the part's ledger.
    public static func verifyShard(recordAt path: String, shard: Shard, options: VerificationOptions = .init())
        async throws(VerifierError) -> ShardPart {
        let record = try open(path)
        var context = VerificationContext(record: record)
        var recordLevel = CheckLedger()
        ParameterVerification.run(&context, &recordLevel)
        GuardianVerification.run(&context, &recordLevel)
        let referendum = ReferendumFiles.read(record)
        let listing = BallotListing.list(record)
        let work = listing.work.filter { shard.contains($0.file.path) }
        let start = Date(), cpu = processorSeconds()
        let pass = await BallotPass.verify(work, context, referendum: referendum, options: options)
        let phase = BallotPhase(pass: pass, seconds: Date().timeIntervalSince(start), cpuSeconds: processorSeconds() - cpu,
                                jobs: max(1, options.jobs))
        return ShardPart(shard: shard, record: .init(context, listing, referendum), pass: pass, phase: phase, batched: options.batch)
    }

    /// Every check of the record at `path`, its ballots' from `parts` (one per shard of one split): the
    /// same report as `verify(recordAt:options:)`. Record-level checks, chains, duplicates, aggregation,
    /// the tally and the referendum's rules are made here, on the record and the parts' summaries and products.
    /// - Throws: `recordNotFound`; `partsDoNotMatch` when a shard is missing or given twice, the parts
    ///   split differently or come from another record; `unreadablePart` for a value out of place.
    public static func combine(recordAt path: String, parts: [ShardPart], options: VerificationOptions = .init())
        async throws(VerifierError) -> VerificationReport {
        var options = options
        options.batch = !parts.isEmpty && parts.allSatisfy(\.statistics.batched)
        return try await run(recordAt: path, options: options) { (context, referendum) async throws(VerifierError) -> BallotPhase in
            let listing = BallotListing.list(context.record)
            try ShardCombination.check(parts, against: .init(context, listing, referendum), record: path)
            var owner = [String?](repeating: nil, count: listing.work.count)
            var ballots = BallotPassResult()
            for part in parts.sorted(by: { $0.shard.number < $1.shard.number }) {
                ballots.merge(try part.ballots(listing, record: context.record, owner: &owner))
            }
            if let ordinal = owner.firstIndex(where: { $0 == nil }) {
                let file = listing.work[ordinal].file.path
                throw .partsDoNotMatch("no part holds \(file) (a ballot of shard \(Shard.number(of: file, count: parts[0].shard.count)))")
            }
            let pass = BallotPass.finish(ballots, listing: listing, context, options: options)
            return BallotPhase(pass: pass, seconds: parts.map(\.statistics.seconds).max() ?? 0,
                               cpuSeconds: parts.reduce(0) { $0 + $1.statistics.cpuSeconds },
                               jobs: parts.reduce(0) { $0 + $1.statistics.jobs })
        }
    }

    /// `combine(recordAt:parts:options:)` with the parts read from the files at `partFiles`; a directory
    /// among them stands for the `.json` files in it.
    /// - Throws: as it, and `unreadablePart` for a file that is not a part.
    public static func combine(recordAt path: String, partFiles: [String], options: VerificationOptions = .init())
        async throws(VerifierError) -> VerificationReport {
        var parts = [ShardPart]()
        for file in partFiles.flatMap(ShardPart.files) { parts.append(try ShardPart.read(from: file)) }
        return try await combine(recordAt: path, parts: parts, options: options)
    }
}
