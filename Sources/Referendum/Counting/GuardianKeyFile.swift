import Foundation
import ElectionGuard

/// A guardian's key file, and the file in which a guardian keeps its round-1 nonces until round 2.
/// Both are secret: they stay with the guardian.
public enum GuardianKeyFile {
    /// The key file's text.
    public static func encode(_ secret: GuardianSecret) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(secret), as: UTF8.self)
    }

    /// Reads a key file.
    /// - Throws: `guardian` naming the file when it is not a key file.
    public static func decode(_ text: String, file: String) throws -> GuardianSecret {
        do {
            return try JSONDecoder().decode(GuardianSecret.self, from: Data(text.utf8))
        } catch {
            throw ReferendumError.guardian(id: file, reason: "not a guardian key file: \(error)")
        }
    }

    /// The nonces kept between the rounds, bound to the guardian and election.
    public struct Nonces: Codable, Sendable {
        public let guardianId: String
        public let extendedBaseHash: UInt256
        public let nonces: [ElementModQ]
        /// The decryption's try they were made for; never used for another (nil: try 0).
        public let attempt: Int?

        public init(guardianId: String, extendedBaseHash: UInt256, nonces: [ElementModQ], attempt: Int) {
            self.guardianId = guardianId
            self.extendedBaseHash = extendedBaseHash
            self.nonces = nonces
            self.attempt = attempt
        }
    }
}
