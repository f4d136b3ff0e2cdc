import ArgumentParser
import Referendum

/// `plebiscite status`: state, registers, ballots, turnout so far.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the referendum's state, registers and turnout.")
    @OptionGroup var workspace: WorkspaceOptions
    func run() async throws { print(try await workspace.withEngine { try await StatusReport.load($0) }.text) }
}
