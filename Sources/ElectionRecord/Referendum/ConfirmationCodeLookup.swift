import ElectionGuard
import Foundation

/// A voter's look-up of a confirmation code in a published record, offline (`plebiscite track`): the
/// code's row in `referendum/ballots.csv` (what happened to the ballot) and its encrypted ballot file
/// (that the published ciphertext carries this very code). Whether that ballot's proofs hold and whether it
/// is in the tally is what `plebiscite verify` checks for every ballot at once.
public struct ConfirmationCodeLookup: Sendable {
    /// One ballot with the code (a code names one ballot; two rows would be a broken record).
    public struct Match: Sendable, Equatable {
        /// The ballot's row.
        public let row: BallotRow
        /// Its line in `referendum/ballots.csv`.
        public let line: Int
        /// `encrypted_ballots/<device>/eballot-<id>.json`.
        public let file: String
        /// Whether that file exists, reads, and holds the same confirmation code.
        public let fileAgrees: Bool
    }

    /// The 64 hexadecimal digits of a code as a voter may type it (any case; spaces, dashes and
    /// line breaks between the groups), or nil when that is not a code.
    public static func normalize(_ typed: String) -> String? {
        let digits = typed.filter { !" -\t\n\r".contains($0) }.uppercased()
        guard digits.count == 64, digits.allSatisfy({ $0.isHexDigit }) else { return nil }
        return digits
    }

    /// The ballots of `code` (normalized) in the record at `root`: empty when the record has none.
    /// - Throws: `ReferendumRecordError` when `referendum/ballots.csv` is missing or malformed.
    public static func find(_ code: String, inRecordAt root: String) throws -> [Match] {
        let rows = try ReferendumRecord.readCSV(.ballots, in: URL(fileURLWithPath: root), header: BallotRow.header)
        let directory = try? ElectionRecordDirectory(root: root)
        return try rows.compactMap { entry -> Match? in
            guard entry.fields.count > 1, entry.fields[1].uppercased() == code else { return nil }
            let row = try BallotRow(fields: entry.fields, line: entry.line)
            guard let file = try? BallotFile(device: row.device, ballotId: row.ballotId) else {
                return Match(row: row, line: entry.line, file: "(no file name for \(row.ballotId))", fileAgrees: false)
            }
            let ballot = try? directory?.ballot(file)
            let agrees = ballot.map { $0.ballot.confirmationCode.hex.uppercased() == code && $0.ballot.ballotId == row.ballotId } ?? false
            return Match(row: row, line: entry.line, file: file.path, fileAgrees: agrees)
        }
    }
}
