import ElectionRecord

/// The subgroup checks of one record-level read (a tally, a challenged ballot, the totals), deferred and
/// made in one batch when batching, or made while reading when not.
struct DeferredElements {
    let options: VerificationOptions
    private let collector = DeferredSubgroupChecks()

    init(_ options: VerificationOptions) {
        self.options = options
    }

    /// The policy to read with.
    var subgroupCheck: SubgroupCheck { options.batch ? .deferred(collector) : .each }

    /// Checks every element read so far (nothing when not batching: the read checked them). An element
    /// outside Z_p^r fails the check `classify` gives for its field, as reading it would have.
    func check(_ ledger: inout CheckLedger, ordinal: Int = 0, classify: (RecordField) -> CheckID) {
        let entries = collector.drain()
        guard !entries.isEmpty else { return }
        let workspace = MontgomeryWorkspace()
        guard !BatchSubgroupCheck(workspace: workspace).allInSubgroup(entries.map(\.element), random: options.randomExponent) else { return }
        for entry in entries where !entry.element.isInSubgroup {
            let id = classify(entry.field)
            ledger.fail(id, CheckFailure(file: entry.field.file, field: entry.field.path,
                                         message: "\(id.rawValue) not an element of the order-q subgroup Z_p^r"), ordinal: ordinal)
        }
    }
}
