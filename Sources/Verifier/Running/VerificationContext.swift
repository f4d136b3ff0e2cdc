import ElectionGuard
import ElectionRecord
import Foundation

/// What the record-level files established, for the checks after them. A value is nil when its file
/// could not be read; `missing` then says which, for the checks that cannot be made without it.
struct VerificationContext: Sendable {
    let record: ElectionRecordDirectory
    /// The encodings of the records we read: egk's 2.0.0.
    let version = SpecVersion.v2_0_0
    var manifest: ElectionManifest?
    var config: ElectionConfig?
    /// H_P as recomputed from the standard parameters.
    var parameterBaseHash = ParameterHashes.parameterBaseHash(.v2_0_0)
    /// K from `election_initialized.json`, with its table.
    var publicKey: ElGamalPublicKey?
    /// H_E from `election_initialized.json`.
    var extendedBaseHash: UInt256?
    /// Why the manifest, the configuration or the key is missing.
    var manifestProblem: CheckFailure?
    var configProblem: CheckFailure?
    var keyProblem: CheckFailure?

    init(record: ElectionRecordDirectory) {
        self.record = record
    }

    /// The election's key, hash and manifest, or the failure that says why they are missing.
    func election() -> Result<Election, CheckFailureError> {
        guard let publicKey, let extendedBaseHash else {
            return .failure(CheckFailureError(keyProblem ?? CheckFailure(file: RecordLayout.initialized, message: "no joint key")))
        }
        guard let manifest else {
            return .failure(CheckFailureError(manifestProblem ?? CheckFailure(file: RecordLayout.manifest, message: "no manifest")))
        }
        return .success(Election(manifest: manifest, publicKey: publicKey, extendedBaseHash: extendedBaseHash,
                                 chaining: config?.chainConfirmationCodes, baux0: config?.baux0, dialect: version))
    }
}

/// The values every ballot-level check needs.
struct Election: Sendable {
    let manifest: ElectionManifest
    let publicKey: ElGamalPublicKey
    let extendedBaseHash: UInt256
    /// nil when `election_config.json` could not be read.
    let chaining: Bool?
    let baux0: [UInt8]?
    /// The encodings of the record (the verifier's own statement of them, not the producer's dialect).
    let dialect: SpecVersion
}

/// A `CheckFailure` as an error, for `Result`.
struct CheckFailureError: Error {
    let failure: CheckFailure
    init(_ failure: CheckFailure) { self.failure = failure }

    /// The failure re-stated for a check that cannot be made without the missing input.
    func blocking(_ id: CheckID) -> CheckFailure {
        CheckFailure(file: failure.file, field: failure.field, message: "\(id.rawValue) cannot be checked: \(failure.message)")
    }
}

extension ElectionRecordError {
    /// The error as a failure of check `id`, naming its file and field.
    func failure(_ id: CheckID) -> CheckFailure {
        CheckFailure(file: file, field: field ?? "", message: "\(id.rawValue) \(Self.strip(description, file: file))")
    }

    /// The description without its leading "file: " (the failure names the file separately).
    static func strip(_ text: String, file: String) -> String {
        text.hasPrefix(file + ": ") ? String(text.dropFirst(file.count + 2)) : text
    }
}

/// Joint public keys with their fixed-base tables, built once per key and process (half a second each).
enum PublicKeyCache {
    private static let lock = NSLock()
    // Only touched under `lock`.
    nonisolated(unsafe) private static var keys = [ElementModP: ElGamalPublicKey]()

    static func key(_ element: ElementModP) -> ElGamalPublicKey {
        lock.withLock {
            if let key = keys[element] { return key }
            if keys.count >= 4 { keys.removeAll() }
            let key = ElGamalPublicKey(element)
            keys[element] = key
            return key
        }
    }
}
