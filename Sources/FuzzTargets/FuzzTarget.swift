import ElectionRecord
import Forensics
import Foundation
import Referendum

/// One decoder under libFuzzer: every input must either decode or throw; a trap, a sanitizer report
/// or a hang is a bug. Each case runs exactly what a reader of that file runs, from the bytes on.
/// The libFuzzer executables (Fuzz/, built apart with -sanitize=fuzzer) and `swift test`'s replay of
/// Tests/FuzzCorpus (FuzzCorpusTests) run the same cases.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case json, constants, manifest, config, initialized, ballot, encryptedTally, tally, ballotChain, trustee
    case referendumFiles, definition, register, auditCsv, auditProfile, ceremony, paper, stationUpload

    /// Runs one input; libFuzzer ignores the result but requires 0.
    public func run(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
        let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
        run(bytes)
        return 0
    }

    /// Decodes `bytes` as this target's input, discarding the result or the error.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .json: _ = try? RecordJSON.decode(AnyJSON.self, from: bytes, file: "fuzz.json")
        case .constants: Self.record(bytes, ElectionConstantsJSON.self) { try $0.constants(at: $1) }
        case .manifest: _ = try? ElectionManifest(bytes: bytes)
        case .config: Self.record(bytes, ElectionConfigJSON.self) { try $0.config(at: $1) }
        case .initialized: Self.record(bytes, ElectionInitializedJSON.self) { try $0.initialized(at: $1) }
        case .ballot: Self.record(bytes, EncryptedBallotJSON.self) { try $0.recordedBallot(at: $1) }
        case .encryptedTally: Self.record(bytes, EncryptedTallyJSON.self) { try $0.tally(at: $1) }
        case .tally: Self.record(bytes, DecryptedTallyOrBallotJSON.self) { try $0.decrypted(at: $1) }
        case .ballotChain: Self.record(bytes, BallotChainJSON.self) { try $0.chain(at: $1) }
        case .trustee: Self.record(bytes, DecryptingTrusteeJSON.self) { try $0.trustee(at: $1) }
        case .referendumFiles: ReferendumFiles.run(bytes)
        case .definition: _ = try? ReferendumDefinition.parse(Self.text(bytes))
        case .register: _ = try? RegisterImport.parse(Self.text(bytes), file: "voters.csv", definition: Seeds.definition)
        case .auditCsv: AuditInputs.csv(bytes)
        case .auditProfile: _ = try? ColumnProfile.decode(yaml: Self.text(bytes))
        case .ceremony: CeremonyInputs.run(bytes)
        case .paper: PaperInputs.run(bytes)
        case .stationUpload: StationInputs.run(bytes)
        }
    }

    /// The libFuzzer executable's name for this target, `fuzz-<kebab-case>`.
    public var executable: String {
        "fuzz-" + rawValue.reduce(into: "") { name, character in
            if character.isUppercase { name += "-" + character.lowercased() } else { name.append(character) }
        }
    }

    /// Parses a record file and converts it to domain values, the subgroup checks deferred: they are one
    /// 4096-bit exponentiation each (about 1 ms), which would slow the fuzzer a thousandfold, and they
    /// run on numbers already checked for hex, width and range, which is what hostile bytes can reach.
    static func record<J: Decodable, V>(_ bytes: [UInt8], _ type: J.Type, convert: (J, RecordField) throws -> V) {
        let collector = DeferredSubgroupChecks()
        let field = RecordField(file: "fuzz.json", subgroupCheck: .deferred(collector))
        guard let json = try? RecordJSON.decode(type, from: bytes, file: "fuzz.json") else { return }
        _ = try? convert(json, field)
        _ = collector.drain()
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
