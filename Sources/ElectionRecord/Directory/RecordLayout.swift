/// Where each file of an egk 2.0 record lives, relative to the record's root (record-format.md §1).
///
/// Ids become part of file names as egk makes them: spaces replaced by `_`, nothing else escaped. An id
/// that cannot be a file name (empty, `.`, `..`, holding `/` or NUL, too long) is rejected rather than
/// mangled, since egk's reader would not find the file.
public enum RecordLayout {
    /// The group parameters.
    public static let constants = "constants.json"
    /// The manifest, hashed as stored.
    public static let manifest = "manifest.json"
    /// The key ceremony's input.
    public static let config = "election_config.json"
    /// The key ceremony's output.
    public static let initialized = "election_initialized.json"
    /// One directory per encrypting device.
    public static let encryptedBallots = "encrypted_ballots"
    /// A device's chain of confirmation codes, inside its directory.
    public static let ballotChain = "ballot_chain.json"
    /// The sum of the cast ballots.
    public static let encryptedTally = "encrypted_tally.json"
    /// The decrypted tally.
    public static let tally = "tally.json"
    /// Decrypted challenged ballots, `dballot-<ballot_id>.json`.
    public static let challengedBallots = "challenged_ballots"
    /// Never published: plaintext ballots and guardians' secrets.
    public static let privateData = "private_data"
    /// Plaintext input ballots, `pballot-<ballot_id>.json` (private).
    public static let plaintextBallots = "private_data/input"
    /// Guardians' secrets, `decryptingTrustee-<guardian_id>.json` (private).
    public static let trustees = "private_data/trustees"

    static let encryptedBallotPrefix = "eballot-"
    static let challengedBallotPrefix = "dballot-"
    static let plaintextBallotPrefix = "pballot-"
    static let trusteePrefix = "decryptingTrustee-"
    static let jsonSuffix = ".json"

    /// `encrypted_ballots/<device>`.
    public static func deviceDirectory(_ device: String) throws(ElectionRecordError) -> String {
        "\(encryptedBallots)/\(try component(device))"
    }

    /// `encrypted_ballots/<device>/eballot-<ballot_id>.json`.
    public static func encryptedBallot(device: String, ballotId: String) throws(ElectionRecordError) -> String {
        "\(try deviceDirectory(device))/\(try fileName(encryptedBallotPrefix, ballotId))"
    }

    /// `encrypted_ballots/<device>/ballot_chain.json`.
    public static func ballotChain(device: String) throws(ElectionRecordError) -> String {
        "\(try deviceDirectory(device))/\(ballotChain)"
    }

    /// `challenged_ballots/dballot-<ballot_id>.json`.
    public static func challengedBallot(_ ballotId: String) throws(ElectionRecordError) -> String {
        "\(challengedBallots)/\(try fileName(challengedBallotPrefix, ballotId))"
    }

    /// `private_data/input/pballot-<ballot_id>.json`.
    public static func plaintextBallot(_ ballotId: String) throws(ElectionRecordError) -> String {
        "\(plaintextBallots)/\(try fileName(plaintextBallotPrefix, ballotId))"
    }

    /// `private_data/trustees/decryptingTrustee-<guardian_id>.json`.
    public static func trustee(_ guardianId: String) throws(ElectionRecordError) -> String {
        "\(trustees)/\(try fileName(trusteePrefix, guardianId))"
    }

    /// `id` as egk puts it in a file name: spaces become `_`.
    /// - Throws: `invalidName` for an id that cannot be a file name.
    public static func component(_ id: String) throws(ElectionRecordError) -> String {
        let name = String(id.map { $0 == " " ? "_" : $0 })
        guard !name.isEmpty else { throw .invalidName(name: id, reason: "it is empty") }
        guard name != ".", name != ".." else { throw .invalidName(name: id, reason: "it is a directory reference") }
        guard !name.contains("/") else { throw .invalidName(name: id, reason: "it contains '/'") }
        guard !name.contains("\u{0}") else { throw .invalidName(name: id, reason: "it contains a NUL character") }
        guard name.utf8.count <= 200 else { throw .invalidName(name: id, reason: "it is longer than 200 bytes") }
        return name
    }

    static func fileName(_ prefix: String, _ id: String) throws(ElectionRecordError) -> String {
        "\(prefix)\(try component(id))\(jsonSuffix)"
    }

    /// The id part of `name` if it is `<prefix><id>.json`.
    static func id(in name: String, prefix: String) -> String? {
        guard name.hasPrefix(prefix), name.hasSuffix(jsonSuffix), name.count > prefix.count + jsonSuffix.count else { return nil }
        return String(name.dropFirst(prefix.count).dropLast(jsonSuffix.count))
    }
}
