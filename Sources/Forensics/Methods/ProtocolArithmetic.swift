/// Test 5: protocol arithmetic. Each check runs only when the profile maps the figures it needs.
public enum ProtocolArithmetic {
    /// One arithmetic check over all stations.
    public struct Check: Codable, Equatable, Sendable {
        /// Short identifier.
        public var id: String
        /// What the check asks of every protocol.
        public var rule: String
        /// Stations checked.
        public var checked: Int
        /// Stations that break the rule.
        public var violations: Int
        /// Up to ten examples: "region / station (line n): detail".
        public var examples: [String]
    }

    /// Runs every check the mapped figures allow; bad rows already removed are counted separately.
    public static func run(_ results: StationResults) -> [Check] {
        let mapped = results.mapped
        var checks: [Check] = []
        let impossible = results.badRows.filter { $0.reason == .moreBallotsThanVoters }
        checks.append(Check(
            id: "turnout-over-100",
            rule: results.rules.ballotsMayExceedRegistered
                ? "ballots issued and cast do not exceed registered voters (the profile allows it; counted, not removed)"
                : "ballots issued and cast do not exceed registered voters (rows that do were set aside as bad rows)",
            checked: results.stations.count + impossible.count,
            violations: impossible.count + results.stations.filter {
                $0.turnoutBallots > $0.registered || $0.cast > $0.registered
            }.count,
            examples: impossible.prefix(10).map { "line \($0.line): \($0.detail)" }))
        if mapped.issued && mapped.found {
            checks.append(check(
                "issued-equals-found", "ballots issued equal ballots found in the boxes", results
            ) { station in
                guard let issued = station.issued, let found = station.found, issued != found else { return nil }
                return "\(issued) issued, \(found) found"
            })
            checks.append(check(
                "issued-found-gap-over-1pct", "ballots issued and found differ by at most 1% of registered voters",
                results
            ) { station in
                guard let issued = station.issued, let found = station.found,
                    100 * abs(issued - found) > station.registered
                else { return nil }
                return "\(issued) issued, \(found) found, \(station.registered) registered"
            })
        }
        if mapped.found && mapped.valid && mapped.invalid {
            checks.append(check("valid-plus-invalid", "valid + invalid ballots equal ballots found", results) {
                station in
                guard let found = station.found, let valid = station.valid, let invalid = station.invalid,
                    valid + invalid != found
                else { return nil }
                return "\(valid) valid + \(invalid) invalid ≠ \(found) found"
            })
        }
        if mapped.valid {
            let cover = results.rules.optionsCoverValid
            checks.append(check(
                "votes-sum", cover ? "the options' votes add up to the valid ballots"
                    : "the options' votes do not exceed the valid ballots", results
            ) { station in
                guard let valid = station.valid else { return nil }
                let sum = station.votes.reduce(0, +)
                if cover ? sum != valid : sum > valid { return "votes add up to \(sum), valid ballots \(valid)" }
                return nil
            })
        }
        if mapped.mobile {
            checks.append(check("mobile-within-found", "ballots in mobile boxes do not exceed ballots found", results) {
                station in
                guard let mobile = station.mobile else { return nil }
                let found = station.found ?? station.cast
                return mobile > found ? "\(mobile) in mobile boxes, \(found) found" : nil
            })
        }
        return checks
    }

    private static func check(
        _ id: String, _ rule: String, _ results: StationResults, _ violation: (Station) -> String?
    ) -> Check {
        var count = 0
        var examples: [String] = []
        for station in results.stations {
            guard let detail = violation(station) else { continue }
            count += 1
            if examples.count < 10 {
                examples.append("\(station.region) / \(station.id) (line \(station.line)): \(detail)")
            }
        }
        return Check(id: id, rule: rule, checked: results.stations.count, violations: count, examples: examples)
    }
}
