import ArgumentParser
import Foundation
import Verifier

/// `plebiscite verify`: every ElectionGuard 2.0 verification and the referendum's rules on a record.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a published record: every ElectionGuard 2.0 check and the referendum's rules.",
        discussion: """
            Reads a record in egk's layout (with Plebiscite's referendum/ files if present) and reports every \
            check by its spec id, with counts and the first failing file and field. Exit status 0 only if every \
            check passes.
            """)

    @Argument(help: "The record's directory.")
    var record: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: "Concurrent workers (default: every core).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Verify every element and proof one by one instead of batching.")
    var noBatch = false

    @Flag(help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        let options = VerificationOptions(jobs: jobs, batch: !noBatch, progress: quiet ? nil : Self.showProgress)
        let report: VerificationReport
        do {
            report = try await Verifier.verify(recordAt: record, options: options)
        } catch {
            FileHandle.standardError.write(Data("plebiscite verify: \(error)\n".utf8))
            throw ExitCode(2)
        }
        print(json ? try report.jsonString() : report.text)
        if !report.passed { throw ExitCode(1) }
    }

    @Sendable static func showProgress(done: Int, total: Int) {
        FileHandle.standardError.write(Data("\rverifying ballots: \(done)/\(total)\(done == total ? "\n" : "")".utf8))
    }
}
