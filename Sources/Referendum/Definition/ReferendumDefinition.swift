import Foundation

/// A referendum as its organisers define it (Examples/four-regions.yaml): one question, its options,
/// the regions that vote on it, the stations, the schedule, the guardians and the revote rule.
public struct ReferendumDefinition: Codable, Sendable, Hashable {
    /// A short identifier, used in file names and the record.
    public var id: String
    /// The referendum's title, by language code (en, uk, ru, ...).
    public var title: LocalizedText
    /// The question put to voters, by language code.
    public var question: LocalizedText
    public var options: [Option]
    public var regions: [Region]
    public var stations: [Station]
    public var schedule: Schedule
    public var guardians: GuardianPlan
    /// Which cast ballot counts when a voter votes more than once.
    public var revoteRule: RevoteRule
    /// A station total with fewer counted ballots is merged into its region's remainder before
    /// decryption (`SmallCellMerge`); nil means `defaultCellThreshold`.
    public var minimumCellBallots: Int?

    enum CodingKeys: String, CodingKey {
        case id, title, question, options, regions, stations, schedule, guardians
        case revoteRule = "revote_rule", minimumCellBallots = "minimum_cell_ballots"
    }

    public init(id: String, title: LocalizedText, question: LocalizedText, options: [Option], regions: [Region],
                stations: [Station], schedule: Schedule, guardians: GuardianPlan, revoteRule: RevoteRule,
                minimumCellBallots: Int? = nil) {
        self.id = id
        self.title = title
        self.question = question
        self.options = options
        self.regions = regions
        self.stations = stations
        self.schedule = schedule
        self.guardians = guardians
        self.revoteRule = revoteRule
        self.minimumCellBallots = minimumCellBallots
    }

    /// An answer voters can choose.
    public struct Option: Codable, Sendable, Hashable {
        public var id: String
        public var text: LocalizedText

        public init(id: String, text: LocalizedText) {
            self.id = id
            self.text = text
        }
    }

    /// A region that votes and gets its own result.
    public struct Region: Codable, Sendable, Hashable {
        public var id: String
        public var name: LocalizedText
        /// An IANA time zone identifier (Europe/Kyiv); the voting window is read in it.
        public var timeZone: String
        /// The number of voters the organisers expect on the register, if they say.
        public var registerSize: Int?
        /// The electorate before the conflict (for coverage = registered / pre-conflict), if known.
        public var preConflictElectorate: Int?

        enum CodingKeys: String, CodingKey {
            case id, name
            case timeZone = "time_zone"
            case registerSize = "register_size"
            case preConflictElectorate = "pre_conflict_electorate"
        }

        public init(id: String, name: LocalizedText, timeZone: String, registerSize: Int? = nil, preConflictElectorate: Int? = nil) {
            self.id = id
            self.name = name
            self.timeZone = timeZone
            self.registerSize = registerSize
            self.preConflictElectorate = preConflictElectorate
        }
    }

    /// A polling station: in its region, outside for displaced voters, or a mobile box of a station.
    public struct Station: Codable, Sendable, Hashable {
        public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
            /// In the voter's own region.
            case regional
            /// Outside the regions it serves, for displaced voters; their ballots count for their home region.
            case external
            /// A portable box of a regional station that goes to voters at home; every use is logged.
            case mobile
        }

        public var id: String
        public var kind: Kind
        /// The regions whose voters may vote here: one for regional and mobile stations, one or more for external ones.
        public var serves: [String]
        /// For a mobile box, the regional station it belongs to.
        public var parent: String?
        /// Where the station is, as text.
        public var location: String

        public init(id: String, kind: Kind, serves: [String], parent: String? = nil, location: String) {
            self.id = id
            self.kind = kind
            self.serves = serves
            self.parent = parent
            self.location = location
        }
    }

    /// When things happen. Times are absolute (with their UTC offset).
    public struct Schedule: Codable, Sendable, Hashable {
        /// When the referendum was announced to the public.
        public var announced: Date
        /// The voting window of each region.
        public var voting: [VotingWindow]
        /// When counting is planned to start, if fixed.
        public var count: Date?
        /// When certification is due, if fixed.
        public var certification: Date?

        public init(announced: Date, voting: [VotingWindow], count: Date? = nil, certification: Date? = nil) {
            self.announced = announced
            self.voting = voting
            self.count = count
            self.certification = certification
        }

        /// The window of `region`, if defined.
        public func window(for region: String) -> VotingWindow? { voting.first { $0.region == region } }
    }

    /// When one region's polls are open. Several days are allowed.
    public struct VotingWindow: Codable, Sendable, Hashable {
        public var region: String
        public var opens: Date
        public var closes: Date

        public init(region: String, opens: Date, closes: Date) {
            self.region = region
            self.opens = opens
            self.closes = closes
        }

        /// True when `date` is within [opens, closes).
        public func contains(_ date: Date) -> Bool { date >= opens && date < closes }
    }

    /// How many guardians hold the key and how many must take part to decrypt.
    public struct GuardianPlan: Codable, Sendable, Hashable {
        /// n.
        public var count: Int
        /// k.
        public var quorum: Int
        /// Their names, guardian1... when not given.
        public var names: [String]?

        public init(count: Int, quorum: Int, names: [String]? = nil) {
            self.count = count
            self.quorum = quorum
            self.names = names
        }

        /// The guardians' ids in coordinate order 1...n.
        public var ids: [String] { names ?? (1...max(count, 1)).map { "guardian\($0)" } }
    }

    /// The region with `id`.
    public func region(_ id: String) -> Region? { regions.first { $0.id == id } }

    /// The station with `id`.
    public func station(_ id: String) -> Station? { stations.first { $0.id == id } }

    /// The station whose count a ballot taken at `stationId` belongs to: a mobile box's parent, else
    /// the station itself.
    public func tallyStation(of stationId: String) -> String { station(stationId)?.parent ?? stationId }
}

/// Text in several languages, keyed by language code.
public typealias LocalizedText = [String: String]

extension Dictionary where Key == String, Value == String {
    /// The text in `language`, else English, else any.
    public func text(_ language: String = "en") -> String {
        self[language] ?? self["en"] ?? values.sorted().first ?? ""
    }
}

/// Which of a voter's cast ballots counts.
public enum RevoteRule: String, Codable, Sendable, Hashable {
    /// A ballot cast in a station beats any ballot taken by a mobile box, whatever the order; among
    /// ballots of the same kind the last cast counts. This lets a voter undo at a station a vote
    /// collected at the door.
    case stationOverMobileThenLatest = "station-over-mobile-then-latest"
    /// The last ballot cast counts.
    case latest
}
