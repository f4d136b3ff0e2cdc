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
        let summary = try await workspace.withEngine { engine in
            try await ScriptedCasting.run(try readText(script), file: script, desk: try await CastingDesk(engine: engine), using: &generator)
        }
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
        let count = try await workspace.withEngine { try await $0.count() }
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
        try await workspace.withEngine { try await $0.certify(by: by, statement: statement) }
        print("certified")
    }
}
