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
