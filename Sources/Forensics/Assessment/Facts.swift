import Foundation

/// A referendum as reported: what a facts file (YAML, see `Examples/assessments/`) says. Every field
/// is optional; a missing or null field is unknown, and the checks that need it say they cannot decide.
public struct Facts: Codable, Equatable, Sendable {
    /// The referendum as a whole.
    public var referendum: Referendum
    /// Per-region figures.
    public var regions: [Region]

    /// Facts about the whole referendum.
    public struct Referendum: Codable, Equatable, Sendable {
        /// Name of the vote.
        public var name: String
        /// The question put.
        public var question: String?
        /// Who organised it.
        public var organiser: String?
        /// Date the vote was called (YYYY-MM-DD).
        public var announced: String?
        /// First day of voting (YYYY-MM-DD).
        public var votingStart: String?
        /// Last day of voting (YYYY-MM-DD).
        public var votingEnd: String?
        /// Date the rules of this referendum were adopted (YYYY-MM-DD).
        public var rulesAdopted: String?
        /// Whether the rules were written for this vote alone.
        public var rulesAdHoc: Bool?
        /// Whether the vote was called by an authority under the constitution or a statute of the state
        /// whose territory it concerns.
        public var calledUnderNationalLaw: Bool?
        /// Whether the voter registers were public.
        public var registersPublic: Bool?
        /// Days on which polling stations were open.
        public var pollingStationDays: Int?
        /// Days on which ballots were collected door to door or at improvised places.
        public var doorToDoorDays: Int?
        /// Whether door-to-door voting was offered to everyone rather than only to those who cannot come.
        public var mobileVotingGeneral: Bool?
        /// Reports of armed men accompanying ballot boxes or officials.
        public var armedEscortReports: [String]?
        /// Reports bearing on the secrecy of the vote.
        public var secrecyReports: [String]?
        /// Reports of pressure on voters or restrictions of their movement.
        public var coercionReports: [String]?
        /// Whether observers appointed by both sides of the question were admitted.
        public var observersFromBothSides: Bool?
        /// Whether a recognised independent observation mission observed.
        public var recognisedObservationMission: Bool?
        /// Observers the organiser invited, as reported.
        public var invitedObservers: String?
        /// Whether counts per polling station were published.
        public var stationLevelResultsPublished: Bool?
    }

    /// Facts about one region.
    public struct Region: Codable, Equatable, Sendable {
        /// Region name.
        public var name: String
        /// Registered voters as announced with the result.
        public var registered: Int?
        /// A rounded register size announced before or during the vote.
        public var registeredApproximate: Int?
        /// Voters added to the lists during the voting days.
        public var registerGrowthDuringVoting: Int?
        /// Registered voters of the whole region before the conflict.
        public var preConflictElectorate: Int?
        /// Share of the region's territory under the organiser's control, percent.
        public var territoryControlledPercent: Double?
        /// People who took part (ballots cast).
        public var participants: Int?
        /// Ballots cast at stations outside the region.
        public var votersOutside: Int?
        /// Announced turnout, percent.
        public var turnoutPercent: Double?
        /// Yes votes.
        public var yes: Int?
        /// No votes.
        public var no: Int?
        /// Invalid ballots.
        public var invalid: Int?
        /// Announced Yes share, percent (of participants).
        public var yesPercent: Double?
        /// Polling stations in the region.
        public var stationsInRegion: Int?
        /// Polling stations outside the region.
        public var stationsOutside: Int?
    }

    /// Loads a facts file.
    /// - Throws: `ForensicsError.invalidYAML` naming the field, or `.unreadable`.
    public static func load(path: String) throws -> Facts {
        let facts = try YAMLLoading.load(Facts.self, path: path)
        try facts.validate(path: path)
        return facts
    }

    /// Decodes facts from YAML text; `path` is used in messages.
    public static func decode(yaml: String, path: String = "<facts>") throws -> Facts {
        let facts = try YAMLLoading.decode(Facts.self, from: yaml, path: path)
        try facts.validate(path: path)
        return facts
    }

    func validate(path: String) throws {
        let dates: [(String, String?)] = [
            ("referendum.announced", referendum.announced), ("referendum.votingStart", referendum.votingStart),
            ("referendum.votingEnd", referendum.votingEnd), ("referendum.rulesAdopted", referendum.rulesAdopted),
        ]
        for (field, value) in dates {
            if let value, Facts.day(value) == nil {
                throw ForensicsError.invalidYAML(path: path, field: field, reason: "'\(value)' is not a date YYYY-MM-DD")
            }
        }
        for (index, region) in regions.enumerated() {
            let percents = [("turnoutPercent", region.turnoutPercent), ("yesPercent", region.yesPercent),
                            ("territoryControlledPercent", region.territoryControlledPercent)]
            for (field, value) in percents {
                if let value, !(0...100).contains(value) {
                    throw ForensicsError.invalidYAML(
                        path: path, field: "regions[\(index)].\(field)", reason: "\(value) is not a percentage")
                }
            }
            let counts = [("registered", region.registered), ("participants", region.participants), ("yes", region.yes),
                          ("no", region.no), ("invalid", region.invalid)]
            for (field, value) in counts {
                if let value, value < 0 {
                    throw ForensicsError.invalidYAML(
                        path: path, field: "regions[\(index)].\(field)", reason: "\(value) is negative")
                }
            }
        }
    }

    /// Days since 1970-01-01 of a YYYY-MM-DD date (proleptic Gregorian), nil if malformed.
    static func day(_ text: String) -> Int? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        var (y, m) = (parts[0], parts[1])
        if m <= 2 {
            y -= 1
            m += 12
        }
        let era = y / 400, yearOfEra = y - era * 400
        let dayOfYear = (153 * (m - 3) + 2) / 5 + parts[2] - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
