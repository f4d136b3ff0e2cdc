import ArgumentParser
import Foundation
import Referendum

/// `plebiscite close`: open -> closed.
struct CloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close the polls; no ballot is accepted afterwards.")
    @OptionGroup var workspace: WorkspaceOptions
    func run() async throws { try await workspace.withEngine { try await $0.close() }; print("polls closed") }
}
