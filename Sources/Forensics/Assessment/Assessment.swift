/// Checks a facts file against the Venice Commission's Code of Good Practice on Referendums (revised,
/// CDL-AD(2022)015, adopted June 2022; point numbers refer to its guidelines) and for internal
/// arithmetic. Each check says what the standard asks, what the facts say, and the verdict.
public enum Assessment {
    /// The outcome of one check.
    public enum Verdict: String, Codable, Sendable {
        /// The facts show the standard is met.
        case meets
        /// The facts show the standard is not met.
        case fails
        /// The facts do not decide it.
        case cannotDecide = "cannot decide"
    }

    /// One check.
    public struct Check: Codable, Equatable, Sendable {
        /// Short identifier.
        public var id: String
        /// Region the check is about; nil for the whole referendum.
        public var region: String?
        /// The point of the Code (or "arithmetic").
        public var reference: String
        /// What the standard asks.
        public var asks: String
        /// What the facts say.
        public var facts: String
        /// The verdict.
        public var verdict: Verdict
    }

    /// The whole assessment.
    public struct Report: Codable, Equatable, Sendable {
        /// The referendum's name.
        public var name: String
        /// The facts file.
        public var source: String
        /// Every check, referendum-wide first, then per region.
        public var checks: [Check]

        /// How many checks reached each verdict.
        public var tally: [Verdict: Int] {
            var counts: [Verdict: Int] = [:]
            for check in checks { counts[check.verdict, default: 0] += 1 }
            return counts
        }
    }

    /// Runs every check on `facts`; `source` names the facts file in the report.
    public static func run(_ facts: Facts, source: String) -> Report {
        var checks = CodeChecks.referendumWide(facts.referendum)
        for region in facts.regions {
            checks += CodeChecks.perRegion(region)
            checks += ArithmeticChecks.run(region)
        }
        return Report(name: facts.referendum.name, source: source, checks: checks)
    }
}
