import ElectionGuard
import ElectionRecord
import Foundation
import Referendum

/// What the public tracker says of a confirmation code.
///
/// While the polls are open (and until the count), every cast ballot is only `received`: saying
/// `superseded` would let a coercer who took a voter's code check whether the voter went back and
/// voted again, which is the very thing revoting is for. From the count on, the tracker says what
/// the record publishes: `cast` (counted), `superseded` (with the rule that decided it), `challenged`
/// or `abandoned`.
public struct TrackerAnswer: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, Hashable {
        case received, pending, cast, challenged, superseded, abandoned
        case notFound = "not-found"
    }

    public let code: String
    public let status: Status
    public let station: String?
    public let decidedAt: Date?
    /// For a challenged ballot, the option the device had encrypted (it was opened).
    public let choice: String?

    /// The answer for `entry` (nil: no such code) in a referendum at `setup`'s stage.
    public static func answer(code: UInt256, entry: BallotEntry?, setup: ReferendumSetup) -> TrackerAnswer {
        guard let entry else { return TrackerAnswer(code: code.hex, status: .notFound, station: nil, decidedAt: nil, choice: nil) }
        let status: Status = switch (entry.status, setup.count?.resolution) {
        case (.pending, _): .pending
        case (.challenged, _): .challenged
        case (.abandoned, _): .abandoned
        case (.cast, nil): .received
        case (.cast, let resolution?): entry.outcome(under: resolution) == .counted ? .cast : .superseded
        }
        return TrackerAnswer(code: code.hex, status: status, station: entry.stationId, decidedAt: entry.decidedAt,
                             choice: status == .challenged ? entry.revealedChoice : nil)
    }

    /// Reads a code as a voter may type it: 64 hexadecimal digits, in any case, with spaces or dashes
    /// (or the `+` a form's query makes of a space).
    /// - Throws: `invalidInput` (field `code`) saying what a code looks like.
    public static func code(from text: String) throws -> UInt256 {
        func refuse(_ count: Int) -> ReferendumError {
            .invalidInput(field: "code", reason: "a confirmation code is 64 hexadecimal digits (0-9, A-F); got \(count) characters")
        }
        guard text.count <= 200 else { throw refuse(text.count) }
        guard let digits = ConfirmationCodeLookup.normalize(text), let code = try? UInt256(hex: digits) else {
            throw refuse(text.filter { !ConfirmationCodeLookup.separators.contains($0) }.count)
        }
        return code
    }
}
