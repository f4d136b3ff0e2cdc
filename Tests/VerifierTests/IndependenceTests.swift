import Foundation
import Testing

/// The verifier recomputes the spec's equations itself (Sources/Verifier/Steps/Equations): it may use
/// ElectionGuard's primitives (H, group arithmetic, element decoding, docs/verifier.md "What the
/// verifier trusts") but none of the producer's composites, whose wrong equation would otherwise pass
/// on both sides. This reads every source file of the verifier and looks for their names.
@Suite("the verifier uses no producer-side composite")
struct IndependenceTests {
    /// Every producer-side composite the verifier must not use, with what replaces it. The one list of them.
    static let forbidden: [(name: String, instead: String)] = [
        ("ElectionHashes", "ParameterHashes, GuardianKeyEquations.extendedBaseHash"),
        ("ProtocolDialect", "SpecVersion"),
        ("BallotHashes", "ConfirmationCodeEquations, NonceOpeningEquations, PreEncryptionEquations"),
        ("BallotChain", "ConfirmationCodeEquations.chainHead, chainedBaux, closingHash"),
        ("SchnorrProof", "GuardianKeyEquations.schnorrHolds"),
        ("DecryptionProof", "DecryptionEquations"),
        ("DecryptionTarget", "DecryptionEquations"),
        ("BallotEncryptor", "ChallengedBallotVerification.openWithNonce"),
        ("PreEncryptor", "PreEncryptedBallotVerification"),
        ("RecordedPreEncryptedBallot", "PreEncryptedBallotVerification"),
        ("NonceSequence", "no proof is regenerated"),
        ("ThresholdDecryption", "DecryptionEquations"),
        ("DecryptingGuardian", "DecryptionEquations"),
        ("ElGamalKeyPair", "nothing: the verifier holds no secret"),
        ("ContestData", "ContestDataMessage"),
        ("HashedElGamalKeys", "NonceOpeningEquations.openContestData"),
        ("manifestHash(parameterBaseHash:", "ParameterHashes.manifestHash"),
        ("decryptContestData", "NonceOpeningEquations.openContestData"),
        ("decryptToPower", "NonceOpeningEquations.vote"),
        (".jointPublicKey", "GuardianKeyEquations.jointKey"),
        ("isShare(", "nothing: shares are the guardians' business"),
        (".share", "DecryptionEquations computes M = B · T⁻¹"),
        (".encrypt(", "NonceOpeningEquations"),
        (".prove(", "nothing: the verifier proves nothing"),
        ("ElGamalCiphertext.sum", "AggregationEquations.product"),
        (".sum(", "AggregationEquations.product"),
    ]

    /// Files allowed a composite until they are rewritten: none left (the range proofs' equations and
    /// the contest total are the verifier's own, in Running/ContestProofs.swift).
    static let pending: [String: Set<String>] = [:]

    /// Calls of a proof's own `verify` and of a contest's producer-side `total` are composites too; they
    /// are listed here because they name a method, not a type.
    static let forbiddenCalls = [".verify(ciphertext:", ".verify(guardian:", ".verify(hashes:", ".verify(.ciphertext", ".verify(.contestData", "contest.total"]

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Verifier")

    /// Each Swift file under Sources/Verifier (path relative to it) with its code: comments removed,
    /// so that a doc comment may name what it replaces.
    static func files() throws -> [(path: String, code: String)] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        return try enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { path in
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            let code = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line)
            }.joined(separator: "\n")
            return (path, code)
        }
    }

    /// Whether `name` occurs in `code` as a name of its own (not inside a longer identifier).
    static func uses(_ code: String, _ name: String) -> Bool {
        let identifier = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_"))
        var start = code.startIndex
        while let found = code.range(of: name, range: start..<code.endIndex) {
            let before = found.lowerBound == code.startIndex ? nil : code[code.index(before: found.lowerBound)]
            let after = found.upperBound == code.endIndex ? nil : code[found.upperBound]
            let boundedBefore = name.first.map { !$0.isLetter } ?? true
                || before.map { !$0.unicodeScalars.allSatisfy(identifier.contains) } ?? true
            let boundedAfter = name.last.map { !($0.isLetter || $0.isNumber) } ?? true
                || after.map { !$0.unicodeScalars.allSatisfy(identifier.contains) } ?? true
            if boundedBefore && boundedAfter { return true }
            start = found.upperBound
        }
        return false
    }

    @Test("no file of Sources/Verifier names a forbidden composite")
    func noComposites() throws {
        let files = try Self.files()
        #expect(files.count > 40, "found the verifier's sources at \(Self.sources.path)")
        var found = [String]()
        for (path, code) in files {
            let allowed = Self.pending[path] ?? []
            for (name, instead) in Self.forbidden where Self.uses(code, name) {
                found.append("\(path) uses \(name); use \(instead)")
            }
            for call in Self.forbiddenCalls where !allowed.contains(call) && Self.uses(code, call) {
                found.append("\(path) calls \(call), a producer-side check")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test("the scan finds a composite where there is one, and not inside a longer name")
    func scanFindsNames() {
        #expect(Self.uses("let x = ElectionHashes.baseHash(h)", "ElectionHashes"))
        #expect(Self.uses("proof.verify(ciphertext: c, limit: 1)", ".verify(ciphertext:"))
        #expect(Self.uses("var s = BallotChain(initialBaux: b)", "BallotChain"))
        #expect(!Self.uses("enum BallotChainVerification {}", "BallotChain"))
        #expect(!Self.uses("let data: BallotChainRecord", "BallotChain"))
        #expect(!Self.uses("struct ContestDataMessage {}", "ContestData"))
        #expect(!Self.uses("contest.contestData.c0", "ContestData"))
        #expect(!Self.uses("let totals = contest.totals", "contest.total"))
        #expect(Self.uses("let t = contest.total", "contest.total"))
        #expect(Self.uses("manifest.manifestHash(parameterBaseHash: h)", "manifestHash(parameterBaseHash:"))
        #expect(!Self.uses("ParameterHashes.manifestHash(bytes, parameterBaseHash: h)", "manifestHash(parameterBaseHash:"))
    }
}
