import ArgumentParser
import Forensics
import Foundation

/// `plebiscite audit`: the tests of the numbers on a station-level results file.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Test station-level results for the statistical fingerprints of falsification.",
        discussion: """
            Reads a CSV (or the CSV inside a zip) through a YAML column profile, runs the integer-percentage \
            test, the fingerprint fraud-model fit, Shpilkin's estimate, digit tests, protocol arithmetic, \
            mobile-box shares and exit-poll comparisons, and prints a summary (or JSON, or an HTML page).
            Example: plebiscite audit --profile Examples/profiles/russia-2012-president.yaml \
            russia-2012-president-stations.csv.zip --html report.html
            A new file: plebiscite audit --inspect FILE lists its headers and proposes a profile.
            """)

    @Argument(help: "Results file: .csv, or .zip holding one.")
    var results: String

    @Option(help: "Column profile (YAML) describing the file's layout.")
    var profile: String?

    @Flag(help: "List the file's headers with sample values and propose a profile, instead of auditing.")
    var inspect = false

    @Flag(help: "Go on without rows that cannot be used, and count them.")
    var skipBadRows = false

    @Option(help: "Null draws of the integer-percentage test.")
    var draws = 1000

    @Option(help: "Shuffles of the shares for the fingerprint test's p-value.")
    var permutations = 999

    @Option(help: "Seed of all random draws; the same seed gives the same report.")
    var seed: UInt64 = 2016

    @Option(
        name: .customLong("exit-poll"),
        help: "An exit poll: share=0.62,n=1500[,deff=2][,region=NAME][,label=TEXT]. Repeatable.")
    var exitPolls: [String] = []

    @Flag(help: "Print the report as JSON instead of the summary.")
    var json = false

    @Option(help: "Also write a self-contained HTML report to this path.")
    var html: String?

    @Flag(help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        guard inspect || profile != nil else {
            throw ValidationError("--profile is required (or use --inspect to list the file's headers and propose one)")
        }
        guard draws >= 1 else { throw ValidationError("--draws must be at least 1") }
        guard permutations >= 0 else { throw ValidationError("--permutations must not be negative") }
    }

    func run() async throws {
        guard let profile, !inspect else {
            print(try HeaderInspection.inspect(path: results).text)
            return
        }
        let report = try await AuditRunner.run(
            results: results, profile: profile, skipBadRows: skipBadRows, draws: draws, permutations: permutations,
            seed: seed, exitPolls: exitPolls, progress: quiet ? nil : StandardErrorProgress())
        if let html {
            try report.html.write(toFile: html, atomically: true, encoding: .utf8)
        }
        if json {
            print(try report.jsonString())
        } else {
            print(report.text)
            if let html { print("\nHTML report: \(html)") }
        }
    }
}
