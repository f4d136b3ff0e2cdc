import ElectionGuard
import Foundation

/// A voter's look-up of a confirmation code in a published record, offline (`plebiscite track`). In a
/// Plebiscite record, the code's row in `referendum/ballots.csv` (what happened to the ballot) and its
/// encrypted ballot file (that the published ciphertext carries this very code); in any other
/// ElectionGuard record (egk's, without `referendum/`), the ballot files themselves, read one by one.
/// Whether the ballot's proofs hold and whether it is in the tally is what `plebiscite verify` checks for
/// every ballot at once.
public struct ConfirmationCodeLookup: Sendable {
    /// One ballot with the code (a code names one ballot; two would be a broken record).
    public struct Match: Sendable, Equatable {
        /// The ballot's row in `referendum/ballots.csv`, nil in a record without one.
        public let row: BallotRow?
        /// Its line in `referendum/ballots.csv`, nil in a record without one.
        public let line: Int?
        /// `encrypted_ballots/<device>/eballot-<id>.json`.
        public let file: String
        /// The state in the ballot file (cast or challenged), nil when the file is missing or unreadable.
        public let state: EncryptedBallot.State?
        /// Whether that file exists, reads, and holds the same confirmation code and ballot id.
        public let fileAgrees: Bool
    }

    /// What may stand between the groups of a typed code: spaces, line breaks, dashes, and the `+` a
    /// web form's query makes of a space.
    public static let separators: Set<Character> = [" ", "\t", "\n", "\r", "\r\n", "-", "+"]

    /// The 64 hexadecimal digits of a code as a voter may type it (any case, with `separators`
    /// between the groups), or nil when that is not a code.
    public static func normalize(_ typed: String) -> String? {
        let digits = typed.filter { !separators.contains($0) }.uppercased()
        guard digits.count == 64, digits.allSatisfy({ $0.isHexDigit }) else { return nil }
        return digits
    }

    /// The ballots of `code` (normalized) in the record at `root`: empty when the record has none.
    /// - Throws: `ReferendumRecordError` when `referendum/ballots.csv` is malformed, or
    ///   `ElectionRecordError` when the record has neither it nor readable `encrypted_ballots/`.
    public static func find(_ code: String, inRecordAt root: String) throws -> [Match] {
        let directory = try ElectionRecordDirectory(root: root)
        guard directory.contains("\(ReferendumRecord.directory)/\(ReferendumRecord.File.ballots.rawValue)") else {
            return try findInBallotFiles(code, directory)
        }
        let rows = try ReferendumRecord.readCSV(.ballots, in: URL(fileURLWithPath: root), header: BallotRow.header)
        return try rows.compactMap { entry -> Match? in
            guard entry.fields.count > 1, entry.fields[1].uppercased() == code else { return nil }
            let row = try BallotRow(fields: entry.fields, line: entry.line)
            guard let file = try? BallotFile(device: row.device, ballotId: row.ballotId) else {
                return Match(row: row, line: entry.line, file: "(no file name for \(row.ballotId))", state: nil, fileAgrees: false)
            }
            let ballot = try? directory.ballot(file).ballot
            return Match(row: row, line: entry.line, file: file.path, state: ballot?.state,
                         fileAgrees: ballot.map { $0.confirmationCode.hex.uppercased() == code && $0.ballotId == row.ballotId } ?? false)
        }
    }

    /// Every ballot file of the record, each read in full, for the ones with `code`.
    private static func findInBallotFiles(_ code: String, _ directory: ElectionRecordDirectory) throws -> [Match] {
        var matches = [Match]()
        for files in try directory.allBallotFiles() {
            for file in files {
                guard let ballot = try? directory.ballot(file).ballot, ballot.confirmationCode.hex.uppercased() == code else { continue }
                matches.append(Match(row: nil, line: nil, file: file.path, state: ballot.state, fileAgrees: true))
            }
        }
        return matches
    }
}
