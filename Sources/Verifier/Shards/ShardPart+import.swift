import ElectionGuard
import ElectionRecord

extension ShardPart {
    /// This part's ballots' result, checked against the combine step's own `listing` of the record:
    /// every summary names a ballot file of this shard at its place in the record, once.
    /// - Parameter owner: for each ordinal, the part that brought it so far (filled in here).
    /// - Throws: `unreadablePart` naming the field that does not fit.
    func ballots(_ listing: BallotListing, record: ElectionRecordDirectory, owner: inout [String?]) throws(VerifierError) -> BallotPassResult {
        try checkFigures()
        var result = BallotPassResult()
        result.ledger = try restoredLedger(ballots: listing.work.count)
        for (index, summary) in summaries.enumerated() {
            result.summaries.append(try restored(summary, field: "summaries[\(index)]", listing, owner: &owner))
        }
        result.aggregate = try restored(aggregate, field: "aggregate", parts: 2)
        result.groups = try restored(groups, field: "groups", parts: 3)
        result.castContests = Set(castContests)
        for (index, ordinal) in spoiled.enumerated() {
            let ballot = try spoiledBallot(ordinal, field: "spoiled[\(index)]", listing, record: record, owner: owner)
            if result.spoiled[ballot.ballotId] == nil { result.spoiled[ballot.ballotId] = ballot }
        }
        result.subgroupBatches = statistics.subgroupBatches
        result.subgroupBatchesFailed = statistics.subgroupBatchesFailed
        return result
    }

    private func fail(_ field: String, _ message: String) -> VerifierError {
        .unreadablePart(file: source, field: field, message: message)
    }

    /// A bound on every count a part brings, far above any record's, so that adding the parts' counts
    /// cannot overflow.
    static let countLimit = 1 << 40

    private func checkFigures() throws(VerifierError) {
        let figures = [("statistics.jobs", statistics.jobs), ("statistics.subgroupBatches", statistics.subgroupBatches),
                       ("statistics.subgroupBatchesFailed", statistics.subgroupBatchesFailed)]
        for (field, value) in figures where !(0...Self.countLimit).contains(value) { throw fail(field, "\(value) is out of range") }
        guard statistics.seconds.isFinite, statistics.cpuSeconds.isFinite else { throw fail("statistics.seconds", "not a finite number") }
        for (index, entry) in ledger.enumerated() where !(0...Self.countLimit).contains(entry.checked) {
            throw fail("ledger[\(index)].checked", "\(entry.checked) is out of range")
        }
        for (field, products) in [("aggregate", aggregate), ("groups", groups)] {
            for (index, product) in products.enumerated() where !(1...Self.countLimit).contains(product.count) {
                throw fail("\(field)[\(index)].count", "\(product.count) ciphertexts")
            }
        }
    }

    private func restoredLedger(ballots: Int) throws(VerifierError) -> CheckLedger {
        var entries = [CheckID: CheckLedger.Entry]()
        for (index, entry) in ledger.enumerated() {
            let field = "ledger[\(index)]"
            guard entries[entry.id] == nil else { throw fail(field + ".id", "check \(entry.id.rawValue) listed twice") }
            guard entry.checked >= 0, (0...entry.checked).contains(entry.failed) else {
                throw fail(field, "counts \(entry.failed) failed of \(entry.checked) checked are impossible")
            }
            guard (entry.failed > 0) == (entry.first != nil) else { throw fail(field + ".first", "a first failure exactly when some failed") }
            if let first = entry.first, !(0..<max(1, ballots)).contains(first.ordinal) {
                throw fail(field + ".first.ordinal", "\(first.ordinal) is not a ballot's place in the record")
            }
            entries[entry.id] = CheckLedger.Entry(checked: entry.checked, failed: entry.failed,
                                                  first: entry.first.map { (ordinal: $0.ordinal, failure: $0.failure) }, skipped: entry.skipped, notes: entry.notes)
        }
        return CheckLedger(entries: entries)
    }

