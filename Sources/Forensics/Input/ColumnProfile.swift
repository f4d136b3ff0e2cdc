/// A column mapping: which CSV columns hold which protocol figures. A new year or country is a new
/// profile (a YAML file, see `Examples/profiles/`), not new code.
public struct ColumnProfile: Codable, Equatable, Sendable {
    /// Human-readable name of the election and file layout.
    public var name: String
    /// Where and how to read the table.
    public var source: Source
    /// Which columns hold the protocol figures.
    public var columns: Columns
    /// The options (candidates, or Yes/No), each with its column.
    public var options: [Option]
    /// Name of the option whose share the tests examine; the option with most votes when absent.
    public var leader: String?
    /// What the published protocols can and cannot contain.
    public var rules: Rules

    /// Reading settings.
    public struct Source: Codable, Equatable, Sendable {
        /// Name of the CSV entry inside a zip archive; the only `.csv` entry when absent.
        public var zipEntry: String?
        /// Field separator, one character; a comma when absent.
        public var delimiter: String?

        /// Creates reading settings.
        public init(zipEntry: String? = nil, delimiter: String? = nil) {
            self.zipEntry = zipEntry
            self.delimiter = delimiter
        }
    }

    /// Columns of the protocol figures. Each is one header name or a list whose values are summed.
    public struct Columns: Codable, Equatable, Sendable {
        /// Region name.
        public var region: String
        /// Station number or name.
        public var station: String
        /// An intermediate unit (territorial commission), optional.
        public var group: String?
        /// Registered voters.
        public var registered: ColumnSum
        /// Ballots issued to voters (often early + in station + outside station).
        public var issued: ColumnSum?
        /// Ballots found in the boxes (often mobile + stationary boxes).
        public var found: ColumnSum?
        /// Ballots found in mobile boxes.
        public var mobile: ColumnSum?
        /// Valid ballots.
        public var valid: ColumnSum?
        /// Invalid ballots.
        public var invalid: ColumnSum?

        /// Creates a column mapping.
        public init(
            region: String, station: String, group: String? = nil, registered: ColumnSum,
            issued: ColumnSum? = nil, found: ColumnSum? = nil, mobile: ColumnSum? = nil,
            valid: ColumnSum? = nil, invalid: ColumnSum? = nil
        ) {
            self.region = region
            self.station = station
            self.group = group
            self.registered = registered
            self.issued = issued
            self.found = found
            self.mobile = mobile
            self.valid = valid
            self.invalid = invalid
        }
    }

    /// One option on the ballot.
    public struct Option: Codable, Equatable, Sendable {
        /// Short name used in reports.
        public var name: String
        /// Column or columns holding its votes.
        public var column: ColumnSum

        /// Creates an option mapping.
        public init(name: String, column: ColumnSum) {
            self.name = name
            self.column = column
        }
    }

    /// Facts about the protocol form that decide what counts as an impossible row.
    public struct Rules: Codable, Equatable, Sendable {
        /// Whether a station may issue more ballots than it has registered voters (same-day
        /// registration, or voters added from other lists). When false such rows are bad rows.
        public var ballotsMayExceedRegistered: Bool
        /// Whether the options' votes add up to the valid ballots (true for a complete list of
        /// candidates or for Yes/No).
        public var optionsCoverValid: Bool

        /// Creates rules.
        public init(ballotsMayExceedRegistered: Bool = false, optionsCoverValid: Bool = true) {
            self.ballotsMayExceedRegistered = ballotsMayExceedRegistered
            self.optionsCoverValid = optionsCoverValid
        }

        enum CodingKeys: String, CodingKey {
            case ballotsMayExceedRegistered, optionsCoverValid
        }

        /// Decodes rules, each key optional.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            ballotsMayExceedRegistered =
                try container.decodeIfPresent(Bool.self, forKey: .ballotsMayExceedRegistered) ?? false
            optionsCoverValid = try container.decodeIfPresent(Bool.self, forKey: .optionsCoverValid) ?? true
        }
    }

    /// Creates a profile.
    public init(
        name: String, source: Source = Source(), columns: Columns, options: [Option],
        leader: String? = nil, rules: Rules = Rules()
    ) {
        self.name = name
        self.source = source
        self.columns = columns
        self.options = options
        self.leader = leader
        self.rules = rules
    }

    enum CodingKeys: String, CodingKey {
        case name, source, columns, options, leader, rules
    }

    /// Decodes a profile; `source` and `rules` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        source = try container.decodeIfPresent(Source.self, forKey: .source) ?? Source()
        columns = try container.decode(Columns.self, forKey: .columns)
        options = try container.decode([Option].self, forKey: .options)
        leader = try container.decodeIfPresent(String.self, forKey: .leader)
        rules = try container.decodeIfPresent(Rules.self, forKey: .rules) ?? Rules()
    }
}

/// One column, or several whose values are added (YAML: a string or a list of strings).
public struct ColumnSum: Codable, Equatable, Sendable, ExpressibleByStringLiteral {
    /// Header names to add up.
    public var names: [String]

    /// A sum of the named columns.
    public init(_ names: [String]) { self.names = names }

    /// A single column.
    public init(stringLiteral value: String) { self.names = [value] }

    /// Decodes a string or a list of strings.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let one = try? container.decode(String.self) {
            names = [one]
        } else {
            names = try container.decode([String].self)
        }
    }

    /// Encodes one name as a string, several as a list.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if names.count == 1 {
            try container.encode(names[0])
        } else {
            try container.encode(names)
        }
    }
}
