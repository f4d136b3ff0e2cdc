import ArgumentParser
import Referendum

/// `plebiscite certify`: decrypted -> certified.
struct CertifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "certify", abstract: "Certify the decrypted result.")

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "Who certifies (repeatable).") var by: [String]
    @Option(help: "The certification statement.") var statement: String

    func run() async throws {
        try await workspace.withEngine { try await $0.certify(by: by, statement: statement) }
        print("certified")
    }
}
