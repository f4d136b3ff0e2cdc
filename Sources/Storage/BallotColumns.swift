import Foundation
import ElectionGuard
import Referendum

/// A ballot entry without its encrypted ballot: what both stores keep in columns. The encrypted
/// ballot is kept as JSON written once, at the append; a decision changes only these columns, so
/// that it neither rewrites nor re-encodes the ciphertexts inside the (serialized) write.
struct BallotColumns: Sendable, Hashable {
    var ballotId: String
    var confirmationCode: UInt256
    var device: String
    var status: BallotStatus
    /// The state recorded in the encrypted ballot, which a decision changes with the status.
    var ballotState: EncryptedBallot.State
    var station: String
    var channel: BallotChannel
    var region: String
    var pseudonym: String
    var encryptedAt: Date
    var decidedAt: Date?
    var mobileVisitId: String?
    var revealedNonce: UInt256?
    var revealedChoice: String?

    init(_ entry: BallotEntry) {
        ballotId = entry.ballotId
        confirmationCode = entry.confirmationCode
        device = entry.deviceId
        status = entry.status
        ballotState = entry.ballot.state
        station = entry.stationId
        channel = entry.channel
        region = entry.region
        pseudonym = entry.pseudonym
        encryptedAt = entry.encryptedAt
        decidedAt = entry.decidedAt
        mobileVisitId = entry.mobileVisitId
        revealedNonce = entry.revealedNonce
        revealedChoice = entry.revealedChoice
    }

    init(ballotId: String, confirmationCode: UInt256, device: String, status: BallotStatus, ballotState: EncryptedBallot.State,
         station: String, channel: BallotChannel, region: String, pseudonym: String, encryptedAt: Date, decidedAt: Date?,
         mobileVisitId: String?, revealedNonce: UInt256?, revealedChoice: String?) {
        self.ballotId = ballotId
        self.confirmationCode = confirmationCode
        self.device = device
        self.status = status
        self.ballotState = ballotState
        self.station = station
        self.channel = channel
        self.region = region
        self.pseudonym = pseudonym
        self.encryptedAt = encryptedAt
        self.decidedAt = decidedAt
        self.mobileVisitId = mobileVisitId
        self.revealedNonce = revealedNonce
        self.revealedChoice = revealedChoice
    }

    /// The entry, given its encrypted ballot as appended.
    func entry(_ ballot: EncryptedBallot) -> BallotEntry {
        BallotEntry(ballot: ballot.state == ballotState ? ballot : ballot.with(state: ballotState), stationId: station,
                    channel: channel, region: region, pseudonym: pseudonym, encryptedAt: encryptedAt, status: status,
                    decidedAt: decidedAt, mobileVisitId: mobileVisitId, revealedNonce: revealedNonce, revealedChoice: revealedChoice)
    }

    /// The columns after a decision: what `BallotEntry.decided` makes of the entry.
    func decided(_ status: BallotStatus, at date: Date, nonce: UInt256?, choice: String?) -> BallotColumns {
        var decided = self
        decided.status = status
        decided.ballotState = status.ballotState
        decided.decidedAt = date
        decided.revealedNonce = nonce
        decided.revealedChoice = choice
        return decided
    }
}
