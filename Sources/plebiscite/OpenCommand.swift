import ArgumentParser
import Foundation
import Referendum

/// `plebiscite open`: keys ready -> open.
struct OpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the polls (each region within its window).")
    @OptionGroup var workspace: WorkspaceOptions
    func run() async throws { try await workspace.withEngine { try await $0.open() }; print("polls open") }
}
