import ElectionGuard
import ElectionRecord

/// Verification 1: the group parameters are the standard ones, and H_P, H_M, H_B recompute
/// (docs/verification-steps.md, Verification 1; the equations in `ParameterHashes`).
enum ParameterVerification {
    static func run(_ context: inout VerificationContext, _ ledger: inout CheckLedger) {
        let record = context.record
        let constantsFile = RecordLayout.constants
        do {
            let constants = try record.constants()
            let standard = ElectionConstants.standard
            let field = RecordField(file: constantsFile)
            func compare(_ id: CheckID, _ name: String, _ value: [UInt8], _ expected: [UInt8], _ what: String) {
                ledger.check(id, value == expected, CheckFailure(file: constantsFile, field: field[name].path,
                                                                 message: "\(id.rawValue) \(what) is not the standard one"))
            }
            compare(.v1B, "large_prime", constants.largePrime, standard.largePrime, "p")
            compare(.v1C, "small_prime", constants.smallPrime, standard.smallPrime, "q")
            compare(.v1D, "cofactor", constants.cofactor, standard.cofactor, "r")
            compare(.v1E, "generator", constants.generator, standard.generator, "g")
        } catch {
            for id in [CheckID.v1B, .v1C, .v1D, .v1E] { ledger.fail(id, error.failure(id)) }
        }

        do {
            context.manifest = try record.manifest()
        } catch {
            context.manifestProblem = error.failure(.v1G)
        }
        do {
            context.config = try record.config()
        } catch {
            context.configProblem = error.failure(.v1A)
        }
        guard let config = context.config else {
            ledger.cannotCheck([.v1A, .v1F, .v1G, .v1H], because: context.configProblem!)
            return
        }
        let file = RecordLayout.config
        ledger.check(.v1A, config.configVersion == context.version.version, CheckFailure(
            file: file, field: "config_version",
            message: "1.A config_version is \"\(config.configVersion)\", not \"\(context.version.version)\""))
        let parameterBaseHash = context.parameterBaseHash
        ledger.check(.v1F, config.parameterBaseHash == parameterBaseHash, CheckFailure(
            file: file, field: "parameter_base_hash",
            message: "1.F parameter base hash does not match H(version; 0x00, p, q, g) = \(parameterBaseHash.hex)"))
        guard let manifest = context.manifest else {
            ledger.cannotCheck([.v1G, .v1H], because: context.manifestProblem!)
            return
        }
        let manifestHash = ParameterHashes.manifestHash(manifest.bytes, parameterBaseHash: parameterBaseHash)
        ledger.check(.v1G, config.manifestHash == manifestHash, CheckFailure(
            file: file, field: "manifest_hash",
            message: "1.G manifest hash does not match H(H_P; 0x01, b4(length), manifest.json) = \(manifestHash.hex)"))
        let baseHash = ParameterHashes.baseHash(parameterBaseHash: parameterBaseHash, manifestHash: manifestHash,
                                                guardians: config.numberOfGuardians, quorum: config.quorum)
        ledger.check(.v1H, config.electionBaseHash == baseHash, CheckFailure(
            file: file, field: "election_base_hash",
            message: "1.H election base hash does not match H(H_P; 0x02, H_M, n, k) = \(baseHash.hex)"))
    }
}
