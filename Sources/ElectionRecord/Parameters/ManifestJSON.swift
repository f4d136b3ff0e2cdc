/// `manifest.json`: the election manifest as egk reads it (egk `ManifestJson`, record-format.md §4).
///
/// Optional fields are written as explicit `null`s (`RecordJSON.encode(_:explicitNulls: true)`), as in
/// egk's manifests. The manifest's hash H_M is over the file's exact bytes: keep the bytes of a
/// manifest that was read (`ElectionManifest.bytes`), never re-encode it.
public struct ManifestJSON: Codable, Sendable, Hashable {
    /// The `election_scope_id` field.
    public var election_scope_id: String
    /// "v2.0.0".
    public var spec_version: String
    /// An ElectionType name, e.g. "general"; egk reads an unknown name as "unknown".
    public var type: String
    /// The `start_date` field.
    public var start_date: String
    /// The `end_date` field.
    public var end_date: String
    /// The `geopolitical_units` field.
    public var geopolitical_units: [GeopoliticalUnit]
    /// The `parties` field.
    public var parties: [Party]
    /// The `candidates` field.
    public var candidates: [Candidate]
    /// In sequence order.
    public var contests: [Contest]
    /// The `ballot_styles` field.
    public var ballot_styles: [BallotStyle]
    /// The `name` field.
    public var name: [Language]
    /// The `contact_information` field.
    public var contact_information: Contact?

    /// Memberwise, with the values as the file holds them.
    public init(election_scope_id: String, spec_version: String = "v2.0.0", type: String, start_date: String, end_date: String,
                geopolitical_units: [GeopoliticalUnit], parties: [Party], candidates: [Candidate], contests: [Contest],
                ballot_styles: [BallotStyle], name: [Language] = [], contact_information: Contact? = nil) {
        self.election_scope_id = election_scope_id
        self.spec_version = spec_version
        self.type = type
        self.start_date = start_date
        self.end_date = end_date
        self.geopolitical_units = geopolitical_units
        self.parties = parties
        self.candidates = candidates
        self.contests = contests
        self.ballot_styles = ballot_styles
        self.name = name
        self.contact_information = contact_information
    }

    /// A geopolitical unit: a district, precinct, region.
    public struct GeopoliticalUnit: Codable, Sendable, Hashable {
        /// The `object_id` field.
        public var object_id: String
        /// The `name` field.
        public var name: String
        /// A ReportingUnitType name, e.g. "precinct".
        public var type: String
        /// The `contact_information` field.
        public var contact_information: String?

        /// Memberwise, with the values as the file holds them.
        public init(object_id: String, name: String, type: String, contact_information: String? = nil) {
            self.object_id = object_id
            self.name = name
            self.type = type
            self.contact_information = contact_information
        }
    }

    /// A party.
    public struct Party: Codable, Sendable, Hashable {
        /// The `object_id` field.
        public var object_id: String
        /// The `name` field.
        public var name: String
        /// The `abbreviation` field.
        public var abbreviation: String?
        /// The `color` field.
        public var color: String?
        /// The `logo_uri` field.
        public var logo_uri: String?

        /// Memberwise, with the values as the file holds them.
        public init(object_id: String, name: String, abbreviation: String? = nil, color: String? = nil, logo_uri: String? = nil) {
            self.object_id = object_id
            self.name = name
            self.abbreviation = abbreviation
            self.color = color
            self.logo_uri = logo_uri
        }
    }

    /// A candidate, or an option of a referendum question.
    public struct Candidate: Codable, Sendable, Hashable {
        /// The `object_id` field.
        public var object_id: String
        /// The `name` field.
        public var name: String?
        /// The `party_id` field.
        public var party_id: String?
        /// The `image_url` field.
        public var image_url: String?
        /// The `is_write_in` field.
        public var is_write_in: Bool

