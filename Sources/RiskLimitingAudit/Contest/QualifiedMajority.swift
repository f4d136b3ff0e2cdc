/// The share of valid votes an option needs to carry a contest (a referendum's "Yes").
///
/// "Yes needs more than half" is `QualifiedMajority(option: "Yes", numerator: 1, denominator: 2,
/// inclusive: false)`; "at least two thirds" is `(2, 3, inclusive: true)`. Valid votes are the votes
/// for the options; blank and invalid ballots count towards neither side.
public struct QualifiedMajority: Sendable, Codable, Hashable {
    /// The option that must reach the threshold.
    public let option: String
    /// The threshold's numerator.
    public let numerator: Int
    /// The threshold's denominator, at most `QualifiedMajority.maximumDenominator`.
    public let denominator: Int
    /// `true` for "at least" (≥), `false` for "more than" (>).
    public let inclusive: Bool

    /// The largest denominator accepted, so that weighted margins stay far inside `Int`.
    public static let maximumDenominator = 1_000

    /// Checks 0 < numerator < denominator ≤ 1000 and a non-empty option name.
    /// - Throws: `AuditError.invalidInput` naming `qualifiedMajority.option`, `.numerator` or `.denominator`.
    public init(option: String, numerator: Int, denominator: Int, inclusive: Bool) throws {
        guard !option.isEmpty else {
            throw AuditError.invalidInput(field: "qualifiedMajority.option", reason: "is empty")
        }
        guard denominator >= 2, denominator <= Self.maximumDenominator else {
            throw AuditError.invalidInput(
                field: "qualifiedMajority.denominator",
                reason: "\(denominator) is not between 2 and \(Self.maximumDenominator)")
        }
        guard numerator > 0, numerator < denominator else {
            throw AuditError.invalidInput(
                field: "qualifiedMajority.numerator",
                reason: "\(numerator) is not strictly between 0 and the denominator \(denominator)")
        }
        self.option = option
        self.numerator = numerator
        self.denominator = denominator
        self.inclusive = inclusive
    }

    /// "More than half of the valid votes".
    public static func simpleMajority(of option: String) throws -> QualifiedMajority {
        try QualifiedMajority(option: option, numerator: 1, denominator: 2, inclusive: false)
    }

    /// Whether `votes` out of `validVotes` reach the threshold.
    public func isReached(votes: Int, validVotes: Int) -> Bool {
        let lhs = denominator * votes
        let rhs = numerator * validVotes
        return inclusive ? lhs >= rhs : lhs > rhs
    }

    private enum CodingKeys: String, CodingKey { case option, numerator, denominator, inclusive }

    /// Decodes a threshold and checks it as `init` does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            option: try c.decode(String.self, forKey: .option),
            numerator: try c.decode(Int.self, forKey: .numerator),
            denominator: try c.decode(Int.self, forKey: .denominator),
            inclusive: try c.decode(Bool.self, forKey: .inclusive))
    }
}
