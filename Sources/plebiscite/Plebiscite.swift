import ArgumentParser
import ElectionGuard

@main
struct Plebiscite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plebiscite",
        abstract: "Run a referendum whose result anyone can verify, and audit referendums others ran.",
        version: "0.1.0",
        subcommands: [AuditCommand.self, VerifyCommand.self]
    )
}
