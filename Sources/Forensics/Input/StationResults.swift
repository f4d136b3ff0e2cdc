/// Station-level results of one election or referendum, read through a column profile.
public struct StationResults: Sendable {
    /// The file the results came from.
    public var source: String
    /// The profile's name.
    public var profileName: String
    /// Option names, in column order.
    public var options: [String]
    /// Index of the leader (the option whose share the tests examine).
    public var leader: Int
    /// The usable stations.
    public var stations: [Station]
    /// Rows that were skipped, with reasons.
    public var badRows: [BadRow]
    /// The profile's rules about the protocol form.
    public var rules: ColumnProfile.Rules
    /// Which optional figures the profile maps.
    public var mapped: MappedFields

    /// The optional protocol figures a profile may or may not provide.
    public struct MappedFields: Codable, Equatable, Sendable {
        /// Ballots issued.
        public var issued: Bool
        /// Ballots found in the boxes.
        public var found: Bool
        /// Ballots in mobile boxes.
        public var mobile: Bool
        /// Valid ballots.
        public var valid: Bool
        /// Invalid ballots.
        public var invalid: Bool

        /// Creates a set of flags.
        public init(issued: Bool, found: Bool, mobile: Bool, valid: Bool, invalid: Bool) {
            self.issued = issued
            self.found = found
            self.mobile = mobile
            self.valid = valid
            self.invalid = invalid
        }
    }

    /// Creates results from stations already in memory (used by generators and tests).
    public init(
        source: String, profileName: String, options: [String], leader: Int, stations: [Station],
        badRows: [BadRow] = [], rules: ColumnProfile.Rules = .init(),
        mapped: MappedFields = MappedFields(issued: false, found: false, mobile: false, valid: true, invalid: true)
    ) {
        self.source = source
        self.profileName = profileName
        self.options = options
        self.leader = leader
        self.stations = stations
        self.badRows = badRows
        self.rules = rules
        self.mapped = mapped
    }

    /// Name of the leader.
    public var leaderName: String { options[leader] }

    /// Sums over all stations.
    public var totals: Totals { Totals(stations, leader: leader) }
}

/// Sums of the protocol figures over a set of stations, and the official percentages.
public struct Totals: Codable, Equatable, Sendable {
    /// Number of stations.
    public var stations: Int
    /// Registered voters.
    public var registered: Int
    /// Ballots counted for turnout (issued where published, else cast).
    public var turnoutBallots: Int
    /// Ballots cast (valid + invalid, or found).
    public var cast: Int
    /// Votes per option.
    public var votes: [Int]
    /// The leader's votes.
    public var leaderVotes: Int
    /// Ballots from mobile boxes (0 when not published).
    public var mobile: Int

    /// Adds up `stations`.
    public init(_ stations: [Station], leader: Int) {
        self.stations = stations.count
        registered = 0
        turnoutBallots = 0
        cast = 0
        mobile = 0
        votes = Array(repeating: 0, count: stations.first?.votes.count ?? 0)
        for station in stations {
            registered += station.registered
            turnoutBallots += station.turnoutBallots
            cast += station.cast
            mobile += station.mobile ?? 0
            for (index, count) in station.votes.enumerated() where index < votes.count {
                votes[index] += count
            }
        }
        leaderVotes = leader < votes.count ? votes[leader] : 0
    }

    /// Turnout in percent: ballots issued (or cast) over registered voters.
    public var turnoutPercent: Double {
        registered > 0 ? 100 * Double(turnoutBallots) / Double(registered) : 0
    }

    /// The leader's share of ballots cast, in percent.
    public var leaderPercent: Double {
        cast > 0 ? 100 * Double(leaderVotes) / Double(cast) : 0
    }
}
