import ArgumentParser
import ElectionRecord
import Foundation

/// `plebiscite track`: a voter finds their confirmation code in a published record, without a server.
struct TrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Find a confirmation code in a published record: what happened to that ballot.",
        discussion: """
            Looks the code up in the record's referendum/ballots.csv and checks that the encrypted ballot file it \
            names carries the same code; in an ElectionGuard record without referendum/ (egk's), reads the ballot \
            files themselves. Exit status 0 when the ballot was counted, 1 for any other outcome \
            (superseded, challenged, abandoned, not found), 2 when the record cannot be read. \
            `plebiscite verify RECORD` checks every ballot's proofs and the tally.
            """)

    @Argument(help: "The confirmation code: 64 hexadecimal digits, spaces and dashes allowed (quote it).")
    var code: String

    @Option(help: "The record's directory.")
    var record = "record"

    func validate() throws {
        guard ConfirmationCodeLookup.normalize(code) != nil else {
            throw ValidationError("a confirmation code is 64 hexadecimal digits (0-9, A-F); got \"\(code)\"")
        }
    }

    func run() throws {
        let digits = ConfirmationCodeLookup.normalize(code)!
        let matches: [ConfirmationCodeLookup.Match]
        do {
            matches = try ConfirmationCodeLookup.find(digits, inRecordAt: record)
        } catch {
            FileHandle.standardError.write(Data("plebiscite track: \(record): \(error)\n".utf8))
            throw ExitCode(2)
        }
        guard let match = matches.first else {
            print("\(digits): not in this record. A ballot that was cast has its code here; check the code, and the record's source.")
            throw ExitCode(1)
        }
        guard let row = match.row else {
            // An ElectionGuard record without our referendum files: the ballot file is all there is.
            let outcome = match.state == .cast ? "cast (in the tally, if the record verifies)"
                : match.state == .challenged ? "challenged: opened to check the device, never counted" : "encrypted, neither cast nor challenged"
            print("\(digits): \(outcome)")
            print("  \(match.file)")
            if matches.count > 1 { print("  WARNING: \(matches.count) ballots carry this code; a code must name one ballot") }
            if match.state != .cast || matches.count > 1 { throw ExitCode(1) }
            return
        }
        let outcome = switch row.status {
        case .counted: "cast and counted"
        case .superseded: "cast, then replaced by another ballot of the same voter (\(row.supersededBy ?? "?")) under the revote rule; that one is counted"
        case .challenged: "challenged: opened to check the device, never counted"
        case .abandoned: "encrypted but never cast: not counted"
        }
        print("\(digits): \(outcome)")
        print("  ballot \(row.ballotId), station \(row.station) (\(row.channel)), region \(row.region)")
        print("  encrypted \(row.encryptedAt.formatted(BallotRow.timeStyle))"
              + (row.decidedAt.map { ", decided \($0.formatted(BallotRow.timeStyle))" } ?? ""))
        print("  \(match.file): " + (match.fileAgrees ? "present, with this code" : "MISSING or with another code"))
        if matches.count > 1 { print("  WARNING: \(matches.count) ballots carry this code; a code must name one ballot") }
        if row.status != .counted || !match.fileAgrees || matches.count > 1 { throw ExitCode(1) }
    }
}
