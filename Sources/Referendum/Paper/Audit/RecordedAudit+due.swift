import ElectionRecord

extension RecordedAudit.Contest {
    /// The batches the board must count for the last round of a batch-comparison audit: those its
    /// sample drew that no earlier round counted, sorted (a batch drawn again is not counted again).
    public var batchesDue: [String] {
        guard let round = rounds.last else { return [] }
        let counted = Set(rounds.dropLast().flatMap { ($0.counted ?? []).map(\.batch) })
        return Set(round.sample.map(\.batch)).subtracting(counted).sorted()
    }
}
