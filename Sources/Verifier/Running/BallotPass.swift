import ElectionGuard
import ElectionRecord

/// The pass over every encrypted ballot: chunks of ballots verified in parallel on all cores, each
/// chunk with its own scratch memory and its own batch of subgroup checks; results merged in record
/// order so that the report does not depend on which worker finished first.
enum BallotPass {
    static func run(_ context: VerificationContext, referendum: ReferendumFiles, options: VerificationOptions) async -> BallotPassResult {
        let listing = BallotListing.list(context.record)
        let ballots = await verify(listing.work, context, referendum: referendum, options: options)
        return finish(ballots, listing: listing, context, options: options)
    }

    /// The checks of each ballot in `work` (a whole record's, or a shard's): everything that depends on
    /// one ballot file only. Without an election (key, hash or manifest unreadable) only the summaries.
    static func verify(_ work: [BallotWork], _ context: VerificationContext, referendum: ReferendumFiles,
                       options: VerificationOptions) async -> BallotPassResult {
        var total = BallotPassResult()
        guard case .success(let election) = context.election() else {
            // The checks across ballots (duplicates, cast_ballot_ids, the referendum's rows) still run.
            total.summaries = work.map { work in
                let bytes = Result { () throws(ElectionRecordError) in try context.record.bytes(work.file.path) }
                return (try? BallotVerification.summarize(work, bytes: bytes).get().1)
                    ?? BallotSummary(ordinal: work.ordinal, file: work.file, chainPosition: work.chainPosition)
            }
            return total
        }
        let verification = BallotVerification(election: election, record: context.record, groupOfBallot: referendum.groupOfBallot)
        let size = max(1, options.ballotsPerChunk)
        let chunks = stride(from: 0, to: work.count, by: size).map { Array(work[$0..<min($0 + size, work.count)]) }
        let jobs = max(1, options.jobs)
        var done = 0
        await withTaskGroup(of: BallotPassResult.self) { group in
            var next = 0
            func start() {
                let chunk = chunks[next]
                next += 1
                group.addTask { verify(chunk, verification, election: election, options: options) }
            }
            while next < chunks.count && next < jobs { start() }
            for await result in group {
                done += result.summaries.count
                total.merge(result)
                options.progress?(done, work.count)
                if next < chunks.count { start() }
            }
        }
        total.summaries.sort { $0.ordinal < $1.ordinal }
        return total
    }

    /// The whole pass from the listing and every ballot's result (one run's, or the shards' merged):
    /// what is said once per record, whoever verified the ballots.
    static func finish(_ ballots: BallotPassResult, listing: BallotListing, _ context: VerificationContext,
                       options: VerificationOptions) -> BallotPassResult {
        var total = BallotPassResult()
        total.ledger.merge(listing.ledger)
        total.devices = listing.devices.count
        total.deviceListings = listing.devices
        if case .failure(let missing) = context.election() {
            total.ledger.cannotCheck([.v5A, .v5B, .v5C, .v5D, .v5E, .v6A, .v6B, .v6C, .v6D, .v7A, .v7B], because: missing.failure)
            total.summaries = ballots.summaries
            return total
        }
        total.merge(ballots)
        total.summaries.sort { $0.ordinal < $1.ordinal }
        if total.ledger.entries[.v15] == nil { total.ledger.skip(.v15, "no pre-encrypted ballots") }
        if options.batch {
            total.ledger.note(.v5A, "batched: \(total.subgroupBatches) batches (Jacobi symbol and 64-bit small-exponent test), "
                                  + "error probability at most \(BatchSubgroupCheck.errorProbability) per batch; "
                                  + "\(total.subgroupBatchesFailed) failed and were re-checked one by one")
        } else {
            total.ledger.note(.v5A, "one by one: x^q = 1 for every element")
        }
        return total
    }

    /// Verifies one chunk of ballots (taking from `options.cache` the ballots it has already seen).
    static func verify(_ chunk: [BallotWork], _ verification: BallotVerification, election: Election,
                       options: VerificationOptions) -> BallotPassResult {
        let workspace = options.batch ? MontgomeryWorkspace() : nil
        let proofs = ContestProofs(election: election, workspace: workspace)
        var outcomes = [BallotPassResult](), deferred = [[DeferredSubgroupChecks.Entry]](), keys = [UInt256?]()
        let fingerprint = options.cache == nil ? nil : verification.fingerprint
        for work in chunk {
            let bytes = Result { () throws(ElectionRecordError) in try verification.record.bytes(work.file.path) }
            var key: UInt256?
            if let fingerprint, let data = try? bytes.get() {
                key = VerificationCache.key(work, bytes: data, fingerprint: fingerprint, batch: options.batch)
            }
            if let key, let cached = options.cache?[key] {
                outcomes.append(cached.restamped(as: work))
                deferred.append([])
                keys.append(nil)
                continue
            }
            let collector = DeferredSubgroupChecks()
            outcomes.append(verification.verify(work, bytes: bytes, subgroupCheck: options.batch ? .deferred(collector) : .each, proofs: proofs))
            deferred.append(collector.drain())
            keys.append(key)
        }
        var result = BallotPassResult()
        if let workspace, deferred.contains(where: { !$0.isEmpty }) {
            result.subgroupBatches = 1
            let elements = deferred.flatMap { $0.map(\.element) }
            let passed = BatchSubgroupCheck(workspace: workspace).allInSubgroup(elements, random: options.randomExponent)
            if !passed { result.subgroupBatchesFailed = 1 }
            for (index, entries) in deferred.enumerated() {
                if passed {
                    outcomes[index].ledger.pass(.v5A, count: entries.count)
                    continue
                }
                for entry in entries {
                    outcomes[index].ledger.check(.v5A, entry.element.isInSubgroup, ordinal: chunk[index].ordinal, CheckFailure(
                        file: entry.field.file, field: entry.field.path, message: "5.A not an element of the order-q subgroup Z_p^r"))
                }
            }
        }
        for (outcome, key) in zip(outcomes, keys) {
            if let key { options.cache?[key] = outcome }
            result.merge(outcome)
            result.addCast(of: outcome, groupOfBallot: verification.groupOfBallot)
        }
        return result
    }
}
