import Foundation

/// The referendum's own files, published in `referendum/` beside the ElectionGuard record: what the
/// regions, stations and windows were, who was registered (by pseudonym), what happened to every
/// ballot, the mobile-box log, the encrypted and decrypted totals per region and per station, the
/// results, turnout over time, and the certification (docs/referendum-record.md). With them anyone
/// can check the referendum's own rules, not only the cryptography.
public enum ReferendumRecord {
    /// The directory inside the record.
    public static let directory = "referendum"

    /// File names inside `referendum/`.
    public enum File: String, CaseIterable, Sendable {
        case referendum = "referendum.json"
        case register = "register.csv"
        case ballots = "ballots.csv"
        case mobileVisits = "mobile-visits.json"
        case totals = "totals.json"
        case results = "results.json"
        case stations = "stations.csv"
        case turnout = "turnout.json"
        case lifecycle = "lifecycle.json"
        /// Only when the stations kept paper: their protocols beside the electronic totals.
        case protocols = "protocols.json"
        /// With protocols.json: the published protocols as a table for `plebiscite audit`.
        case protocolsCSV = "protocols.csv"
        /// Only when a risk-limiting audit ran: its seed, samples, counts and risk per round.
        case audit = "audit.json"
    }
}

/// `referendum/referendum.json`: the definition as it was run.
public struct RecordedReferendum: Codable, Sendable, Hashable {
    public struct Option: Codable, Sendable, Hashable {
        public let id: String
        public let text: [String: String]
        public init(id: String, text: [String: String]) { self.id = id; self.text = text }
    }

    public struct Region: Codable, Sendable, Hashable {
        public let id: String
        public let name: [String: String]
        public let timeZone: String
        /// The ElectionGuard contest that carries this region's result.
        public let contestId: String
        public let ballotStyleId: String
        public let preConflictElectorate: Int?
        public let opens: Date
        public let closes: Date

        enum CodingKeys: String, CodingKey {
            case id, name, opens, closes
            case timeZone = "time_zone", contestId = "contest_id", ballotStyleId = "ballot_style_id"
            case preConflictElectorate = "pre_conflict_electorate"
        }

        public init(id: String, name: [String: String], timeZone: String, contestId: String, ballotStyleId: String,
                    preConflictElectorate: Int?, opens: Date, closes: Date) {
            self.id = id; self.name = name; self.timeZone = timeZone; self.contestId = contestId
            self.ballotStyleId = ballotStyleId; self.preConflictElectorate = preConflictElectorate
            self.opens = opens; self.closes = closes
        }
    }

    public struct Station: Codable, Sendable, Hashable {
        /// regional, external or mobile.
        public let kind: String
        public let id: String
        public let serves: [String]
        public let parent: String?
        public let location: String

        public init(id: String, kind: String, serves: [String], parent: String?, location: String) {
            self.id = id; self.kind = kind; self.serves = serves; self.parent = parent; self.location = location
        }
    }

    public let id: String
    public let title: [String: String]
    public let question: [String: String]
    public let options: [Option]
    public let regions: [Region]
    public let stations: [Station]
    public let announced: Date
    public let guardians: Int
    public let quorum: Int
    /// "station-over-mobile-then-latest" or "latest".
    public let revoteRule: String
    /// How selection ids are formed: "<region>-<option>".
    public let selectionIdFormat: String
    /// A station total with fewer counted ballots was merged into its region's remainder
    /// ("remainder/<region>" in totals.json). Absent in records written before merging: 1, none merged.
    public let minimumCellBallots: Int?

    enum CodingKeys: String, CodingKey {
        case id, title, question, options, regions, stations, announced, guardians, quorum
        case revoteRule = "revote_rule", selectionIdFormat = "selection_id_format", minimumCellBallots = "minimum_cell_ballots"
    }

    public init(id: String, title: [String: String], question: [String: String], options: [Option], regions: [Region],
                stations: [Station], announced: Date, guardians: Int, quorum: Int, revoteRule: String, minimumCellBallots: Int?) {
        self.id = id; self.title = title; self.question = question; self.options = options; self.regions = regions
        self.stations = stations; self.announced = announced; self.guardians = guardians; self.quorum = quorum
        self.revoteRule = revoteRule; self.selectionIdFormat = "<region>-<option>"; self.minimumCellBallots = minimumCellBallots
    }
}

/// One row of `referendum/register.csv`: a registered voter by pseudonym.
public struct RegisterRow: Sendable, Hashable {
    public let pseudonym: String
    public let region: String
    public let displaced: Bool
    public let homeStation: String?

    public init(pseudonym: String, region: String, displaced: Bool, homeStation: String?) {
        self.pseudonym = pseudonym; self.region = region; self.displaced = displaced; self.homeStation = homeStation
    }
}

