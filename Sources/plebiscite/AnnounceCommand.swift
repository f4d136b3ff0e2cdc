import ArgumentParser
import Foundation
import Referendum

/// `plebiscite announce`: draft -> announced.
struct AnnounceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "announce", abstract: "Announce the referendum to the public.")
    @OptionGroup var workspace: WorkspaceOptions
    func run() async throws { try await workspace.withEngine { try await $0.announce() }; print("announced") }
}
