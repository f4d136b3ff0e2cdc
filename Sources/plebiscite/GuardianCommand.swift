import ArgumentParser
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

        func run() async throws {
            try await workspace.withEngine { try await run(with: $0) }
        }

        func run(with engine: ReferendumEngine) async throws {
            let secret = try GuardianKeyFile.decode(try readText(key), file: key)
            let noncePath = nonces ?? key.replacingOccurrences(of: ".json", with: "") + ".nonces.json"
            let attempt = try await engine.currentDecryptionRounds().attempt
            if FileManager.default.fileExists(atPath: noncePath) {
                let kept = try JSONDecoder().decode(GuardianKeyFile.Nonces.self, from: Data(contentsOf: URL(fileURLWithPath: noncePath)))
                guard kept.guardianId == secret.id, kept.extendedBaseHash == secret.extendedBaseHash else {
                    throw ValidationError("\(noncePath) belongs to another guardian or election")
                }
                if (kept.attempt ?? 0) != attempt {
                    // A guardian was dropped and the decryption started again: these nonces must never answer its challenges.
                    try FileManager.default.removeItem(atPath: noncePath)
                    print("\(secret.id): the decryption started again (try \(attempt)); old nonces deleted, sending a new round 1")
                    return try await run(with: engine)
                }
                let challenges = try await engine.decryptionChallenges()
                guard let mine = challenges[secret.id] else { throw ValidationError("\(secret.id) has no challenge: round 1 was not accepted") }
                try await engine.submit(try GuardianDecryption.round2(secret: secret, nonces: kept.nonces, challenges: mine, attempt: attempt))
                try FileManager.default.removeItem(atPath: noncePath)
                print("\(secret.id): round 2 sent; nonces deleted")
            } else {
                var generator = SystemRandomNumberGenerator()
                let (round, kept) = GuardianDecryption.round1(secret: secret, totals: try await engine.decryptionTargets(), attempt: attempt,
                                                              using: &generator)
                let encoder = JSONEncoder()
                try writeSecret(String(decoding: try encoder.encode(GuardianKeyFile.Nonces(
                    guardianId: secret.id, extendedBaseHash: secret.extendedBaseHash, nonces: kept, attempt: attempt)), as: UTF8.self), to: noncePath)
                try await engine.submit(round)
                print("\(secret.id): round 1 sent (\(round.partials.count) partial decryptions); run again for round 2 once the quorum has sent round 1")
            }
        }
    }
}
