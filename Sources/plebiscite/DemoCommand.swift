import ArgumentParser
import ElectionRecord
import Demo
import Foundation
import Referendum
import Storage
import Verifier

/// `plebiscite demo`: the main job. A four-region referendum with synthetic voters, run end to end
/// on one machine and published as a record anyone can verify.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a whole four-region referendum with synthetic voters and publish its record.",
        discussion: """
            Creates the referendum of DEFINITION with N synthetic voters (a quarter of them displaced, voting at \
            external stations), mobile-box votes later overridden at a station, and challenged ballots; runs the \
            key ceremony (5 guardians, quorum 3); casts on all cores; closes, counts, decrypts with the chosen \
            guardians; publishes the record; checks that the decrypted counts equal the plaintext counts it \
            generated, and verifies the record with the independent verifier.
            """)

    @Option(help: "Synthetic voters on the registers.") var voters = 10_000
    @Option(help: "The referendum definition.") var definition = "Examples/four-regions.yaml"
    @Option(help: "Output directory: database, guardian keys, voter cards, record.") var out = "demo-output"
    @Option(help: "Guardians who decrypt, by coordinate.") var guardians = "1,3,5"
    @Option(help: "Seed of the synthetic voters' behaviour.") var seed: UInt64 = 2022
    @Flag(help: "Replace an existing output directory.") var replace = false
    @Flag(inversion: .prefixedNo, help: """
        Verify the published record with the independent verifier (default: for up to \(DemoCommand.autoVerifyLimit) voters; \
        a larger record takes minutes more, so the demo prints the command instead).
        """) var verify: Bool?
    @Flag(help: "No progress bar.") var quiet = false
    @Flag(help: "Paper beside the encryption: slips in the boxes, every station's protocol, and a risk-limiting audit (docs/paper.md).")
    var paper = false
    @Option(name: .customLong("lying-station"), help: "With --paper: a station whose devices record the first option for every voter.")
    var lyingStation: String?
    @Option(name: .customLong("lie-for"), help: "With --lying-station: the option its devices record for everyone (default: the first).")
    var lieFor: String?
    @Option(name: .customLong("audit-seed"), help: "With --paper: the audit's public seed.") var auditSeed = DemoPaper().seed
    @Option(name: .customLong("risk-limit"), help: "With --paper: the audit's risk limit.") var riskLimit = 0.05
    @Option(name: .customLong("audit-method"), help: "With --paper: batch-comparison or ballot-polling.")
    var auditMethod = RecordedAudit.Method.batchComparison

    func validate() throws {
        guard voters > 0 else { throw ValidationError("--voters must be positive") }
        guard !guardianList.isEmpty else { throw ValidationError("--guardians: a list like 1,3,5") }
        guard paper || lyingStation == nil else { throw ValidationError("--lying-station needs --paper") }
    }

    /// Above this many voters the demo leaves verification to `plebiscite verify` unless `--verify` is given:
    /// the verifier needs about 13 ms of one core per ballot, so 100,000 voters would more than double the run.
    static let autoVerifyLimit = 20_000

    var guardianList: [Int] { guardians.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func run() async throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: out) {
            guard replace else { throw ValidationError("\(out) exists; pass --replace to overwrite it") }
            try fileManager.removeItem(atPath: out)
        }
        try fileManager.createDirectory(atPath: out, withIntermediateDirectories: true)
        let parsed = try ReferendumDefinition.load(contentsOf: URL(fileURLWithPath: definition))
        let scenario = DemoScenario(definition: parsed, voters: voters, seed: seed)
        let store = try SQLiteStore(path: "\(out)/plebiscite.sqlite")
        let bar = ProgressBar(label: "casting", enabled: !quiet)
        let started = Date()
        if let lyingStation, parsed.station(lyingStation) == nil {
            throw ValidationError("--lying-station: no station \(lyingStation) in \(definition)")
        }
        if let lieFor, !parsed.options.contains(where: { $0.id == lieFor }) {
            throw ValidationError("--lie-for: \(lieFor) is not an option of \(definition)")
        }
        let demoPaper = paper ? DemoPaper(lyingStation: lyingStation, lieFor: lieFor, seed: auditSeed, riskLimit: riskLimit, method: auditMethod) : nil
        let outcome = try await DemoRunner(scenario: scenario, decryptingGuardians: guardianList, seed: seed &+ 1, paper: demoPaper)
            .run(store: store) { done, total in bar.update(done, of: total) }
        bar.finish()
        for secret in outcome.secrets { try writeSecret(try GuardianKeyFile.encode(secret), to: "\(out)/guardians/\(secret.id).json") }
        try writeSecret(VoterCard.csv(outcome.cards), to: "\(out)/voter-cards.csv")
        let publishStart = Date()
        let record = try await RecordPublisher.publish(ReferendumEngine(store: store), to: "\(out)/record")
        let publishSeconds = Date().timeIntervalSince(publishStart)
        print(DemoSummary(outcome: outcome, record: record, publishSeconds: publishSeconds,
                          totalSeconds: Date().timeIntervalSince(started)).text)
        if let code = try? ReferendumRecord.readCSV(.ballots, in: URL(fileURLWithPath: record.path), header: BallotRow.header)
            .first(where: { $0.fields[9] == BallotRow.Status.counted.rawValue })?.fields[1] {
            print("find a voter's code in it: swift run plebiscite track \(code) --record \(record.path)")
        }
        if !outcome.matchesExpected { throw ExitCode(2) }
        guard verify ?? (voters <= Self.autoVerifyLimit) else {
            if verify == nil {
                print("independent verifier: not run for more than \(Self.autoVerifyLimit) voters (pass --verify to run it here)")
            }
            return
        }
        let verifyStart = Date()
        let verifyBar = ProgressBar(label: "verifying", enabled: !quiet)
        let report = try await Verifier.verify(recordAt: record.path, options: VerificationOptions(progress: { verifyBar.update($0, of: $1) }))
        verifyBar.finish()
        let failed = report.checks.filter { !$0.isPassing }
        print(String(format: "independent verifier: %d checks, %d failed, %.1f s", report.checks.count, failed.count,
                     Date().timeIntervalSince(verifyStart)))
        for check in failed { print("  FAILED \(check.id): \(check.firstFailure?.description ?? check.title)") }
        if !report.passed { throw ExitCode(1) }
    }
}
