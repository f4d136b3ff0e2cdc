import ElectionGuard
import ElectionRecord
import Foundation

extension ShardPart {
    /// The part of shard `shard` from its ballots' result `pass`.
    init(shard: Shard, record: RecordIdentity, pass: BallotPassResult, phase: BallotPhase, batched: Bool) {
        version = Self.currentVersion
        self.shard = shard
        self.record = record
        statistics = Statistics(ballots: pass.summaries.count, seconds: phase.seconds, cpuSeconds: phase.cpuSeconds, jobs: phase.jobs,
                                batched: batched, subgroupBatches: pass.subgroupBatches, subgroupBatchesFailed: pass.subgroupBatchesFailed)
        ledger = pass.ledger.entries.sorted { $0.key < $1.key }.map { id, entry in
            LedgerEntry(id: id, checked: entry.checked, failed: entry.failed,
                        first: entry.first.map { LedgerEntry.First(ordinal: $0.ordinal, failure: $0.failure) },
                        skipped: entry.skipped, notes: entry.notes)
        }
        summaries = pass.summaries.map { summary in
            Summary(ordinal: summary.ordinal, file: summary.file.path, ballotId: summary.ballotId, state: summary.state,
                    confirmationCode: summary.confirmationCode?.hex, codeBaux: summary.codeBaux.map { Base16.encode($0) },
                    contestIds: summary.contestIds, timestamp: summary.timestamp, decoded: summary.decoded)
        }
        aggregate = Self.products(pass.aggregate)
        groups = Self.products(pass.groups)
        castContests = pass.castContests.sorted()
        let challenged = pass.summaries.filter { $0.state == EncryptedBallot.State.challenged.rawValue }
        let ordinals = Dictionary(challenged.compactMap { summary in summary.ballotId.map { ($0, summary.ordinal) } }) { first, _ in first }
        spoiled = pass.spoiled.keys.compactMap { ordinals[$0] }.sorted()
        source = "shard \(shard)"
    }

    private static func products(_ sums: CiphertextSums) -> [Product] {
        sums.sums.keys.sorted().map { key in
            let product = sums.sums[key]!
            return Product(key: key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init),
                           count: sums.counts[key] ?? 0, pad: product.pad.hex, data: product.data.hex)
        }
    }
}

extension ShardPart.RecordIdentity {
    /// The identity of the record whose context, ballot listing and referendum files these are.
    init(_ context: VerificationContext, _ listing: BallotListing, _ referendum: ReferendumFiles) {
        extendedBaseHash = context.extendedBaseHash?.hex
        ballotFiles = listing.work.count
        var message = [UInt8]()
        for work in listing.work {
            message += Array(work.file.path.utf8) + [0]
            message += Array((work.chainPosition.map(String.init) ?? "-").utf8) + [0]
        }
        listingDigest = ElectionHash.hmac(key: Array("plebiscite shard listing".utf8), message: message).hex
        var inputs = [UInt8]()
        for file in [RecordLayout.manifest, RecordLayout.config, RecordLayout.initialized] {
            let bytes = (try? context.record.bytes(file)) ?? []
            inputs += Array("\(file) \(bytes.count)".utf8) + [0] + bytes
        }
        for (ballot, group) in referendum.groupOfBallot.sorted(by: { $0.key < $1.key }) {
            inputs += Array(ballot.utf8) + [0] + Array(group.utf8) + [0]
        }
        inputsDigest = ElectionHash.hmac(key: Array("plebiscite shard inputs".utf8), message: inputs).hex
    }
}
