import ElectionGuard
import ElectionRecord

/// Verifications 2–4: every guardian's coefficient commitments and Schnorr proofs, the joint key
/// K = Π K_i and H_E = H(H_B; 0x12, K) (the equations in `GuardianKeyEquations`). Reads
/// `election_initialized.json` field by field, so that one bad number fails its own check and the rest
/// (and the ballots, which need K and H_E) still run.
enum GuardianVerification {
    static func run(_ context: inout VerificationContext, _ ledger: inout CheckLedger) {
        let file = RecordLayout.initialized
        let top = RecordField(file: file)
        let json: ElectionInitializedJSON
        do {
            json = try context.record.json(ElectionInitializedJSON.self, file)
        } catch {
            for id in [CheckID.v2A, .v2B, .v2C, .v2D, .v3A, .v3B, .v4A] { ledger.fail(id, error.failure(id)) }
            context.keyProblem = error.failure(.v3B)
            return
        }
        // The joint key and H_E first: the ballots need them even if a guardian's proof is bad.
        var jointKey: ElementModP?
        do {
            jointKey = try top["joint_public_key"].elementModP(json.joint_public_key)
        } catch {
            ledger.fail(.v3B, error.failure(.v3B))
            context.keyProblem = error.failure(.v3B)
        }
        do {
            context.extendedBaseHash = try top["extended_base_hash"].uint256(json.extended_base_hash)
        } catch {
            ledger.fail(.v4A, error.failure(.v4A))
            context.keyProblem = error.failure(.v4A)
        }
        if let jointKey { context.publicKey = PublicKeyCache.key(jointKey) }

        let guardianKeys = verifyGuardians(json, context, &ledger)
        if let jointKey {
            if let guardianKeys {
                let product = GuardianKeyEquations.jointKey(guardianKeys)
                ledger.check(.v3B, product == jointKey && jointKey != .one, CheckFailure(
                    file: file, field: "joint_public_key",
                    message: jointKey == .one ? "3.B the joint public key is 1" : "3.B joint public key is not the product of the guardians' keys"))
            }
            if let hash = context.extendedBaseHash {
                let baseHash = context.config?.electionBaseHash
                if let baseHash {
                    let expected = GuardianKeyEquations.extendedBaseHash(baseHash: baseHash, jointKey: jointKey)
                    ledger.check(.v4A, hash == expected, CheckFailure(
                        file: file, field: "extended_base_hash", message: "4.A extended base hash does not match H(H_B; 0x12, K) = \(expected.hex)"))
                } else {
                    ledger.cannotCheck([.v4A], because: context.configProblem!)
                }
            }
        } else if context.extendedBaseHash != nil {
            ledger.fail(.v4A, CheckFailure(file: file, field: "joint_public_key", message: "4.A cannot be checked without a valid joint public key"))
        }
    }

    /// Checks 2.A–2.D and 3.A; returns each guardian's key K_i when every one could be read.
    private static func verifyGuardians(_ json: ElectionInitializedJSON, _ context: VerificationContext,
                                        _ ledger: inout CheckLedger) -> [ElementModP]? {
        let file = RecordLayout.initialized
        let top = RecordField(file: file)
        var keys = [ElementModP]()
        var complete = true
        var coordinates = Set<Int>()
        let guardians = context.config?.numberOfGuardians, quorum = context.config?.quorum
        if let guardians {
            ledger.check(.v2D, json.guardians.count == guardians, CheckFailure(
                file: file, field: "guardians", message: "2.D \(json.guardians.count) guardians, election_config.json says n = \(guardians)"))
        } else {
            ledger.cannotCheck([.v2D], because: context.configProblem!)
        }
        for (index, guardian) in json.guardians.enumerated() {
            let at = top["guardians"][index]
            let i = guardian.x_coordinate
            let validCoordinate = i >= 1 && i <= (guardians ?? Int(UInt32.max)) && coordinates.insert(i).inserted
            ledger.check(.v2D, validCoordinate, CheckFailure(
                file: file, field: at["x_coordinate"].path, message: "2.D coordinate \(i) is not in 1...n or appears twice"))
            if let quorum {
                ledger.check(.v2D, guardian.coefficient_proofs.count == quorum, CheckFailure(
                    file: file, field: at["coefficient_proofs"].path,
                    message: "2.D guardian \(guardian.guardian_id) has \(guardian.coefficient_proofs.count) commitments, quorum is \(quorum)"))
            }
            for (j, proof) in guardian.coefficient_proofs.enumerated() {
                let pat = at["coefficient_proofs"][j]
                var commitment: ElementModP?, challenge: ElementModQ?, response: ElementModQ?
                do { commitment = try pat["public_key"].elementModP(proof.public_key); ledger.pass(.v2A) } catch { ledger.fail(.v2A, error.failure(.v2A)) }
                do { response = try pat["response"].elementModQ(proof.response); ledger.pass(.v2B) } catch { ledger.fail(.v2B, error.failure(.v2B)) }
                do { challenge = try pat["challenge"].elementModQ(proof.challenge) } catch { ledger.fail(.v2C, error.failure(.v2C)) }
                if j == 0 {
                    if let commitment {
                        ledger.check(.v3A, commitment != .one, CheckFailure(
                            file: file, field: pat["public_key"].path, message: "3.A guardian \(guardian.guardian_id)'s public key is 1"))
                        keys.append(commitment)
                    } else {
                        ledger.fail(.v3A, CheckFailure(file: file, field: pat["public_key"].path,
                                                       message: "3.A guardian \(guardian.guardian_id)'s public key is not in Z_p^r"))
                        complete = false
                    }
                }
                if let commitment, let challenge, let response {
                    let holds = GuardianKeyEquations.schnorrHolds(commitment: commitment, challenge: challenge, response: response,
                                                                  guardian: i, index: j, parameterBaseHash: context.parameterBaseHash)
                    ledger.check(.v2C, holds,
                                 CheckFailure(file: file, field: pat.path,
                                              message: "2.C Schnorr proof of guardian \(guardian.guardian_id), coefficient \(j) does not verify"))
                }
            }
            if guardian.coefficient_proofs.isEmpty {
                complete = false
                ledger.fail(.v3A, CheckFailure(file: file, field: at["coefficient_proofs"].path, message: "3.A guardian \(guardian.guardian_id) has no public key"))
            }
        }
        if json.guardians.isEmpty { ledger.fail(.v3A, CheckFailure(file: file, field: "guardians", message: "3.A no guardians")) }
        return complete && !keys.isEmpty ? keys : nil
    }
}
