import ElectionRecord
import Foundation

/// The control relations every paper protocol has (docs/paper.md):
/// - found = stationary + mobile (ballots found in the boxes);
/// - received = issued + unused + spoiled (every blank ballot paper accounted for);
/// - the options' votes + invalid + set aside = found (envelopes of superseded ballots are set aside unopened).
/// A protocol that breaks one is refused with the relation named. Found above issued is not refused
/// (the commission counted what it found) but is listed among the differences: it is what stuffing leaves.
extension StationProtocol {
    /// The cell it counts, as `TallyScope.key` writes a station's: "station/<station>/<region>".
    public var cell: String { TallyScope.station(station, region: region).key }

    /// A control relation of the protocol, by name.
    public enum Relation: String, Sendable, CaseIterable {
        case foundInBoxes = "found = stationary + mobile"
        case papersAccounted = "received = issued + unused + spoiled"
        case votesAddUp = "votes + invalid + set_aside = found"
    }

    /// The relations this protocol breaks, each with its two sides.
    public var brokenRelations: [(relation: Relation, left: Int, right: Int)] {
        var broken = [(relation: Relation, left: Int, right: Int)]()
        let (boxes, papers, votesAndInvalid) = Self.sums(self)
        if found != boxes { broken.append((.foundInBoxes, found, boxes)) }
        if received != papers { broken.append((.papersAccounted, received, papers)) }
        if votesAndInvalid != found { broken.append((.votesAddUp, votesAndInvalid, found)) }
        return broken
    }

    /// stationary + mobile, issued + unused + spoiled, and votes + invalid + set aside, in wrapping-free arithmetic
    /// (every count is bounded by `maximumCount`, so the sums cannot overflow).
    static func sums(_ p: StationProtocol) -> (Int, Int, Int) {
        (p.stationary + p.mobile, p.issued + p.unused + p.spoiled, p.votes.values.reduce(p.invalid + p.setAside, +))
    }

    /// No station handles more ballot papers than this; larger numbers are typing errors.
    public static let maximumCount = 10_000_000
    /// Signatories on one protocol, at most.
    public static let maximumSignatories = 50
}
