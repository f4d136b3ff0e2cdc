/// The published protocol of one polling station: who could vote, how many ballots were handed out
/// and found, and the votes for each option.
public struct Station: Codable, Equatable, Sendable {
    /// Region (first-level unit the results are reported for).
    public var region: String
    /// Intermediate unit such as a territorial commission, if the file has one.
    public var group: String?
    /// Station number or name.
    public var id: String
    /// Line in the source file (the header is line 1).
    public var line: Int
    /// Registered voters.
    public var registered: Int
    /// Ballots issued to voters (the sum of the profile's issued columns), if published.
    public var issued: Int?
    /// Ballots found in the boxes, if published.
    public var found: Int?
    /// Ballots found in mobile (portable) boxes, if published.
    public var mobile: Int?
    /// Valid ballots, if published.
    public var valid: Int?
    /// Invalid ballots, if published.
    public var invalid: Int?
    /// Votes per option, in the order of the profile's options.
    public var votes: [Int]

    /// Creates a station record.
    public init(
        region: String, group: String? = nil, id: String, line: Int, registered: Int,
        issued: Int? = nil, found: Int? = nil, mobile: Int? = nil, valid: Int? = nil,
        invalid: Int? = nil, votes: [Int]
    ) {
        self.region = region
        self.group = group
        self.id = id
        self.line = line
        self.registered = registered
        self.issued = issued
        self.found = found
        self.mobile = mobile
        self.valid = valid
        self.invalid = invalid
        self.votes = votes
    }

    /// Ballots cast: valid plus invalid when both are published, else ballots found in the boxes,
    /// else the sum of the votes (plus invalid ballots if known). Shares are taken of this number.
    public var cast: Int {
        if let valid, let invalid { return valid + invalid }
        if let found { return found }
        return votes.reduce(0, +) + (invalid ?? 0)
    }

    /// The numerator of turnout: ballots issued when published (the official Russian definition and
    /// Kobak et al.'s), else ballots cast.
    public var turnoutBallots: Int { issued ?? cast }
}
