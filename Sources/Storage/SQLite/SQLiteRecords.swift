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

/// A row of table `ballot`: a ballot's columns, without its encrypted ballot.
struct BallotRecord: SnakeCaseRecord {
    static let databaseTableName = "ballot"
    var ballotId: String
    var confirmationCode: String
    var device: String
    var status: String
    var ballotState: String
    var station: String
    var channel: String
    var region: String
    var pseudonym: String
    var encryptedAt: Double
    var decidedAt: Double?
    var mobileVisitId: String?
    var revealedNonce: String?
    var revealedChoice: String?

    init(_ columns: BallotColumns) {
        ballotId = columns.ballotId
        confirmationCode = columns.confirmationCode.hex
        device = columns.device
        status = columns.status.rawValue
        ballotState = columns.ballotState.rawValue
        station = columns.station
        channel = columns.channel.rawValue
        region = columns.region
        pseudonym = columns.pseudonym
        encryptedAt = columns.encryptedAt.timeIntervalSinceReferenceDate
        decidedAt = columns.decidedAt?.timeIntervalSinceReferenceDate
        mobileVisitId = columns.mobileVisitId
        revealedNonce = columns.revealedNonce?.hex
        revealedChoice = columns.revealedChoice
    }

    func columns() throws -> BallotColumns {
        guard let status = BallotStatus(rawValue: status), let channel = BallotChannel(rawValue: channel),
              let ballotState = EncryptedBallot.State(rawValue: ballotState) else {
            throw ReferendumError.storage("ballot \(ballotId) has an unknown status, channel or state")
        }
        return BallotColumns(ballotId: ballotId, confirmationCode: try UInt256(hex: confirmationCode, field: "ballot.confirmation_code"),
                             device: device, status: status, ballotState: ballotState, station: station, channel: channel,
                             region: region, pseudonym: pseudonym, encryptedAt: Date(timeIntervalSinceReferenceDate: encryptedAt),
                             decidedAt: decidedAt.map(Date.init(timeIntervalSinceReferenceDate:)), mobileVisitId: mobileVisitId,
                             revealedNonce: try revealedNonce.map { try UInt256(hex: $0, field: "ballot.revealed_nonce") },
                             revealedChoice: revealedChoice)
    }
}

/// A row of table `encrypted_ballot`: the encrypted ballot as JSON, as it was appended.
struct EncryptedBallotRecord: SnakeCaseRecord {
    static let databaseTableName = "encrypted_ballot"
    var ballotId: String
    var json: Data
}

/// A ballot's columns with its encrypted ballot's JSON, as a join reads them.
struct StoredBallot: FetchableRecord, Sendable {
    let record: BallotRecord
    let json: Data

    /// Selects the ballots with their JSON; append the conditions.
    static let select = "SELECT ballot.*, encrypted_ballot.json FROM ballot JOIN encrypted_ballot USING (ballot_id)"

    init(row: Row) throws {
        record = try BallotRecord(row: row)
        json = row["json"]
    }

    /// Decodes the entry (outside any transaction: decoding is the slow part).
    func entry() throws -> BallotEntry {
        try record.columns().entry(StoreCoding.decode(EncryptedBallot.self, from: json))
    }
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
        guardianId = round.storageGuardianKey
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
