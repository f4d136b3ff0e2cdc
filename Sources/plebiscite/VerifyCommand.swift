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
            check passes, 1 if one fails, 2 if the verifier cannot run.

            On many machines: `--shard i/n --out PART` verifies the i-th of n shards of the ballots (1 ≤ i ≤ n, \
            a stable split by file path) and writes a part (exit 0 once it is written: the verdict is the \
            combine step's); `--combine PART...` then makes every other check with the record and prints the \
            report of a single run. See docs/verifier.md, "Many machines".
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

    @Option(help: ArgumentHelp("Verify only shard i of n of the ballots (1 ≤ i ≤ n) and write a part for --combine.", valueName: "i/n"))
    var shard: String?

    @Option(help: ArgumentHelp("With --shard: the file to write the part to (default: standard output).", valueName: "file"))
    var out: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Combine the parts of every shard (files, or directories of them) with the record and report.",
                                                         valueName: "part"))
    var combine: [String] = []

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4), not '\(shard)'")
        }
        if shard != nil && !combine.isEmpty { throw ValidationError("--shard and --combine are separate steps; give one") }
        if out != nil && shard == nil { throw ValidationError("--out goes with --shard") }
    }

    func run() async throws {
        let options = VerificationOptions(jobs: jobs, batch: !noBatch, progress: quiet ? nil : Self.showProgress)
        if let shard = shard.flatMap({ Shard($0) }) { return try await runShard(shard, options: options) }
        let report: VerificationReport
        do {
            report = combine.isEmpty
                ? try await Verifier.verify(recordAt: record, options: options)
                : try await Verifier.combine(recordAt: record, partFiles: combine, options: options)
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

extension VerifyCommand {
    /// `--shard i/n`: verifies the shard's ballots and writes its part; exit 0 once written, whatever the
    /// ballots hold (a failed Kubernetes pod would be retried for nothing), 2 if it cannot run.
    func runShard(_ shard: Shard, options: VerificationOptions) async throws {
        do {
            let part = try await Verifier.verifyShard(recordAt: record, shard: shard, options: options)
            if let out {
                try part.write(to: out)
                let failed = part.failedChecks.isEmpty ? "" : "; failed so far: \(part.failedChecks.map(\.rawValue).joined(separator: ", "))"
                FileHandle.standardError.write(Data("plebiscite verify: shard \(shard): \(part.statistics.ballots) ballots\(failed); part written to \(out)\n".utf8))
            } else {
                FileHandle.standardOutput.write(part.jsonData())
            }
        } catch {
            FileHandle.standardError.write(Data("plebiscite verify: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
