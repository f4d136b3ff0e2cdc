/// One claim about the votes that, with the contest's other assertions, implies its outcome:
/// "the favoured options hold more than the share `nullNumerator/nullDenominator` of the votes
/// cast for the favoured and opposed options together".
///
/// A plurality pair "W beats L" is favoured `[W]`, opposed `[L]`, share 1/2. "Yes reaches 2/3 of
/// valid votes" is favoured `[Yes]`, opposed every other option, share 2/3; when Yes failed it is
/// favoured the others, opposed `[Yes]`, share 1/3.
///
/// Every method here counts a ballot through its contribution to the weighted margin: a favoured
/// vote adds `nullDenominator − nullNumerator`, an opposed vote subtracts `nullNumerator`, anything
/// else adds nothing (Stark's SHANGRLA assorters, scaled to integers). A pair's contributions are
/// +1 and −1, so its weighted margin is the plain vote margin.
public struct Assertion: Sendable, Codable, Hashable {
    /// A label for messages and the record: `"Yes > No"`, `"Yes ≥ 2/3"`.
    public let id: String
    /// The options whose votes support the reported outcome.
    public let favoured: [String]
    /// The options whose votes count against it.
    public let opposed: [String]
    /// Reported votes for the favoured options together.
    public let favouredVotes: Int
    /// Reported votes for the opposed options together.
    public let opposedVotes: Int
    /// The null hypothesis's share, numerator (1 for a pair).
    public let nullNumerator: Int
    /// The null hypothesis's share, denominator (2 for a pair).
    public let nullDenominator: Int
    /// Ballots cast in the contest.
    public let ballotsCast: Int

    /// A favoured vote's contribution to the weighted margin.
    public var favouredWeight: Int { nullDenominator - nullNumerator }
    /// An opposed vote's contribution (negative).
    public var opposedWeight: Int { -nullNumerator }
    /// The most one ballot can overstate the margin: reported favoured, in truth opposed.
    public var maximumOverstatementPerBallot: Int { nullDenominator }

    /// The weighted margin of the reported votes: favouredWeight·F + opposedWeight·O (> 0 when the
    /// outcome holds). For a pair, the vote margin.
    public var margin: Int { weightedMargin(favoured: favouredVotes, opposed: opposedVotes) }

    /// The weighted margin of any tally of favoured and opposed votes.
    public func weightedMargin(favoured: Int, opposed: Int) -> Int {
        favouredWeight * favoured + opposedWeight * opposed
    }

    /// The diluted margin, 2·margin / (maximumOverstatementPerBallot · ballotsCast): for a pair,
    /// (v_w − v_l) / ballots; in general SHANGRLA's v/u, the margin of the assorter mean over its
    /// upper bound.
    public var dilutedMargin: Double {
        2 * Double(margin) / (Double(maximumOverstatementPerBallot) * Double(ballotsCast))
    }

    /// The reported share of the favoured options among favoured and opposed votes.
    public var reportedShare: Double {
        let both = favouredVotes + opposedVotes
        return both == 0 ? 0 : Double(favouredVotes) / Double(both)
    }

    /// The null hypothesis's share as a number.
    public var nullShare: Double { Double(nullNumerator) / Double(nullDenominator) }
}

extension Assertion {
    private enum CodingKeys: String, CodingKey {
        case id, favoured, opposed, favouredVotes, opposedVotes, nullNumerator, nullDenominator, ballotsCast
    }

    /// Decodes an assertion and checks it as `Contest.assertions()` would have made it: a share
    /// strictly between 0 and 1 with a denominator up to 1000, counts in [0, 10^12] that fit the
    /// ballots, and a positive margin. (A verifier should rather recompute the assertions from
    /// the contest.)
    /// - Throws: `AuditError.invalidInput` naming the field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let numerator = try c.decode(Int.self, forKey: .nullNumerator)
        let denominator = try c.decode(Int.self, forKey: .nullDenominator)
        guard denominator >= 2, denominator <= QualifiedMajority.maximumDenominator, numerator > 0, numerator < denominator else {
            throw AuditError.invalidInput(field: "assertion.nullNumerator", reason: "\(numerator)/\(denominator) is not a share strictly between 0 and 1")
        }
        let favouredVotes = try c.decode(Int.self, forKey: .favouredVotes)
        let opposedVotes = try c.decode(Int.self, forKey: .opposedVotes)
        let ballotsCast = try c.decode(Int.self, forKey: .ballotsCast)
        try Contest.checkCount(favouredVotes, field: "assertion.favouredVotes")
        try Contest.checkCount(opposedVotes, field: "assertion.opposedVotes")
        try Contest.checkCount(ballotsCast, field: "assertion.ballotsCast")
        guard favouredVotes + opposedVotes <= ballotsCast, ballotsCast > 0 else {
            throw AuditError.invalidInput(field: "assertion.ballotsCast", reason: "\(ballotsCast) ballots cannot carry the votes")
        }
        self.init(
            id: try c.decode(String.self, forKey: .id), favoured: try c.decode([String].self, forKey: .favoured),
            opposed: try c.decode([String].self, forKey: .opposed), favouredVotes: favouredVotes, opposedVotes: opposedVotes,
            nullNumerator: numerator, nullDenominator: denominator, ballotsCast: ballotsCast)
        guard margin > 0 else { throw AuditError.invalidInput(field: "assertion", reason: "the margin \(margin) is not positive") }
    }
}