/// One row of `referendum/ballots.csv`: every ballot ever encrypted, and what became of it.
public struct BallotRow: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Cast and counted.
        case counted
        /// Cast, but the voter's later (or station) ballot counts instead.
        case superseded
        /// Challenged: opened with its nonce; never counted.
        case challenged
        /// Encrypted, never cast or challenged.
        case abandoned
    }

    public let ballotId: String
    public let confirmationCode: String
    public let device: String
    public let station: String
    /// station or mobile.
    public let channel: String
    public let region: String
    public let pseudonym: String
    public let encryptedAt: Date
    public let decidedAt: Date?
    public let status: Status
    public let supersededBy: String?
    public let mobileVisit: String?

    public init(ballotId: String, confirmationCode: String, device: String, station: String, channel: String, region: String,
                pseudonym: String, encryptedAt: Date, decidedAt: Date?, status: Status, supersededBy: String?, mobileVisit: String?) {
        self.ballotId = ballotId; self.confirmationCode = confirmationCode; self.device = device; self.station = station
        self.channel = channel; self.region = region; self.pseudonym = pseudonym; self.encryptedAt = encryptedAt
        self.decidedAt = decidedAt; self.status = status; self.supersededBy = supersededBy; self.mobileVisit = mobileVisit
    }
}

/// `referendum/mobile-visits.json`: every trip of every mobile box.
public struct RecordedMobileVisit: Codable, Sendable, Hashable {
    public let id: String
    public let box: String
    public let requestedAt: Date
    public let request: String
    public let officials: [String]
    public let observers: [String]
    public let departedAt: Date
    public let returnedAt: Date?
    public let ballotIds: [String]

    enum CodingKeys: String, CodingKey {
        case id, box, request, officials, observers
        case requestedAt = "requested_at", departedAt = "departed_at", returnedAt = "returned_at", ballotIds = "ballot_ids"
    }

    public init(id: String, box: String, requestedAt: Date, request: String, officials: [String], observers: [String],
                departedAt: Date, returnedAt: Date?, ballotIds: [String]) {
        self.id = id; self.box = box; self.requestedAt = requestedAt; self.request = request; self.officials = officials
        self.observers = observers; self.departedAt = departedAt; self.returnedAt = returnedAt; self.ballotIds = ballotIds
    }
}

/// `referendum/totals.json`: each encrypted total (an option in a scope) with its decryption and proof.
public struct RecordedTotal: Codable, Sendable, Hashable {
    /// "region/<id>", "station/<id>/<region>", "remainder/<region>" or "all".
    public let scope: String
    public let option: String
    /// Counted ballots multiplied into it.
    public let ballots: Int
    public let pad: String
    public let data: String
    /// The decrypted count.
    public let value: Int
    /// K^value = data / M, hex.
    public let bOverM: String
    public let challenge: String
    public let response: String

    enum CodingKeys: String, CodingKey {
        case scope, option, ballots, pad, data, value, challenge, response
        case bOverM = "b_over_m"
    }

    public init(scope: String, option: String, ballots: Int, pad: String, data: String, value: Int, bOverM: String,
                challenge: String, response: String) {
        self.scope = scope; self.option = option; self.ballots = ballots; self.pad = pad; self.data = data; self.value = value
        self.bOverM = bOverM; self.challenge = challenge; self.response = response
    }
}

/// `referendum/lifecycle.json`: every state change, and the certification.
public struct RecordedLifecycle: Codable, Sendable, Hashable {
    public struct Change: Codable, Sendable, Hashable {
        public let state: String
        public let at: Date
        public init(state: String, at: Date) { self.state = state; self.at = at }
    }

    /// A guardian the commission dropped from the decryption, and why.
    public struct Dropped: Codable, Sendable, Hashable {
        public let guardian: String
        public let reason: String
        public let at: Date
        public init(guardian: String, reason: String, at: Date) { self.guardian = guardian; self.reason = reason; self.at = at }
    }

    public let changes: [Change]
    public let certifiedBy: [String]
    public let certificationStatement: String?
    /// The guardians whose shares decrypted the totals (absent in older records).
    public let decryptedBy: [String]?
    /// Guardians dropped from the decryption before it succeeded (absent in older records).
    public let droppedGuardians: [Dropped]?

    enum CodingKeys: String, CodingKey {
        case changes
        case certifiedBy = "certified_by", certificationStatement = "certification_statement"
        case decryptedBy = "decrypted_by", droppedGuardians = "dropped_guardians"
    }

    public init(changes: [Change], certifiedBy: [String], certificationStatement: String?, decryptedBy: [String]? = nil,
                droppedGuardians: [Dropped]? = nil) {
        self.changes = changes; self.certifiedBy = certifiedBy; self.certificationStatement = certificationStatement
        self.decryptedBy = decryptedBy; self.droppedGuardians = droppedGuardians
    }
}
