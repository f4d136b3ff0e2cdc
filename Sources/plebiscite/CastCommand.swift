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
