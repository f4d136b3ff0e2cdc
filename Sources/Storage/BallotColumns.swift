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

extension BallotColumns {
    /// The columns of `entry` (outside the struct, so that Swift still makes the memberwise initializer).
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
}
