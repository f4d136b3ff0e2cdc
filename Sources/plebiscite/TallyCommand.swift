import ArgumentParser
import Referendum

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
