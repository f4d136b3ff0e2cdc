import ArgumentParser
import Foundation
@testable import plebiscite
import Testing

/// Every subcommand, in process, on one bad input: its exit status and the start of what it says.
/// (An exit status of 64 is a usage error, 1 a refusal, 2 a record that cannot be read.)
@Suite("The command line: each subcommand's refusal", .serialized)
struct CommandLineTests {
    static let work = temporaryPath("cli")
    static var database: String { "\(work)/empty.sqlite" }

    /// Runs `arguments` as `plebiscite` would; the exit status and the error's message.
    static func run(_ arguments: [String]) async -> (status: Int32, message: String) {
        do {
            var command = try Plebiscite.parseAsRoot(arguments)
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            return (0, "")
        } catch {
            return (Plebiscite.exitCode(for: error).rawValue, Plebiscite.message(for: error))
        }
    }

    static let cases: [(arguments: [String], status: Int32, says: String)] = [
        (["demo", "--voters", "0"], 64, "voters"),
        (["init", "\(work)/missing.yaml", "--database", database], 1, "missing.yaml"),
        (["announce", "--database", "\(work)/other.sqlite"], 1, "plebiscite init"),
        (["announce", "--database", database], 1, "referendum"),
        (["register", "import", "\(work)/missing.csv", "--cards", "\(work)/cards.csv", "--database", database], 64, "missing.csv"),
        (["ceremony", "status", "--database", database], 1, "referendum"),
        (["ceremony", "export", "--out", "\(work)/bundle.json", "--database", database], 1, "referendum"),
        (["ceremony", "import", "--from", "guardian1", "\(work)/missing.json", "--database", database], 64, "missing.json"),
        (["open", "--database", database], 1, "referendum"),
        (["cast", "\(work)/missing.csv", "--database", database], 64, "missing.csv"),
        (["status", "--database", database], 1, "referendum"),
        (["close", "--database", database], 1, "referendum"),
        (["tally", "--database", database], 1, "referendum"),
        (["guardian", "ceremony", "--guardian", "guardian1"], 64, "--server"),
        (["guardian", "decrypt", "--key", "\(work)/missing.json", "--database", database], 64, "missing.json"),
        (["decrypt", "--drop", "guardian2", "--database", database], 64, "--reason"),
        (["certify", "--by", "C", "--statement", "s", "--database", database], 1, "referendum"),
        (["protocol", "envelopes", "--database", database], 1, "referendum"),
        (["protocol", "enter", "\(work)/missing.yaml", "--database", database], 64, "missing.yaml"),
        (["protocol", "report", "--database", database], 1, "referendum"),
        (["rla", "start", "--seed", "123", "--database", database], 1, "referendum"),
        (["rla", "start", "--seed", "123", "--method", "coin", "--database", database], 64, "coin"),
        (["rla", "sample", "--database", database], 1, "referendum"),
        (["rla", "enter", "--region", "alpha", "\(work)/missing.yaml", "--database", database], 64, "missing.yaml"),
        (["rla", "hand-count", "--region", "alpha", "\(work)/missing.yaml", "--database", database], 64, "missing.yaml"),
        (["rla", "status", "--database", database], 1, "referendum"),
        (["publish", "--out", "\(work)/record", "--database", database], 1, "referendum"),
        (["audit", "\(work)/missing.csv"], 64, "--profile"),
        (["assess", "\(work)/missing.yaml"], 1, "missing.yaml"),
        (["verify", "\(work)/missing-record"], 2, ""),  // says "no record directory there" on standard error
        (["track", "NOT A CODE", "--record", "\(work)/missing-record"], 64, "code"),
        (["serve", "--port", "70000", "--database", database], 64, "not a TCP port"),  // it once listened on a wrapped port
        (["token", "issue", "king", "--database", database], 1, "king"),
        (["token", "list", "--database", "/proc/plebiscite-none/db.sqlite"], 1, "plebiscite-none"),
        (["token", "revoke", "nope", "--database", database], 64, "nope"),
        (["station", "--central", "ftp://central", "--token-file", "\(work)/missing.token"], 64, "--central"),
        (["station", "--central", "http://127.0.0.1:9", "--token-file", "\(work)/missing.token", "--database", "\(work)/s.sqlite"], 64, "missing.token"),
    ]

    @Test("every subcommand refuses a bad input with its status and a message naming the problem", arguments: 0..<cases.count)
    func refusal(_ index: Int) async throws {
        try FileManager.default.createDirectory(atPath: Self.work, withIntermediateDirectories: true)
        let (arguments, status, says) = Self.cases[index]
        let result = await Self.run(arguments)
        #expect(result.status == status, "plebiscite \(arguments.joined(separator: " ")): \(result.status) \(result.message)")
        #expect(says.isEmpty || result.message.localizedCaseInsensitiveContains(says),
                "plebiscite \(arguments.joined(separator: " ")): \(result.message)")
    }

    @Test("every subcommand of the root is in the table above")
    func coverage() {
        var names = Set<String>()
        func walk(_ command: any ParsableCommand.Type, _ prefix: [String]) {
            let path = prefix + [command._commandName]
            if command.configuration.subcommands.isEmpty { names.insert(path.dropFirst().joined(separator: " ")) }
            for sub in command.configuration.subcommands { walk(sub, path) }
        }
        walk(Plebiscite.self, [])
        #expect(names.count >= 25, "\(names.sorted())")
        let covered = Set(Self.cases.map { entry in
            names.first { name in entry.arguments.joined(separator: " ").hasPrefix(name + " ") } ?? ""
        })
        let missing = names.subtracting(covered).filter { !$0.isEmpty }
        #expect(missing.isEmpty, "no refusal tested for: \(missing.sorted())")
    }
}
