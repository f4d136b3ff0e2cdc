import Foundation

/// A station commission's protocol: its hand count of the paper, entered after the polls close, for
/// one region at one station (an external station keeps one protocol per region it serves, because
/// each region is its own question). A mobile box's paper is counted in its parent station's
/// protocol. Published in `referendum/protocols.json` (docs/referendum-record.md); the control
/// relations it must satisfy are checked by Referendum on entry and again by the verifier (R.6).
public struct StationProtocol: Sendable, Codable, Hashable {
    /// How the station voted.
    public enum Mode: String, Sendable, Codable, Hashable, CaseIterable {
        /// Devices encrypted every ballot and printed its paper: the paper checks the electronic count.
        case electronic
        /// The devices were down: ballots were only paper, and this protocol is the station's count.
        case paperOnly = "paper-only"
    }

    public let station: String
    public let region: String
    public let mode: Mode
    /// Blank ballot papers the station received.
    public let received: Int
    /// Ballot papers handed to voters (at the station and in its mobile boxes).
    public let issued: Int
    /// Spoiled ballot papers (a voter's mistake, exchanged for a new one).
    public let spoiled: Int
    /// Blank ballot papers left over.
    public let unused: Int
    /// Ballots found in the stationary boxes.
    public let stationary: Int
    /// Ballots found in the mobile boxes.
    public let mobile: Int
    /// Envelopes found in all boxes.
    public let found: Int
    /// Envelopes set aside unopened because the server listed their codes as superseded by a revote.
    public let setAside: Int
    /// Valid ballots per option id.
    public let votes: [String: Int]
    /// Ballots found that mark no option or more than one.
    public let invalid: Int
    /// The commission members who signed it.
    public let signedBy: [String]
    /// When it was entered.
    public let enteredAt: Date

    enum CodingKeys: String, CodingKey {
        case station, region, mode, received, issued, spoiled, unused, stationary, mobile, found, votes, invalid
        case setAside = "set_aside", signedBy = "signed_by", enteredAt = "entered_at"
    }

    public init(station: String, region: String, mode: Mode, received: Int, issued: Int, spoiled: Int, unused: Int,
                stationary: Int, mobile: Int, found: Int, setAside: Int, votes: [String: Int], invalid: Int, signedBy: [String], enteredAt: Date) {
        self.setAside = setAside
        self.station = station; self.region = region; self.mode = mode
        self.received = received; self.issued = issued; self.spoiled = spoiled; self.unused = unused
        self.stationary = stationary; self.mobile = mobile; self.found = found
        self.votes = votes; self.invalid = invalid; self.signedBy = signedBy; self.enteredAt = enteredAt
    }
}
