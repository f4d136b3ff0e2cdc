import ElectionGuard
import Foundation

/// The paper ballot a booth prints when a ballot is cast, for the voter to fold into its envelope
/// and put in the box (docs/paper.md):
/// - the slip: the choice, the region, the station, and a sheet code drawn at random and kept
///   nowhere (not the confirmation code; nothing links it to the ballot or the voter);
/// - the envelope label: the envelope code, HMAC of the ballot id under the referendum's secret
///   salt. Nothing public links it to a ballot, but the server can list the envelope codes of the
///   ballots a revote superseded, so that the commission sets those envelopes aside unopened before
///   it counts: the paper then holds exactly the counted ballots.
public struct PaperSlip: Sendable, Hashable, Codable {
    /// The option's id.
    public let choice: String
    public let region: String
    public let station: String
    /// Eight characters of Crockford's base 32, grouped 4-4.
    public let code: String
    /// The envelope's code, grouped 4-4.
    public let envelope: String
}

extension CastingDesk {
    /// The slip and envelope of a ballot about to be cast.
    public func paperSlip<R: RandomNumberGenerator>(_ pending: PendingBallot, using generator: inout R) -> PaperSlip {
        let characters = (0..<8).map { _ in Credentials.alphabet[Int(generator.next() % 32)] }
        return PaperSlip(choice: pending.choice, region: pending.entry.region, station: pending.entry.stationId,
                         code: String(characters[0..<4]) + "-" + String(characters[4..<8]),
                         envelope: credentials.envelopeCode(ballotId: pending.entry.ballotId))
    }
}

extension Credentials {
    /// The envelope code of a ballot: the first 40 bits of HMAC(salt, "envelope:" + ballot id), in
    /// Crockford's base 32, grouped 4-4.
    public func envelopeCode(ballotId: String) -> String {
        let digest = ElectionHash.hmac(key: salt, message: Array("envelope:\(ballotId)".utf8)).bytes
        var bits = digest.prefix(5).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var characters = [Character]()
        for _ in 0..<8 {
            characters.append(Self.alphabet[Int(bits & 31)])
            bits >>= 5
        }
        return String(characters[0..<4]) + "-" + String(characters[4..<8])
    }
}
