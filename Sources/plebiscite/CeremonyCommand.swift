import ArgumentParser
import Foundation
import Referendum

/// `plebiscite ceremony status|export|import`: the coordinator's side of the guardians' key ceremony on
/// this database. The guardians make their own keys (`plebiscite guardian ceremony`); this only shows
/// and relays their public messages, for guardians who carry files instead of using the server.
struct CeremonyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ceremony", abstract: "The guardians' key ceremony: its progress, and files carried to and from offline guardians.",
        subcommands: [Status.self, Export.self, Import.self], defaultSubcommand: Status.self)

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Who has sent what so far.")
        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            let (bundle, state) = try await workspace.withEngine { (try await $0.ceremonyBundle(), try await $0.setup().state) }
            print(CeremonyProgress(bundle).text)
            print("state: \(state.rawValue)")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the ceremony's public log for guardians working offline.")
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "Where to write it.") var out: String

        func run() async throws {
            let bundle = try await workspace.withEngine { try await $0.ceremonyBundle() }
            try CeremonyFiles.write(bundle, to: out)
            print("wrote \(out): \(CeremonyProgress(bundle).summary)")
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check and add the messages a guardian wrote offline.")
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "The guardian who wrote them.") var from: String
        @Argument(help: "The guardian's messages file (`plebiscite guardian ceremony --out`).") var messages: String

        func run() async throws {
            let list = try CeremonyFiles.read([CeremonyMessage].self, from: messages)
            let state = try await workspace.withEngine { engine in
                try await engine.acceptCeremony(list, from: from)
                return try await engine.setup().state
            }
            print("accepted \(list.count) message(s) from \(from); state: \(state.rawValue)")
        }
    }
}

/// What the log shows, per guardian.
struct CeremonyProgress {
    let bundle: CeremonyBundle
    init(_ bundle: CeremonyBundle) { self.bundle = bundle }

    var summary: String {
        let log = bundle.log
        return "\(log.publicKeys.count)/\(bundle.guardians.count) public keys, \(log.shares.count) shares, "
            + "\(log.complaints.count) complaints, \(log.confirmations.count) confirmations"
            + (log.stopped.map { "; STOPPED: \($0)" } ?? "")
    }

    var text: String {
        let log = bundle.log
        var lines = ["key ceremony of \(bundle.referendum): \(bundle.guardians.count) guardians, quorum \(bundle.quorum)"]
        for guardian in bundle.guardians {
            let sent = log.shares.filter { $0.senderId == guardian }.count
            let confirmed = log.confirmations.contains { $0.guardian == guardian }
            lines.append("  \(guardian): keys \(log.keys(of: guardian) == nil ? "no" : "yes"), shares sent \(sent)/\(bundle.guardians.count - 1), "
                         + "confirmed \(confirmed ? "yes" : "no")")
        }
        for complaint in log.complaints {
            let answered = log.reveal(from: complaint.accused, to: complaint.accuser) != nil
            lines.append("  complaint by \(complaint.accuser) about \(complaint.accused) (\(answered ? "answered" : "open")): \(complaint.reason)")
        }
        if let stopped = log.stopped { lines.append("  STOPPED: \(stopped)") }
        return lines.joined(separator: "\n")
    }
}

/// The ceremony's files: JSON, read with an error naming the file.
enum CeremonyFiles {
    static func write<T: Encodable>(_ value: T, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(value).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    static func read<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("cannot read \(path): \(error.localizedDescription)")
        }
        guard data.count <= 16 * 1024 * 1024 else { throw ValidationError("\(path) is over 16 MB: not a ceremony file") }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw ValidationError("\(path) is not a ceremony file: \(error)")
        }
    }
}
