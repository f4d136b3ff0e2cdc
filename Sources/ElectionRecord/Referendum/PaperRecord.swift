import Foundation

/// `referendum/protocols.json`: the stations' hand counts of the paper beside the electronic totals
/// of the same cells, with every difference listed (docs/referendum-record.md, "Paper").
///
/// Cells are the published ones of `totals.json`: a station's count for a region, or a region's
/// remainder, where the protocols of the merged stations are summed (a small station's own protocol
/// would reveal what the merge hides). A paper-only station has no electronic cell: its protocol is
/// its count, and it enters the region's reported result here.
public struct RecordedPaper: Codable, Sendable, Hashable {
    /// The protocols of unmerged and paper-only stations, as entered, ordered by cell.
    public let protocols: [StationProtocol]
    /// Protocols the commission replaced by a corrected one before the audit began, oldest first
    /// (only of stations whose protocols are published).
    public let replaced: [StationProtocol]
    /// Every cell with paper or electronic ballots, ordered by scope.
    public let cells: [Cell]
    /// Each region's reported result: electronic totals plus paper-only protocols.
    public let regions: [Region]

    public init(protocols: [StationProtocol], replaced: [StationProtocol], cells: [Cell], regions: [Region]) {
        self.protocols = protocols; self.replaced = replaced; self.cells = cells; self.regions = regions
    }

    /// Ballots and votes of one count.
    public struct Count: Codable, Sendable, Hashable {
        public let ballots: Int
        public let votes: [String: Int]
        public init(ballots: Int, votes: [String: Int]) { self.ballots = ballots; self.votes = votes }
    }

    /// One cell: its paper (summed protocols) and its electronic total, and how they differ.
    public struct Cell: Codable, Sendable, Hashable {
        /// "station/<station>/<region>", "remainder/<region>", or "paper/<station>/<region>" for a paper-only station.
        public let scope: String
        public let region: String
        /// The stations whose protocols it sums.
        public let stations: [String]
        /// The protocols' sum: envelopes found less those set aside, and votes; nil when a station of the cell sent no protocol.
        public let paper: Count?
        /// Invalid ballots found (paper only: a device makes none).
        public let invalid: Int?
        /// The decrypted totals; nil for a paper-only station.
        public let electronic: Count?
        /// Cast ballots of the cell that a later ballot of the same voter superseded: their envelopes
        /// are in the box, and the commission must have set exactly this many aside unopened.
        public let superseded: Int
        /// Each field where paper and electronic disagree: "ballots", "votes.<option>", "set_aside"
        /// (envelopes set aside against superseded ballots), "protocol" (none entered) and "issued"
        /// (more envelopes found than ballots issued).
        public let differences: [Difference]
        /// Whether there is any difference: paper and devices must agree exactly.
        public let unexplained: Bool

        public init(scope: String, region: String, stations: [String], paper: Count?, invalid: Int?, electronic: Count?,
                    superseded: Int, differences: [Difference], unexplained: Bool) {
            self.scope = scope; self.region = region; self.stations = stations
            self.paper = paper; self.invalid = invalid; self.electronic = electronic
            self.superseded = superseded; self.differences = differences; self.unexplained = unexplained
        }
    }

    /// A field where two counts disagree.
    public struct Difference: Codable, Sendable, Hashable {
        /// "ballots", "votes.<option>", "protocol" (none entered) or "issued" (found above issued).
        public let field: String
        public let paper: Int?
        /// The electronic count, or for "issued" the ballots issued.
        public let electronic: Int?
        public init(field: String, paper: Int?, electronic: Int?) { self.field = field; self.paper = paper; self.electronic = electronic }
    }

    /// A region's reported result, the one a risk-limiting audit confirms.
    public struct Region: Codable, Sendable, Hashable {
        public let region: String
        public let electronic: Count
        public let paperOnly: Count
        public let reported: Count

        enum CodingKeys: String, CodingKey { case region, electronic, reported, paperOnly = "paper_only" }

        public init(region: String, electronic: Count, paperOnly: Count, reported: Count) {
            self.region = region; self.electronic = electronic; self.paperOnly = paperOnly; self.reported = reported
        }
    }

    /// The scope of a paper-only station's cell.
    public static func paperOnlyScope(station: String, region: String) -> String { "paper/\(station)/\(region)" }
}
