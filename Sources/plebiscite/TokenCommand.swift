import ArgumentParser
import Foundation
import Logging
import Server

/// `plebiscite token issue ROLE`: role tokens for the server (stored hashed; shown once).
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Issue, list and revoke the server's role tokens.",
                                                    subcommands: [Issue.self, List.self, Revoke.self])

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a token for ROLE: admin, observer, station:<station id> or guardian:<guardian id>.",
            discussion: "The token is printed once on standard output; the database keeps only its SHA-256.")

        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "admin, observer, station:<id> or guardian:<id>.") var role: String
        @Option(help: "Who or which device it is for.") var label = ""
        @Option(help: "Hours after which the token lets no one in (default: until revoked).") var expiresInHours: Int?

        func validate() throws {
            if let hours = expiresInHours, !(1...8_784).contains(hours) {
                throw ValidationError("--expires-in-hours is from 1 to 8784 (a year)")
            }
        }

        func run() async throws {
            let issued = try await PlebisciteServer.issueToken(role: role, label: label, expiresInHours: expiresInHours,
                                                                 database: workspace.database, logger: quietLogger)
            print(issued.token)
            note("token \(issued.record.id) for \(issued.record.role) issued; it is shown only now")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the tokens (id, role, label, issued, revoked).")
        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            let format = ISO8601DateFormatter()
            for token in try await PlebisciteServer.tokens(database: workspace.database, logger: quietLogger) {
                print([token.id, token.role, token.label, format.string(from: token.createdAt),
                       token.revokedAt.map { "revoked " + format.string(from: $0) } ?? "active"].joined(separator: "\t"))
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its id (servers notice within seconds).")
        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "The token's id, as `token list` shows it.") var id: String

        func run() async throws {
            guard try await PlebisciteServer.revokeToken(id: id, database: workspace.database, logger: quietLogger) != nil else {
                throw ValidationError("no token \(id)")
            }
            print("revoked \(id)")
        }
    }
}

private var quietLogger: Logger {
    var logger = Logger(label: "plebiscite.token")
    logger.logLevel = .warning
    return logger
}
