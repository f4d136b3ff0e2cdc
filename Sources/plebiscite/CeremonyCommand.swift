import ArgumentParser
import Foundation
import Referendum

/// `plebiscite ceremony --keys DIR`: the key ceremony; each guardian's key goes to its own file.
struct CeremonyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ceremony",
                                                    abstract: "Run the guardians' key ceremony; write each guardian's key file separately.")

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "Directory for the guardians' key files (one per guardian, owner-readable only).") var keys = "guardians"

    func run() async throws {
        var generator = SystemRandomNumberGenerator()
        let secrets = try await workspace.withEngine { try await $0.runCeremony(using: &generator) }
        for secret in secrets {
            let path = "\(keys)/\(secret.id).json"
            try writeSecret(try GuardianKeyFile.encode(secret), to: path)
            print("\(secret.id): key file \(path)")
        }
        print("keys ready: \(secrets.count) guardians")
    }
}