        /// Memberwise, with the values as the file holds them.
        public init(object_id: String, name: String? = nil, party_id: String? = nil, image_url: String? = nil, is_write_in: Bool = false) {
            self.object_id = object_id
            self.name = name
            self.party_id = party_id
            self.image_url = image_url
            self.is_write_in = is_write_in
        }
    }

    /// A contest (a referendum question).
    public struct Contest: Codable, Sendable, Hashable {
        /// The `object_id` field.
        public var object_id: String
        /// The contest index hashed into the contest hash.
        public var sequence_order: Int
        /// The geopolitical unit whose ballot styles carry this contest.
        public var electoral_district_id: String
        /// A VoteVariationType name, e.g. "one_of_m".
        public var vote_variation: String
        /// The `number_elected` field.
        public var number_elected: Int
        /// L, the contest selection limit.
        public var votes_allowed: Int
        /// The `name` field.
        public var name: String
        /// The `ballot_selections` field.
        public var ballot_selections: [Selection]
        /// The `ballot_title` field.
        public var ballot_title: String?
        /// The `ballot_subtitle` field.
        public var ballot_subtitle: String?

        /// Memberwise, with the values as the file holds them.
        public init(object_id: String, sequence_order: Int, electoral_district_id: String, vote_variation: String,
                    number_elected: Int, votes_allowed: Int, name: String, ballot_selections: [Selection],
                    ballot_title: String? = nil, ballot_subtitle: String? = nil) {
            self.object_id = object_id
            self.sequence_order = sequence_order
            self.electoral_district_id = electoral_district_id
            self.vote_variation = vote_variation
            self.number_elected = number_elected
            self.votes_allowed = votes_allowed
            self.name = name
            self.ballot_selections = ballot_selections
            self.ballot_title = ballot_title
            self.ballot_subtitle = ballot_subtitle
        }
    }

    /// A selection (an option) of a contest.
    public struct Selection: Codable, Sendable, Hashable {
        /// The `object_id` field.
        public var object_id: String
        /// The `sequence_order` field.
        public var sequence_order: Int
        /// The `candidate_id` field.
        public var candidate_id: String

        /// Memberwise, with the values as the file holds them.
        public init(object_id: String, sequence_order: Int, candidate_id: String) {
            self.object_id = object_id
            self.sequence_order = sequence_order
            self.candidate_id = candidate_id
        }
    }

    /// A ballot style: the contests of the listed geopolitical units.
    public struct BallotStyle: Codable, Sendable, Hashable {
        /// The `object_id` field.
        public var object_id: String
        /// The `geopolitical_unit_ids` field.
        public var geopolitical_unit_ids: [String]
        /// The `party_ids` field.
        public var party_ids: [String]
        /// The `image_url` field.
        public var image_url: String?

        /// Memberwise, with the values as the file holds them.
        public init(object_id: String, geopolitical_unit_ids: [String], party_ids: [String] = [], image_url: String? = nil) {
            self.object_id = object_id
            self.geopolitical_unit_ids = geopolitical_unit_ids
            self.party_ids = party_ids
            self.image_url = image_url
        }
    }

    /// A text in one language.
    public struct Language: Codable, Sendable, Hashable {
        /// The `value` field.
        public var value: String
        /// The `language` field.
        public var language: String

        /// Memberwise, with the values as the file holds them.
        public init(value: String, language: String) {
            self.value = value
            self.language = language
        }
    }

    /// Contact details of the election authority.
    public struct Contact: Codable, Sendable, Hashable {
        /// The `address_line` field.
        public var address_line: [String]
        /// The `email` field.
        public var email: String?
        /// The `phone` field.
        public var phone: String?
        /// The `name` field.
        public var name: String?

        /// Memberwise, with the values as the file holds them.
        public init(address_line: [String] = [], email: String? = nil, phone: String? = nil, name: String? = nil) {
            self.address_line = address_line
            self.email = email
            self.phone = phone
            self.name = name
        }
    }
}
