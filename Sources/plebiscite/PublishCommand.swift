import ArgumentParser
import Referendum

/// `plebiscite publish --out DIR`: certified -> published.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "publish", abstract: "Write the public record of the certified referendum.")

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "The record directory to create.") var out = "record"
    @Flag(help: "Replace an existing record at --out.") var replace = false

    func run() async throws {
        let summary = try await workspace.withEngine { try await RecordPublisher.publish($0, to: out, replacing: replace) }
        print("published \(summary.ballots) ballots from \(summary.devices) devices to \(summary.path) (\(summary.bytes / 1_000_000) MB)")
    }
}
