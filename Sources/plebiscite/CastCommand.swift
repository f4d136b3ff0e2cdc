import ArgumentParser
import Referendum

/// `plebiscite cast SCRIPT.csv`: scripted casting for batch use and tests.
struct CastCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cast", abstract: "Cast ballots from a script (time,credential,station,device,choice,action[,visit]).")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The script, CSV.") var script: String

    func run() async throws {
        var generator = SystemRandomNumberGenerator()
        let desk = try await CastingDesk(engine: workspace.engine())
        let summary = try await ScriptedCasting.run(try readText(script), file: script, desk: desk, using: &generator)
        for code in summary.codes { print(code) }
        note("cast \(summary.cast) ballots, challenged \(summary.challenged)")
    }
}

/// `plebiscite tally`: closed -> counted.
struct TallyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally", abstract: "Apply the revote rule and add up the counted ballots, still encrypted.")

    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        let count = try await workspace.engine().count()
        print("counted \(count.resolution.counted.count) ballots (\(count.resolution.supersededBy.count) superseded); \(count.totals.count) encrypted totals to decrypt")
    }
}

/// `plebiscite certify`: decrypted -> certified.
struct CertifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "certify", abstract: "Certify the decrypted result.")

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "Who certifies (repeatable).") var by: [String]
    @Option(help: "The certification statement.") var statement: String

    func run() async throws {
        try await workspace.engine().certify(by: by, statement: statement)
        print("certified")
    }
}
