import ArgumentParser
import ElectionGuard
import Foundation
import Referendum

/// `plebiscite guardian ceremony|decrypt`: a guardian's own steps, on its own machine: making its key
/// with the other guardians, and its part of the decryption in two rounds.
struct GuardianCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "guardian", abstract: "A guardian's own steps.",
                                                    subcommands: [GuardianCeremonyCommand.self, Decrypt.self])

    struct Decrypt: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decrypt the totals with this guardian's key share.",
            discussion: """
                Run it twice. The first run sends partial decryptions with their commitments and keeps the \
                nonces in NONCES (secret, next to the key). Once at least the quorum of guardians have run \
                it, the second run answers the challenges and deletes the nonces.
                """)

        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "This guardian's key file.") var key: String
        @Option(help: "Where to keep the nonces between the rounds (default: KEY with .nonces).") var nonces: String?
        @Option(help: "Send the rounds to this server's guardian API instead of the database.") var server: String?
        @Option(help: "This guardian's token, with --server (or set PLEBISCITE_TOKEN).") var token: String?

        func run() async throws {
            if let server {
                guard let token = token ?? ProcessInfo.processInfo.environment["PLEBISCITE_TOKEN"] else {
                    throw ValidationError("--server needs --token (or PLEBISCITE_TOKEN)")
                }
                try await run(with: GuardianClient(server: server, token: token))
            } else {
                try await workspace.withEngine { try await run(with: DatabaseChannel(engine: $0)) }
            }
        }

        func run(with channel: some DecryptionChannel) async throws {
            let secret = try GuardianKeyFile.decode(try readText(key), file: key)
            let noncePath = nonces ?? key.replacingOccurrences(of: ".json", with: "") + ".nonces.json"
            let attempt = try await channel.attempt()
            if FileManager.default.fileExists(atPath: noncePath) {
                let kept = try JSONDecoder().decode(GuardianKeyFile.Nonces.self, from: Data(contentsOf: URL(fileURLWithPath: noncePath)))
                guard kept.guardianId == secret.id, kept.extendedBaseHash == secret.extendedBaseHash else {
                    throw ValidationError("\(noncePath) belongs to another guardian or election")
                }
                if (kept.attempt ?? 0) != attempt {
                    // A guardian was dropped and the decryption started again: these nonces must never answer its challenges.
                    try FileManager.default.removeItem(atPath: noncePath)
                    print("\(secret.id): the decryption started again (try \(attempt)); old nonces deleted, sending a new round 1")
                    return try await run(with: channel)
                }
                guard let mine = try await channel.challenges(guardian: secret.id) else {
                    throw ValidationError("\(secret.id) has no challenge: round 1 was not accepted")
                }
                try await channel.submit(try GuardianDecryption.round2(secret: secret, nonces: kept.nonces, challenges: mine, attempt: attempt))
                try FileManager.default.removeItem(atPath: noncePath)
                print("\(secret.id): round 2 sent; nonces deleted")
            } else {
                var generator = SystemRandomNumberGenerator()
                let (round, kept) = GuardianDecryption.round1(secret: secret, totals: try await channel.targets(), attempt: attempt,
                                                              using: &generator)
                let encoder = JSONEncoder()
                try writeSecret(String(decoding: try encoder.encode(GuardianKeyFile.Nonces(
                    guardianId: secret.id, extendedBaseHash: secret.extendedBaseHash, nonces: kept, attempt: attempt)), as: UTF8.self), to: noncePath)
                try await channel.submit(round)
                print("\(secret.id): round 1 sent (\(round.partials.count) partial decryptions); run again for round 2 once the quorum has sent round 1")
            }
        }
    }
}

/// Where a guardian's decryption rounds go: the database itself, or the server's guardian API.
protocol DecryptionChannel: Sendable {
    /// The decryption's current try.
    func attempt() async throws -> Int
    func targets() async throws -> [EncryptedTotal]
    /// This guardian's round-2 challenges; nil before its round 1 was accepted.
    func challenges(guardian: String) async throws -> [ElementModQ]?
    func submit(_ round: GuardianDecryptionRound) async throws
}

/// The rounds straight into the database (`--database`).
struct DatabaseChannel: DecryptionChannel {
    let engine: ReferendumEngine
    func attempt() async throws -> Int { try await engine.currentDecryptionRounds().attempt }
    func targets() async throws -> [EncryptedTotal] { try await engine.decryptionTargets() }
    func challenges(guardian: String) async throws -> [ElementModQ]? { try await engine.decryptionChallenges()[guardian] }
    func submit(_ round: GuardianDecryptionRound) async throws {
        try await engine.checkResponses(round)
        try await engine.submit(round)
    }
}
