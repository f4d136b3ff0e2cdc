import Foundation
import ElectionGuard

/// What a station sends the central server (`POST /api/v1/station/uploads`): for each of its devices,
/// the ballots the central server does not have yet, decided (cast, challenged or abandoned), in chain
/// order; and its mobile-box visits. Safe to repeat: a ballot already received is skipped if it is the
/// same, refused if it differs. A batch with no ballots asks where the central server's chains end.
public struct StationUpload: Sendable, Codable, Hashable {
    /// Most devices in one upload.
    public static let maximumDevices = 64
    /// Most ballots in one upload, over all its devices.
    public static let maximumBallots = 200
    /// Most visits in one upload.
    public static let maximumVisits = 500

    public let devices: [DeviceBatch]
    public let visits: [MobileVisit]

    public init(devices: [DeviceBatch], visits: [MobileVisit] = []) {
        self.devices = devices
        self.visits = visits
    }

    /// One device's ballots.
    public struct DeviceBatch: Sendable, Codable, Hashable {
        public let device: String
        /// How many ballots the station's own chain of this device holds (shown to observers, so that
        /// ballots not yet received are visible).
        public let stationLength: Int
        /// Ballots after the central server's chain head, in chain order.
        public let ballots: [BallotEntry]

        public init(device: String, stationLength: Int, ballots: [BallotEntry]) {
            self.device = device
            self.stationLength = stationLength
            self.ballots = ballots
        }
    }

    /// Refuses an upload over the limits.
    /// - Throws: `invalidInput` naming the field.
    public func requireWithinLimits() throws {
        guard devices.count <= Self.maximumDevices else {
            throw ReferendumError.invalidInput(field: "devices", reason: "at most \(Self.maximumDevices) devices in one upload; got \(devices.count)")
        }
        let ballots = devices.reduce(0) { $0 + $1.ballots.count }
        guard ballots <= Self.maximumBallots else {
            throw ReferendumError.invalidInput(field: "devices[].ballots", reason: "at most \(Self.maximumBallots) ballots in one upload; got \(ballots)")
        }
        guard visits.count <= Self.maximumVisits else {
            throw ReferendumError.invalidInput(field: "visits", reason: "at most \(Self.maximumVisits) visits in one upload; got \(visits.count)")
        }
        for (index, batch) in devices.enumerated() where batch.stationLength < 0 {
            throw ReferendumError.invalidInput(field: "devices[\(index)].stationLength", reason: "a length is 0 or more")
        }
    }
}

/// The central server's answer to an upload: its state, and where each device's chain ends now.
public struct UploadReceipt: Sendable, Codable, Hashable {
    public let state: LifecycleState
    public let devices: [DeviceReceipt]
    /// Ballots stored by this upload (repeats not counted).
    public let received: Int

    public init(state: LifecycleState, devices: [DeviceReceipt], received: Int) {
        self.state = state
        self.devices = devices
        self.received = received
    }

    public struct DeviceReceipt: Sendable, Codable, Hashable {
        public let device: String
        /// The central server's chain of the device; nil before its first ballot.
        public let head: ChainHead?

        public init(device: String, head: ChainHead?) {
            self.device = device
            self.head = head
        }
    }
}

/// What the central server last heard from a station about one of its devices (for observers).
public struct DeviceSyncStatus: Sendable, Codable, Hashable {
    public let device: String
    public let station: String
    /// Ballots of the device the central server holds.
    public let received: Int
    /// The last of them, nil before the first.
    public let lastBallotId: String?
    /// The station's own chain length at its last upload.
    public let stationLength: Int
    /// Ballots the station holds that the central server does not (yet).
    public var missing: Int { max(stationLength - received, 0) }
    public let lastUploadAt: Date

    public init(device: String, station: String, received: Int, lastBallotId: String?, stationLength: Int, lastUploadAt: Date) {
        self.device = device
        self.station = station
        self.received = received
        self.lastBallotId = lastBallotId
        self.stationLength = stationLength
        self.lastUploadAt = lastUploadAt
    }

    enum CodingKeys: String, CodingKey { case device, station, received, lastBallotId, stationLength, missing, lastUploadAt }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(device, forKey: .device)
        try container.encode(station, forKey: .station)
        try container.encode(received, forKey: .received)
        try container.encodeIfPresent(lastBallotId, forKey: .lastBallotId)
        try container.encode(stationLength, forKey: .stationLength)
        try container.encode(missing, forKey: .missing)
        try container.encode(lastUploadAt, forKey: .lastUploadAt)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        device = try container.decode(String.self, forKey: .device)
        station = try container.decode(String.self, forKey: .station)
        received = try container.decode(Int.self, forKey: .received)
        lastBallotId = try container.decodeIfPresent(String.self, forKey: .lastBallotId)
        stationLength = try container.decode(Int.self, forKey: .stationLength)
        lastUploadAt = try container.decode(Date.self, forKey: .lastUploadAt)
    }
}

extension BallotEntry {
    /// The id of the `sequence`-th ballot of `device` (1-based), as `CastingDesk.encrypt` names it.
    public static func ballotId(device: String, sequence: Int) -> String {
        "\(device)-" + String(sequence).leftPadded(to: 6)
    }
}
