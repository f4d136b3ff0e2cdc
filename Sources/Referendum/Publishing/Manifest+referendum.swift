import ElectionRecord
import Foundation
import ElectionGuard

/// How a referendum maps onto an ElectionGuard manifest: one contest per region (the contest id is
/// the region id, so each region's result is its own contest in the tally and a voter of one region
/// cannot use another region's ballot), one selection per option (id "region-option"), one ballot
/// style per region containing only that region's contest.
extension ReferendumDefinition {
    /// The contest of `region`, in manifest order (regions in definition order, from 1).
    public func contest(for region: String) -> ContestDescription? {
        guard let index = regions.firstIndex(where: { $0.id == region }) else { return nil }
        return ContestDescription(
            id: region, sequenceOrder: index + 1, votesAllowed: 1,
            selections: options.enumerated().map { SelectionDescription(id: selectionId(region: region, option: $1.id), sequenceOrder: $0 + 1) })
    }

    /// Every contest, in manifest order.
    public var contests: [ContestDescription] { regions.compactMap { contest(for: $0.id) } }

    /// The selection id of `option` in `region`'s contest.
    public func selectionId(region: String, option: String) -> String { "\(region)-\(option)" }

    /// The option of a selection id in `region`'s contest.
    public func option(region: String, selectionId: String) -> String? {
        options.first { self.selectionId(region: region, option: $0.id) == selectionId }?.id
    }

    /// The ballot style id of `region`.
    public func ballotStyle(for region: String) -> String { "style-\(region)" }
}


extension ReferendumDefinition {
    /// The ElectionGuard manifest of the referendum in egk's JSON, with explicit nulls as egk's input
    /// manifests have them. Its bytes are hashed into H_M exactly as written.
    public var manifestBytes: [UInt8] {
        get throws {
            let iso = ISO8601DateFormatter()
            let manifest = ManifestJSON(
                election_scope_id: id, type: "special",
                start_date: schedule.voting.map(\.opens).min().map(iso.string(from:)) ?? "",
                end_date: schedule.voting.map(\.closes).max().map(iso.string(from:)) ?? "",
                geopolitical_units: regions.map { .init(object_id: $0.id, name: $0.name.text(), type: "state") },
                parties: [],
                candidates: regions.flatMap { region in
                    options.map { .init(object_id: selectionId(region: region.id, option: $0.id), name: $0.text.text()) }
                },
                contests: contests.map { contest in
                    .init(object_id: contest.id, sequence_order: contest.sequenceOrder, electoral_district_id: contest.id,
                          vote_variation: "one_of_m", number_elected: 1, votes_allowed: contest.votesAllowed,
                          name: question.text(),
                          ballot_selections: contest.selections.map { .init(object_id: $0.id, sequence_order: $0.sequenceOrder, candidate_id: $0.id) },
                          ballot_title: title.text())
                },
                ballot_styles: regions.map { .init(object_id: ballotStyle(for: $0.id), geopolitical_unit_ids: [$0.id]) },
                name: title.keys.sorted().map { .init(value: title[$0]!, language: $0) })
            return try RecordJSON.encode(manifest, explicitNulls: true, file: "manifest.json")
        }
    }
}
