import Foundation

/// What one shard's verification hands to the combine step (`plebiscite verify --shard i/n --out FILE`):
/// the checks of its ballots and what the checks across ballots need of them. JSON, versioned; see
/// docs/verifier.md, "Many machines".
///
/// It carries the identity of the record it was made from (H_E and a digest of the list of ballot
/// files), so that parts of another record, or of the same record after ballots were added, are refused.
/// Ciphertexts are upper-case hex of their 512-byte elements, as the record writes them.
public struct ShardPart: Sendable, Codable {
    /// The format's version; a part of another version is refused.
    public static let currentVersion = 1

    /// Which record a part belongs to.
    public struct RecordIdentity: Sendable, Hashable, Codable {
        /// H_E from `election_initialized.json` (hex), nil when it could not be read.
        public let extendedBaseHash: String?
        /// Ballot files in the record, all shards together.
        public let ballotFiles: Int
        /// HMAC-SHA-256 (hex) of the list of ballot files, in the verifier's order, with their chain positions.
        public let listingDigest: String
        /// HMAC-SHA-256 (hex) of what a ballot's checks read besides its file: the manifest, configuration
        /// and initialization files, and each counted ballot's station count (from `referendum/`).
        public let inputsDigest: String
    }

    /// Figures about the shard's run.
    public struct Statistics: Sendable, Hashable, Codable {
        /// Ballot files this shard verified.
        public var ballots: Int
        /// Wall-clock seconds of its ballot pass.
        public var seconds: Double
        /// Processor seconds (all threads) of its ballot pass.
        public var cpuSeconds: Double
        /// Its concurrent workers.
        public var jobs: Int
        /// True when subgroup checks were batched.
        public var batched: Bool
        /// Batches of subgroup checks.
        public var subgroupBatches: Int
        /// Batches that failed and were re-checked one by one.
        public var subgroupBatchesFailed: Int
    }

    /// A check's counts over this shard's ballots.
    struct LedgerEntry: Codable {
        struct First: Codable {
            /// The ballot's place in the whole record (`BallotWork.ordinal`).
            let ordinal: Int
            let failure: CheckFailure
        }
        let id: CheckID
        let checked: Int
        let failed: Int
        let first: First?
        let skipped: String?
        let notes: [String]
    }

    /// One ballot as the checks across ballots need it (`BallotSummary`); hex for codes.
    struct Summary: Codable {
        let ordinal: Int
        /// The file's path, checked against the combine step's own listing.
        let file: String
        let ballotId: String?
        let state: String?
        let confirmationCode: String?
        /// "" for an empty B_aux, null when unreadable.
        let codeBaux: String?
        let contestIds: [String]
        let timestamp: Int?
        let decoded: Bool
    }

    /// The product of the CAST ballots' ciphertexts under one key, and how many there were.
    struct Product: Codable {
        /// [contest, selection] for the aggregate, [group, contest, selection] for a station's count.
        let key: [String]
        let count: Int
        let pad: String
        let data: String
    }

    /// The format's version, `currentVersion` when written by this verifier.
    public let version: Int
    /// Which shard this is.
    public let shard: Shard
    /// The record it was made from.
    public let record: RecordIdentity
    /// Figures about the shard's run.
    public let statistics: Statistics
    let ledger: [LedgerEntry]
    let summaries: [Summary]
    /// Per contest and selection.
    let aggregate: [Product]
    /// Per referendum group (a station's count of a region), contest and selection.
    let groups: [Product]
    let castContests: [String]
    /// Ordinals of the SPOILED ballots without a nonce; the combine step reads them again for 12.C.
    let spoiled: [Int]
    /// Where the part was read from (or "shard i/n" when made in this process), for error messages.
    public var source = ""

    private enum CodingKeys: String, CodingKey {
        case version, shard, record, statistics, ledger, summaries, aggregate, groups, castContests, spoiled
    }

    /// Reads the part in the file at `path`.
    /// - Throws: `VerifierError.unreadablePart`, naming the file and the field, for a file that is
    ///   missing, not JSON, not this format or of another version.
    public static func read(from path: String) throws(VerifierError) -> ShardPart {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadablePart(file: path, field: "", message: "cannot read the file")
        }
        return try decode(data, source: path)
    }

    /// The part in `data`, as JSON; `source` names it in errors.
    public static func decode(_ data: Data, source: String) throws(VerifierError) -> ShardPart {
        struct Version: Decodable { let version: Int }
        do {
            let version = try JSONDecoder().decode(Version.self, from: data).version
            guard version == currentVersion else {
                throw VerifierError.unreadablePart(file: source, field: "version",
                                                   message: "version \(version), this verifier reads version \(currentVersion)")
            }
            var part = try JSONDecoder().decode(ShardPart.self, from: data)
            part.source = source
            return part
        } catch let error as VerifierError {
            throw error
        } catch let error as DecodingError {
            throw error.partError(source)
        } catch {
            throw .unreadablePart(file: source, field: "", message: "\(error)")
        }
    }

    /// The files `path` names: itself, or when it is a directory the `.json` files in it, sorted.
    static func files(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { path + "/" + $0 }
    }

    /// The checks that failed on this shard's ballots so far (the combine step has the verdict).
    public var failedChecks: [CheckID] { ledger.filter { $0.failed > 0 }.map(\.id) }

    /// The part as JSON (sorted keys, so equal parts are equal files).
    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every field is a string, a number, a Bool or an array or struct of them: encoding cannot fail.
        return try! encoder.encode(self)
    }

    /// Writes the part to `path`.
    /// - Throws: `VerifierError.cannotWritePart`.
    public func write(to path: String) throws(VerifierError) {
        do {
            try jsonData().write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .cannotWritePart(path)
        }
    }
}

extension DecodingError {
    /// The error as `unreadablePart`, naming the field by its coding path ("summaries[3].ordinal").
    func partError(_ file: String) -> VerifierError {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let message = context.codingPath.isEmpty ? "not JSON, or not a part: \(context.debugDescription)" : context.debugDescription
            return .unreadablePart(file: file, field: path(context.codingPath), message: message)
        case .keyNotFound(let key, let context):
            return .unreadablePart(file: file, field: path(context.codingPath + [key]), message: "missing")
        @unknown default:
            return .unreadablePart(file: file, field: "", message: "\(self)")
        }
    }
}
