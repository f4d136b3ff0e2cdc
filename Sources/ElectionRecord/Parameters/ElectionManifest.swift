import ElectionGuard

/// The election manifest with the exact bytes it was read from or written as.
///
/// H_M is a hash of those bytes (record-format.md §4), so a manifest is written once and its bytes are
/// carried along unchanged; `json` is only for looking things up.
public struct ElectionManifest: Sendable, Hashable {
    /// The file's bytes, hashed into H_M.
    public let bytes: [UInt8]
    /// The parsed manifest.
    public let json: ManifestJSON

    /// Reads a manifest from its file's bytes, which are kept as they are.
    /// - Throws: `ElectionRecordError` for bad JSON, a missing field, or contest, selection or ballot
    ///   style ids (or contest sequence orders) that are not unique, which would make contests ambiguous.
    public init(bytes: [UInt8], file: String = RecordLayout.manifest) throws(ElectionRecordError) {
        let json = try RecordJSON.decode(ManifestJSON.self, from: bytes, file: file)
        try Self.validate(json, file: file)
        self.bytes = bytes
        self.json = json
    }

    /// A new manifest, written in egk's form with explicit nulls.
    /// - Throws: `invalidValue` for ids or sequence orders that are not unique.
    public init(_ json: ManifestJSON) throws(ElectionRecordError) {
        try Self.validate(json, file: RecordLayout.manifest)
        self.bytes = try RecordJSON.encode(json, explicitNulls: true, file: RecordLayout.manifest)
        self.json = json
    }

    /// H_M = H(H_P; 0x01, b4(length), bytes) (spec equation 5, verification 1.G).
    public func manifestHash(parameterBaseHash: UInt256, dialect: ProtocolDialect = .v2_0_0) -> UInt256 {
        ElectionHashes.manifestHash(parameterBaseHash: parameterBaseHash, manifest: bytes, dialect)
    }

    /// Every contest as encryption and verification need it, in sequence order.
    public var contests: [ContestDescription] {
        json.contests.sorted { $0.sequence_order < $1.sequence_order }.map(Self.description)
    }

    /// The contests of ballot style `styleId` in sequence order: those whose electoral district is one of
    /// the style's geopolitical units. Nil for an unknown style.
    public func contests(forBallotStyle styleId: String) -> [ContestDescription]? {
        guard let style = json.ballot_styles.first(where: { $0.object_id == styleId }) else { return nil }
        let units = Set(style.geopolitical_unit_ids)
        return json.contests.filter { units.contains($0.electoral_district_id) }
            .sorted { $0.sequence_order < $1.sequence_order }
            .map(Self.description)
    }

    /// The contest with id `contestId`, if any.
    public func contest(_ contestId: String) -> ContestDescription? {
        json.contests.first { $0.object_id == contestId }.map(Self.description)
    }

    private static func description(_ contest: ManifestJSON.Contest) -> ContestDescription {
        ContestDescription(
            id: contest.object_id, sequenceOrder: contest.sequence_order, votesAllowed: contest.votes_allowed,
            selections: contest.ballot_selections.sorted { $0.sequence_order < $1.sequence_order }
                .map { SelectionDescription(id: $0.object_id, sequenceOrder: $0.sequence_order) })
    }

    private static func validate(_ json: ManifestJSON, file: String) throws(ElectionRecordError) {
        let top = RecordField(file: file)
        try unique(json.contests.map(\.object_id), at: top["contests"], what: "object_id")
        try unique(json.contests.map(\.sequence_order), at: top["contests"], what: "sequence_order")
        try unique(json.ballot_styles.map(\.object_id), at: top["ballot_styles"], what: "object_id")
        for (index, contest) in json.contests.enumerated() {
            let field = top["contests"][index]
            _ = try field["votes_allowed"].integer(contest.votes_allowed, in: 0...Int.max)
            try unique(contest.ballot_selections.map(\.object_id), at: field["ballot_selections"], what: "object_id")
            try unique(contest.ballot_selections.map(\.sequence_order), at: field["ballot_selections"], what: "sequence_order")
        }
    }

    private static func unique<T: Hashable>(_ values: [T], at field: RecordField, what: String) throws(ElectionRecordError) {
        var seen = Set<T>()
        for (index, value) in values.enumerated() where !seen.insert(value).inserted {
            throw field[index][what].invalid("\(value) appears more than once")
        }
    }
}
