import ElectionGuard

/// An election record on disk, in egk's layout (record-format.md §1), read one file at a time.
///
/// Every read validates what it returns (hex, widths, ranges, subgroup membership) and throws an
/// `ElectionRecordError` naming the file relative to `root` and the field. Nothing is cached, so the
/// value is cheap to copy and safe to share between tasks that read different files in parallel.
public struct ElectionRecordDirectory: Sendable {
    /// How far an election has got, as egk infers it from which files exist.
    public enum Stage: Int, Sendable, Comparable, CaseIterable {
        /// Only parameters, manifest and configuration.
        case configured
        /// The key ceremony is done.
        case initialized
        /// Ballots have been encrypted.
        case ballotsEncrypted
        /// The cast ballots have been added up.
        case tallied
        /// The tally has been decrypted.
        case decrypted

        /// Earlier stages first.
        public static func < (a: Stage, b: Stage) -> Bool { a.rawValue < b.rawValue }
    }

    /// The record's directory, without a trailing slash.
    public let root: String

    /// The record at `root`.
    /// - Throws: `missingFile` when there is no directory there.
    public init(root: String) throws(ElectionRecordError) {
        var root = root
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        guard FileSystem.kind(root) == .directory else { throw .missingFile(file: root) }
        self.root = root
    }

    /// True when `file` (relative to the root) exists.
    public func contains(_ file: String) -> Bool { FileSystem.kind(absolute(file)) != nil }

    /// The stage the files present show.
    public var stage: Stage {
        if contains(RecordLayout.tally) { return .decrypted }
        if contains(RecordLayout.encryptedTally) { return .tallied }
        if contains(RecordLayout.encryptedBallots) { return .ballotsEncrypted }
        if contains(RecordLayout.initialized) { return .initialized }
        return .configured
    }

    /// The exact bytes of `file`.
    /// - Throws: `missingFile` or `unreadable`.
    public func bytes(_ file: String) throws(ElectionRecordError) -> [UInt8] {
        do {
            return try FileSystem.read(absolute(file))
        } catch {
            switch error {
            case .missing: throw .missingFile(file: file)
            case .exists: throw .unreadable(file: file, reason: "file exists")
            case .other(let reason): throw .unreadable(file: file, reason: reason)
            }
        }
    }

    /// `file` decoded as one of the record's JSON types, without converting it to domain values.
    public func json<T: Decodable>(_ type: T.Type, _ file: String) throws(ElectionRecordError) -> T {
        try RecordJSON.decode(type, from: bytes(file), file: file)
    }

    /// `constants.json`.
    public func constants() throws(ElectionRecordError) -> ElectionConstants {
        try json(ElectionConstantsJSON.self, RecordLayout.constants).constants(at: RecordField(file: RecordLayout.constants))
    }

    /// `manifest.json`, with its exact bytes for H_M.
    public func manifest() throws(ElectionRecordError) -> ElectionManifest {
        try ElectionManifest(bytes: bytes(RecordLayout.manifest), file: RecordLayout.manifest)
    }

    /// `election_config.json`.
    public func config() throws(ElectionRecordError) -> ElectionConfig {
        try json(ElectionConfigJSON.self, RecordLayout.config).config(at: RecordField(file: RecordLayout.config))
    }

    /// `election_initialized.json`.
    public func initialized() throws(ElectionRecordError) -> ElectionInitialized {
        try json(ElectionInitializedJSON.self, RecordLayout.initialized).initialized(at: RecordField(file: RecordLayout.initialized))
    }

    /// `encrypted_tally.json`.
    public func encryptedTally() throws(ElectionRecordError) -> EncryptedTally {
        try json(EncryptedTallyJSON.self, RecordLayout.encryptedTally).tally(at: RecordField(file: RecordLayout.encryptedTally))
    }

    /// `tally.json`.
    public func tally() throws(ElectionRecordError) -> DecryptedTallyOrBallot {
        try json(DecryptedTallyOrBallotJSON.self, RecordLayout.tally).decrypted(at: RecordField(file: RecordLayout.tally))
    }

    /// The guardians' secret files in `private_data/trustees/`, sorted by coordinate; empty when absent.
    public func trustees() throws(ElectionRecordError) -> [DecryptingTrustee] {
        var trustees = [DecryptingTrustee]()
        for file in files(in: RecordLayout.trustees, prefix: RecordLayout.trusteePrefix).sorted() {
            trustees.append(try json(DecryptingTrusteeJSON.self, file).trustee(at: RecordField(file: file)))
        }
        return trustees.sorted { $0.xCoordinate < $1.xCoordinate }
    }

    /// The plaintext input ballots in `private_data/input/`, by file name; empty when absent.
    public func plaintextBallots() throws(ElectionRecordError) -> [PlaintextBallotJSON] {
        var ballots = [PlaintextBallotJSON]()
        for file in files(in: RecordLayout.plaintextBallots, prefix: RecordLayout.plaintextBallotPrefix).sorted() {
            ballots.append(try json(PlaintextBallotJSON.self, file))
        }
        return ballots
    }

    func absolute(_ file: String) -> String { file.isEmpty ? root : root + "/" + file }

    /// Relative paths of the `<prefix>*.json` files in `directory`, lazily.
    func files(in directory: String, prefix: String) -> some Sequence<String> {
        DirectoryListing(path: absolute(directory)).lazy
            .filter { RecordLayout.id(in: $0, prefix: prefix) != nil }
            .map { directory + "/" + $0 }
    }
}
