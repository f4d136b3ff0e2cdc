import ArgumentParser
import Foundation
import Referendum

/// `plebiscite decrypt`: combine the guardians' shares (counted -> decrypted).
struct DecryptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "decrypt",
                                                    abstract: "Check every guardian's share and combine them into the decrypted totals.")

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "Drop this guardian instead (it sent round 1 and vanished, or its answers fail); the others start again.")
    var drop: String?
    @Option(help: "Why the guardian is dropped (published in the record).") var reason: String?

    func validate() throws {
        if drop != nil, (reason ?? "").isEmpty { throw ValidationError("--drop needs --reason, which the record publishes") }
    }

    func run() async throws {
        if let drop {
            try await workspace.withEngine { try await $0.dropGuardian(drop, reason: reason ?? "") }
            print("dropped \(drop); the remaining guardians run `plebiscite guardian decrypt` again, from round 1")
            return
        }
        let result = try await workspace.withEngine { try await $0.finishDecryption() }
        print("decrypted \(result.values.count) totals with guardians \(result.guardians.map(String.init).joined(separator: ", "))")
    }
}
