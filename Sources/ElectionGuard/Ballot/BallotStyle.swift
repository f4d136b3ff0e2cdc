/// A contest as encryption needs it (spec 3.3): its id, order, how many selections may be voted, and
/// its selections. The manifest's other fields (names, texts) live in the record, not here.
public struct ContestDescription: Sendable, Hashable, Codable {
    public let id: String
    public let sequenceOrder: Int
    /// L, the contest's selection limit.
    public let votesAllowed: Int
    public let selections: [SelectionDescription]

    public init(id: String, sequenceOrder: Int, votesAllowed: Int, selections: [SelectionDescription]) {
        self.id = id
        self.sequenceOrder = sequenceOrder
        self.votesAllowed = votesAllowed
        self.selections = selections
    }
}

/// A selection (an option) of a contest.
public struct SelectionDescription: Sendable, Hashable, Codable {
    public let id: String
    public let sequenceOrder: Int

    public init(id: String, sequenceOrder: Int) {
        self.id = id
        self.sequenceOrder = sequenceOrder
    }
}

/// A voter's choices before encryption: per contest, the votes (0 or 1) by selection id, and write-ins.
public struct PlaintextBallot: Sendable, Hashable {
    public struct Contest: Sendable, Hashable {
        public let contestId: String
        /// Votes by selection id; a selection not listed is 0.
        public let votes: [String: Int]
        public let writeIns: [String]

        public init(contestId: String, votes: [String: Int], writeIns: [String] = []) {
            self.contestId = contestId
            self.votes = votes
            self.writeIns = writeIns
        }
    }

    public let id: String
    public let styleId: String
    public let contests: [Contest]

    public init(id: String, styleId: String, contests: [Contest]) {
        self.id = id
        self.styleId = styleId
        self.contests = contests
    }
}