    private func restored(_ summary: Summary, field: String, _ listing: BallotListing, owner: inout [String?]) throws(VerifierError) -> BallotSummary {
        guard listing.work.indices.contains(summary.ordinal) else {
            throw fail(field + ".ordinal", "\(summary.ordinal) is not a ballot's place in the record (\(listing.work.count) ballot files)")
        }
        let work = listing.work[summary.ordinal]
        guard work.file.path == summary.file else {
            throw fail(field + ".file", "\(summary.file) is not the record's ballot file \(summary.ordinal), \(work.file.path)")
        }
        guard shard.contains(summary.file) else { throw fail(field + ".file", "\(summary.file) is not a ballot of shard \(shard)") }
        if let other = owner[summary.ordinal] {
            throw fail(field + ".file", "\(summary.file) is already in \(other)")
        }
        owner[summary.ordinal] = source
        var restored = BallotSummary(ordinal: work.ordinal, file: work.file, chainPosition: work.chainPosition)
        restored.ballotId = summary.ballotId
        restored.state = summary.state
        if let code = summary.confirmationCode {
            guard let value = try? UInt256(hex: code) else { throw fail(field + ".confirmationCode", "not 64 hex digits") }
            restored.confirmationCode = value
        }
        if let baux = summary.codeBaux {
            guard baux.isEmpty || Base16.decode(baux) != nil else { throw fail(field + ".codeBaux", "not hex") }
            restored.codeBaux = baux.isEmpty ? [] : Base16.decode(baux)
        }
        restored.contestIds = summary.contestIds
        restored.timestamp = summary.timestamp
        restored.decoded = summary.decoded
        return restored
    }

    private func restored(_ products: [Product], field: String, parts: Int) throws(VerifierError) -> CiphertextSums {
        var sums = CiphertextSums()
        for (index, product) in products.enumerated() {
            let at = "\(field)[\(index)]"
            guard product.key.count == parts else { throw fail(at + ".key", "\(product.key.count) parts, not \(parts)") }
            let key = product.key.joined(separator: "\u{1F}")
            guard sums[key] == nil else { throw fail(at + ".key", "\(product.key) listed twice") }
            // Range only: a product of elements outside Z_p^r is what 5.A has already reported.
            func element(_ hex: String, _ name: String) throws(VerifierError) -> ElementModP {
                guard let bytes = Base16.decode(hex), let value = try? ElementModP(bytesDeferringSubgroupCheck: bytes) else {
                    throw fail("\(at).\(name)", "not an element of Z_p in hex")
                }
                return value
            }
            sums.insert(ElGamalCiphertext(pad: try element(product.pad, "pad"), data: try element(product.data, "data")),
                        count: product.count, at: key)
        }
        return sums
    }

    /// A SPOILED ballot without a nonce, read again from the record (12.C compares its decryption with it).
    private func spoiledBallot(_ ordinal: Int, field: String, _ listing: BallotListing, record: ElectionRecordDirectory,
                               owner: [String?]) throws(VerifierError) -> EncryptedBallot {
        guard listing.work.indices.contains(ordinal), owner[ordinal] == source else {
            throw fail(field, "\(ordinal) is not the place of one of this part's ballots")
        }
        let work = listing.work[ordinal]
        let bytes = Result { () throws(ElectionRecordError) in try record.bytes(work.file.path) }
        guard let json = try? BallotVerification.summarize(work, bytes: bytes).get().0,
              let recorded = try? json.recordedBallot(at: RecordField(file: work.file.path, subgroupCheck: .deferred(DeferredSubgroupChecks()))),
              recorded.ballot.state == .challenged, recorded.primaryNonce == nil else {
            throw .partsDoNotMatch("\(source): \(field): \(work.file.path) is no longer the SPOILED ballot shard \(shard) verified; "
                                   + "the record changed since, verify it again")
        }
        return recorded.ballot
    }
}
