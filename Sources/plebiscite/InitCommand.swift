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

/// `plebiscite announce`: draft -> announced.
struct AnnounceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "announce", abstract: "Announce the referendum to the public.")
    @OptionGroup var workspace: WorkspaceOptions
    func run() async throws { try await workspace.withEngine { try await $0.announce() }; print("announced") }
}

/// `plebiscite open`: keys ready -> open.
struct OpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the polls (each region within its window).")
    @OptionGroup var workspace: WorkspaceOptions
    func run() async throws { try await workspace.withEngine { try await $0.open() }; print("polls open") }
}

/// `plebiscite close`: open -> closed.
struct CloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close the polls; no ballot is accepted afterwards.")
    @OptionGroup var workspace: WorkspaceOptions
    func run() async throws { try await workspace.withEngine { try await $0.close() }; print("polls closed") }
}
