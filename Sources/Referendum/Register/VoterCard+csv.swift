extension VoterCard {
    /// Voter cards as CSV for printing: `voter_id,home_region,credential`. Secret: whoever holds it can vote.
    public static func csv(_ cards: [VoterCard]) -> String {
        (["voter_id,home_region,credential"] + cards.map { "\($0.voterId),\($0.homeRegion),\($0.credential)" })
            .joined(separator: "\n") + "\n"
    }
}
