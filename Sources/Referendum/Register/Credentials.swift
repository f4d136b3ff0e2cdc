import ElectionGuard

/// Credential codes and the keys derived from them.
///
/// A code carries 120 random bits, so an HMAC under a per-referendum secret salt is enough to store
/// it: there is no dictionary to try, and the salt keeps a leaked table from being checked offline
/// against guessed codes. The same construction under a second secret gives each voter's pseudonym.
public struct Credentials: Sendable, Hashable, Codable {
    /// The secret salt of credential keys.
    let salt: [UInt8]
    /// The secret key of pseudonyms.
    let pseudonymKey: [UInt8]

    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    public init(salt: [UInt8], pseudonymKey: [UInt8]) {
        self.salt = salt
        self.pseudonymKey = pseudonymKey
    }

    /// New random secrets.
    public static func generate<R: RandomNumberGenerator>(using generator: inout R) -> Credentials {
        Credentials(salt: randomBytes(32, using: &generator), pseudonymKey: randomBytes(32, using: &generator))
    }

    /// A new random code, XXXX-XXXX-XXXX-XXXX-XXXX-XXXX.
    public static func newCode<R: RandomNumberGenerator>(using generator: inout R) -> String {
        let characters = (0..<24).map { _ in alphabet[Int(generator.next() % 32)] }
        return stride(from: 0, to: 24, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// The code as typed, normalised: upper case, no separators or spaces, O read as 0 and I or L as 1.
    public static func normalize(_ code: String) -> String {
        String(code.uppercased().compactMap { character -> Character? in
            switch character {
            case "-", " ": nil
            case "O": "0"
            case "I", "L": "1"
            default: character
            }
        })
    }

    /// The stored key of `code`.
    public func key(of code: String) -> String {
        ElectionHash.hmac(key: salt, message: Array(Self.normalize(code).utf8)).hex
    }

    /// The public pseudonym of a voter.
    public func pseudonym(of voterId: String) -> String {
        ElectionHash.hmac(key: pseudonymKey, message: Array(voterId.utf8)).hex
    }

    static func randomBytes<R: RandomNumberGenerator>(_ count: Int, using generator: inout R) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }
}
