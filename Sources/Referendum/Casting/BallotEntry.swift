import Foundation
import ElectionGuard
import ElectionRecord

/// How a ballot reached the box.
public enum BallotChannel: String, Codable, Sendable, Hashable, CaseIterable {
    /// Cast in a station (regional or external).
    case station
    /// Taken by a mobile box at the voter's home.
    case mobile
}

/// What became of an encrypted ballot.
public enum BallotStatus: String, Codable, Sendable, Hashable, CaseIterable {
    /// Encrypted and shown to the voter, who has not yet cast or challenged it.
    case pending
    /// Cast. Whether it counts is decided at the count by the revote rule.
    case cast
    /// Challenged: opened with its nonce to check the device; never counted.
    case challenged
    /// Never decided (the session ended); treated as challenged but cannot be opened.
    case abandoned

    /// The state the encrypted ballot records for this status (egk's CAST, SPOILED or UNKNOWN).
    public var ballotState: EncryptedBallot.State {
        switch self {
        case .cast: .cast
        case .challenged: .challenged
        case .pending, .abandoned: .unknown
        }
    }
}

/// One encrypted ballot with what the referendum needs to know about it. The voter appears only by
/// pseudonym; the choice only encrypted (in clear only for a challenged ballot).
public struct BallotEntry: Sendable, Hashable, Codable {
    public let ballot: EncryptedBallot
    /// The station where it was cast; for a mobile box, the mobile box's id.
    public let stationId: String
    public let channel: BallotChannel
    /// The voter's home region: the contest the ballot is for.
    public let region: String
    public let pseudonym: String
    public let encryptedAt: Date
    public let status: BallotStatus
    /// When it was cast or challenged.
    public let decidedAt: Date?
    /// The mobile-box visit that took it, for mobile ballots.
    public let mobileVisitId: String?
    /// The primary nonce, published for a challenged ballot only.
    public let revealedNonce: UInt256?
    /// The option chosen, for a challenged ballot only (decrypted with the nonce).
    public let revealedChoice: String?

    public init(ballot: EncryptedBallot, stationId: String, channel: BallotChannel, region: String, pseudonym: String,
                encryptedAt: Date, status: BallotStatus, decidedAt: Date? = nil, mobileVisitId: String? = nil,
                revealedNonce: UInt256? = nil, revealedChoice: String? = nil) {
        self.ballot = ballot
        self.stationId = stationId
        self.channel = channel
        self.region = region
        self.pseudonym = pseudonym
        self.encryptedAt = encryptedAt
        self.status = status
        self.decidedAt = decidedAt
        self.mobileVisitId = mobileVisitId
        self.revealedNonce = revealedNonce
        self.revealedChoice = revealedChoice
    }

    public var ballotId: String { ballot.ballotId }
    public var confirmationCode: UInt256 { ballot.confirmationCode }
    public var deviceId: String { ballot.encryptingDevice }

    /// This entry after a decision.
    public func decided(_ status: BallotStatus, at date: Date, nonce: UInt256? = nil, choice: String? = nil) -> BallotEntry {
        BallotEntry(ballot: ballot.with(state: status.ballotState), stationId: stationId, channel: channel, region: region,
                    pseudonym: pseudonym, encryptedAt: encryptedAt, status: status, decidedAt: date,
                    mobileVisitId: mobileVisitId, revealedNonce: nonce, revealedChoice: choice)
    }

    /// The part of the entry the revote rule and turnout need, without the ciphertexts.
    public var summary: CastSummary {
        CastSummary(ballotId: ballotId, pseudonym: pseudonym, stationId: stationId, channel: channel, region: region,
                    status: status, decidedAt: decidedAt ?? encryptedAt)
    }
}

/// A ballot's metadata without its ciphertexts: enough to apply the revote rule and count turnout.
public struct CastSummary: Sendable, Hashable, Codable {
    public let ballotId: String
    public let pseudonym: String
    public let stationId: String
    public let channel: BallotChannel
    public let region: String
    public let status: BallotStatus
    /// When it was cast (or challenged).
    public let decidedAt: Date

    public init(ballotId: String, pseudonym: String, stationId: String, channel: BallotChannel, region: String,
                status: BallotStatus, decidedAt: Date) {
        self.ballotId = ballotId
        self.pseudonym = pseudonym
        self.stationId = stationId
        self.channel = channel
        self.region = region
        self.status = status
        self.decidedAt = decidedAt
    }
}

extension BallotEntry {
    /// What the record says became of this ballot once the revote rule has run: counted or superseded
    /// if cast, challenged, or abandoned (never decided).
    public func outcome(under resolution: RevoteResolution) -> BallotRow.Status {
        switch status {
        case .cast: resolution.counted.contains(ballotId) ? .counted : .superseded
        case .challenged: .challenged
        case .pending, .abandoned: .abandoned
        }
    }
}
