import ArgumentParser
import Referendum

/// `plebiscite register import FILE.csv --cards CARDS.csv`.
struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "register", abstract: "Manage the voter registers.",
                                                    subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import voters from CSV (voter_id,home_region,displaced[,home_station]) and write their voter cards.")

        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The register CSV.") var file: String
        @Option(help: "Where to write the voter cards (secret: the only copy of the credential codes).") var cards: String

        func run() async throws {
            var generator = SystemRandomNumberGenerator()
            let issued = try await workspace.withEngine { try await $0.importRegister(csv: try readText(file), file: file, using: &generator) }
            try writeSecret(VoterCard.csv(issued), to: cards)
            print("registered \(issued.count) voters; cards in \(cards) (keep it secret)")
        }
    }
}
