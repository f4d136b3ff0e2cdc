import ArgumentParser
import Foundation

/// Prints the per-ballot figures of the referendum workload as JSON, for scripts/bench-peer.sh.
/// Run it in release, pinned to one core: `taskset -c 0 .build/release/ballot-workload`.
@main
struct BallotWorkload: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ballot-workload",
        abstract: "Times encryption with proofs and verification of yes/no referendum ballots, one by one."
    )

    @Option(help: "Ballots to encrypt and to verify.")
    var ballots = 200

    func validate() throws {
        guard ballots >= 1 else { throw ValidationError("--ballots must be at least 1") }
    }

    func run() throws {
        let report = try WorkloadRun(ballots: ballots).measure()
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }
}
