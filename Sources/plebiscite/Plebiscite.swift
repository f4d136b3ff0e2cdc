import ArgumentParser
import ElectionGuard

@main
struct Plebiscite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plebiscite",
        abstract: "Run a referendum whose result anyone can verify, and audit referendums others ran.",
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, InitCommand.self, AnnounceCommand.self, RegisterCommand.self, CeremonyCommand.self,
            OpenCommand.self, CastCommand.self, StatusCommand.self, CloseCommand.self, TallyCommand.self,
            GuardianCommand.self, DecryptCommand.self, ProtocolCommand.self, RLACommand.self, CertifyCommand.self, PublishCommand.self,
            AuditCommand.self, AssessCommand.self, VerifyCommand.self, TrackCommand.self, ServeCommand.self, TokenCommand.self, StationCommand.self,
        ]
    )
}
