import Foundation

/// The paper ballot a booth prints when a ballot is cast, for the voter to put in the box: the choice,
/// the region and the station, and a short sheet code. The code is drawn at random when the slip is
/// printed and kept nowhere: it is not the confirmation code, nothing links it to the ballot or the
/// voter, and it lets an audit board name a sheet it examined (docs/paper.md).
public struct PaperSlip: Sendable, Hashable, Codable {
    /// The option's id.
    public let choice: String
    public let region: String
    public let station: String
    /// Eight characters of Crockford's base 32, grouped 4-4.
    public let code: String

    /// The slip of a ballot about to be cast.
    public static func printing<R: RandomNumberGenerator>(_ pending: PendingBallot, using generator: inout R) -> PaperSlip {
        let characters = (0..<8).map { _ in Credentials.alphabet[Int(generator.next() % 32)] }
        return PaperSlip(choice: pending.choice, region: pending.entry.region, station: pending.entry.stationId,
                         code: String(characters[0..<4]) + "-" + String(characters[4..<8]))
    }
}
