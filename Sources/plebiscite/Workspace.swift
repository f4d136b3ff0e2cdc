import ArgumentParser
import Foundation
import Referendum
import Storage

/// Where the referendum lives: an embedded SQLite file (default) or a PostgreSQL URL.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .customLong("database"), help: "SQLite file, or postgres://user:password@host:port/database.")
    var database = "plebiscite.sqlite"

    /// Runs `body` with the engine over the store the option names, on the machine's clock (for
    /// PostgreSQL, while its connections run).
    func withEngine<T: Sendable>(_ body: (ReferendumEngine) async throws -> T) async throws -> T {
        try await StoreLocation.withStore(database) { try await body(ReferendumEngine(store: $0)) }
    }
}

/// Writes a secret file (guardian keys, nonces, voter cards): 0600, in new directories 0700, never
/// overwriting one (`SecretFile`).
func writeSecret(_ text: String, to path: String) throws {
    do {
        try SecretFile.write(text, to: path)
    } catch {
        throw ValidationError("cannot write \(error)")
    }
}

/// Reads a text file, with an error naming it.
func readText(_ path: String) throws -> String {
    do {
        return try String(contentsOfFile: path, encoding: .utf8)
    } catch {
        throw ValidationError("cannot read \(path): \(error.localizedDescription)")
    }
}

/// Prints to standard error.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
