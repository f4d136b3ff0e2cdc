import Foundation
import ElectionGuard
import GRDB
import Referendum

/// Records whose properties map to snake_case columns.
protocol SnakeCaseRecord: Codable, FetchableRecord, PersistableRecord {}

extension SnakeCaseRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

/// The one row of table `referendum`.
struct ReferendumRecord: SnakeCaseRecord {
    static let databaseTableName = "referendum"
    var id = 1
    var state: String
    var setup: Data

    init(_ setup: ReferendumSetup) throws {
        state = setup.state.rawValue
        self.setup = try StoreCoding.encode(setup)
    }

    func decoded() throws -> ReferendumSetup { try StoreCoding.decode(ReferendumSetup.self, from: setup) }
}

/// A row of table `voter`.
struct VoterRecord: SnakeCaseRecord {
    static let databaseTableName = "voter"
    var voterId: String
    var credentialKey: String
    var homeRegion: String
    var displaced: Bool
    var homeStation: String?
    var pseudonym: String

    init(_ voter: RegisteredVoter) {
        voterId = voter.voterId
        credentialKey = voter.credentialKey
        homeRegion = voter.homeRegion
        displaced = voter.displaced
        homeStation = voter.homeStation
        pseudonym = voter.pseudonym
    }

    var voter: RegisteredVoter {
        RegisteredVoter(voterId: voterId, homeRegion: homeRegion, displaced: displaced, homeStation: homeStation,
                        credentialKey: credentialKey, pseudonym: pseudonym)
    }
}

/// A row of table `ballot`: the entry as JSON, and the columns that queries select on.
struct BallotRecord: SnakeCaseRecord {
    static let databaseTableName = "ballot"
    var ballotId: String
    var confirmationCode: String
    var device: String
    var status: String
    var station: String
    var channel: String
    var region: String
    var pseudonym: String
    var encryptedAt: Double
    var decidedAt: Double?
    var mobileVisitId: String?
    var entry: Data

    init(_ entry: BallotEntry) throws {
        ballotId = entry.ballotId
        confirmationCode = entry.confirmationCode.hex
        device = entry.deviceId
        status = entry.status.rawValue
        station = entry.stationId
        channel = entry.channel.rawValue
        region = entry.region
        pseudonym = entry.pseudonym
        encryptedAt = entry.encryptedAt.timeIntervalSinceReferenceDate
        decidedAt = entry.decidedAt?.timeIntervalSinceReferenceDate
        mobileVisitId = entry.mobileVisitId
        self.entry = try StoreCoding.encode(entry)
    }

    func decoded() throws -> BallotEntry { try StoreCoding.decode(BallotEntry.self, from: entry) }
}

/// A row of table `device_chain`: where each device's chain of confirmation codes ends.
struct DeviceChainRecord: SnakeCaseRecord {
    static let databaseTableName = "device_chain"
    var device: String
    var lastCode: String
    var length: Int

    init(device: String, head: ChainHead) {
        self.device = device
        lastCode = head.lastCode.hex
        length = head.length
    }

    func head() throws -> ChainHead {
        ChainHead(lastCode: try UInt256(hex: lastCode, field: "device_chain.last_code"), length: length)
    }
}

/// A row of table `mobile_visit`.
struct MobileVisitRecord: SnakeCaseRecord {
    static let databaseTableName = "mobile_visit"
    var id: String
    var station: String
    var visit: Data

    init(_ visit: MobileVisit) throws {
        id = visit.id
        station = visit.stationId
        self.visit = try StoreCoding.encode(visit)
    }

    func decoded() throws -> MobileVisit { try StoreCoding.decode(MobileVisit.self, from: visit) }
}

/// A row of table `decryption_round`: one guardian's round, as JSON.
struct DecryptionRoundRecord: SnakeCaseRecord {
    static let databaseTableName = "decryption_round"
    var id: Int64?
    var guardianId: String
    var round: Int
    var xCoordinate: Int
    var data: Data

    init(_ round: GuardianDecryptionRound) throws {
        guardianId = round.guardianId
        self.round = round.round.rawValue
        xCoordinate = round.xCoordinate
        data = try StoreCoding.encode(round)
    }

    func decoded() throws -> GuardianDecryptionRound { try StoreCoding.decode(GuardianDecryptionRound.self, from: data) }
}

extension CastSummary {
    /// A summary from the columns of a `ballot` row, without its JSON.
    init(row: Row) throws {
        let status: String = row["status"], channel: String = row["channel"]
        guard let status = BallotStatus(rawValue: status), let channel = BallotChannel(rawValue: channel) else {
            throw ReferendumError.storage("ballot \(row["ballot_id"] as String) has an unknown status \(status) or channel \(channel)")
        }
        let encryptedAt: Double = row["encrypted_at"], decidedAt: Double? = row["decided_at"]
        self.init(ballotId: row["ballot_id"], pseudonym: row["pseudonym"], stationId: row["station"], channel: channel,
                  region: row["region"], status: status,
                  decidedAt: Date(timeIntervalSinceReferenceDate: decidedAt ?? encryptedAt))
    }
}
