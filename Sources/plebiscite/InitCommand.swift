import ArgumentParser
import Foundation
import Referendum

/// `plebiscite init DEFINITION.yaml`: creates the referendum in the draft state.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a referendum from its definition (YAML).")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The definition, e.g. Examples/four-regions.yaml.") var definition: String

    func run() async throws {
        var generator = SystemRandomNumberGenerator()
        let parsed = try ReferendumDefinition.load(contentsOf: URL(fileURLWithPath: definition))
        try await workspace.withEngine { try await $0.create(parsed, using: &generator) }
        print("created \(parsed.id) in \(workspace.database): \(parsed.regions.count) regions, \(parsed.stations.count) stations")
    }
}
