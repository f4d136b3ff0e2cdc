import ElectionGuard

/// `private_data/input/pballot-<ballot_id>.json`: a plaintext input ballot (egk `PlaintextBallotJson`).
/// Never publish.
public struct PlaintextBallotJSON: Codable, Sendable, Hashable {
    /// The `ballot_id` field.
    public var ballot_id: String
    /// The ballot style id (not `ballot_style_id`).
    public var ballot_style: String
    /// The `contests` field.
    public var contests: [Contest]
    /// egk's paper serial number, encrypted into the ballot's `encrypted_sn`.
    public var sn: Int64?
    /// egk's processing errors, if any.
    public var errors: String?

    /// Memberwise, with the values as the file holds them.
    public init(ballot_id: String, ballot_style: String, contests: [Contest], sn: Int64? = nil, errors: String? = nil) {
        self.ballot_id = ballot_id
        self.ballot_style = ballot_style
        self.contests = contests
        self.sn = sn
        self.errors = errors
    }

    /// One contest's votes.
    public struct Contest: Codable, Sendable, Hashable {
        /// The `contest_id` field.
        public var contest_id: String
        /// The `sequence_order` field.
        public var sequence_order: Int
        /// The `selections` field.
        public var selections: [Selection]
        /// The `write_ins` field.
        public var write_ins: [String]

        /// Memberwise, with the values as the file holds them.
        public init(contest_id: String, sequence_order: Int, selections: [Selection], write_ins: [String] = []) {
            self.contest_id = contest_id
            self.sequence_order = sequence_order
            self.selections = selections
            self.write_ins = write_ins
        }
    }

    /// One selection's vote, 0 or 1.
    public struct Selection: Codable, Sendable, Hashable {
        /// The `selection_id` field.
        public var selection_id: String
        /// The `sequence_order` field.
        public var sequence_order: Int
        /// The `vote` field.
        public var vote: Int

        /// Memberwise, with the values as the file holds them.
        public init(selection_id: String, sequence_order: Int, vote: Int) {
            self.selection_id = selection_id
            self.sequence_order = sequence_order
            self.vote = vote
        }
    }
}

extension PlaintextBallotJSON {
    /// The JSON of `ballot`, listing every selection of its contests (0 where not voted).
    /// - Parameter contests: the descriptions of the ballot's contests (for sequence orders).
    public init(_ ballot: PlaintextBallot, contests: [ContestDescription], sn: Int64? = nil) {
        let byId = Dictionary(contests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.init(
            ballot_id: ballot.id, ballot_style: ballot.styleId,
            contests: ballot.contests.map { contest in
                let description = byId[contest.contestId]
                let selections = description?.selections.map {
                    Selection(selection_id: $0.id, sequence_order: $0.sequenceOrder, vote: contest.votes[$0.id] ?? 0)
                } ?? contest.votes.keys.sorted().enumerated().map {
                    Selection(selection_id: $1, sequence_order: $0 + 1, vote: contest.votes[$1] ?? 0)
                }
                return Contest(contest_id: contest.contestId, sequence_order: description?.sequenceOrder ?? 0,
                               selections: selections, write_ins: contest.writeIns)
            },
            sn: sn)
    }

    /// The ballot as encryption takes it.
    /// - Throws: `invalidValue` for a selection listed twice in a contest.
    public func plaintextBallot(at field: RecordField) throws(ElectionRecordError) -> PlaintextBallot {
        var contests = [PlaintextBallot.Contest]()
        for (index, contest) in self.contests.enumerated() {
            var votes = [String: Int]()
            for (j, selection) in contest.selections.enumerated() {
                guard votes.updateValue(selection.vote, forKey: selection.selection_id) == nil else {
                    throw field["contests"][index]["selections"][j]["selection_id"].invalid("\(selection.selection_id) appears more than once")
                }
            }
            contests.append(PlaintextBallot.Contest(contestId: contest.contest_id, votes: votes, writeIns: contest.write_ins))
        }
        return PlaintextBallot(id: ballot_id, styleId: ballot_style, contests: contests)
    }
}
