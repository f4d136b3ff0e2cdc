// The JSON shapes of egk's 2.0 test vectors (docs/electionguard-2.0-encodings.md §12). Key names mix
// snake_case and camelCase by file, so every type spells its keys out.

struct HexCiphertext: Decodable { let pad: String; let data: String }

struct HexHashedCiphertext: Decodable { let c0: String; let c1: String; let c2: String; let numBytes: Int }

struct HexProof: Decodable { let challenge: String; let response: String }

struct HexRangeProof: Decodable { let proofs: [HexProof] }

struct PlaintextBallotJSON: Decodable {
    struct Contest: Decodable {
        let contest_id: String
        let sequence_order: Int
        let votes_allowed: Int
        let selections: [Selection]
    }
    struct Selection: Decodable { let selection_id: String; let sequence_order: Int; let vote: Int }
    let ballot_id: String
    let ballot_style: String
    let contests: [Contest]
}

struct EncryptedBallotJSON: Decodable {
    struct Contest: Decodable {
        let contest_id: String
        let sequence_order: Int
        let votes_allowed: Int
        let contest_hash: String
        let selections: [Selection]
        let proof: HexRangeProof
        let encrypted_contest_data: HexHashedCiphertext
        /// Present (non-null) on a recorded pre-encrypted ballot.
        let pre_encryption: PreEncryptionJSON?
    }
    struct Selection: Decodable {
        let selection_id: String
        let sequence_order: Int
        let encrypted_vote: HexCiphertext
        let proof: HexRangeProof
    }
    let ballot_id: String
    let ballot_style_id: String
    let encrypting_device: String
    let timestamp: Int
    let code_baux: String
    let confirmation_code: String
    let contests: [Contest]
    let state: String
    let is_preencrypt: Bool?
}

struct PreEncryptionJSON: Decodable {
    struct SelectedVector: Decodable { let selection_hash: String; let short_code: String; let encryptions: [HexCiphertext] }
    let preencryption_hash: String
    let all_selection_hashes: [String]
    let selected_vectors: [SelectedVector]
}

/// The part of egk's manifest that encryption needs.
struct ManifestJSON: Decodable {
    struct Contest: Decodable {
        let object_id: String
        let sequence_order: Int
        let votes_allowed: Int
        let ballot_selections: [Selection]
    }
    struct Selection: Decodable { let object_id: String; let sequence_order: Int }
    let contests: [Contest]
}

struct TrusteeJSON: Decodable {
    let id: String
    let xCoordinate: Int
    let polynomial_coefficients: [String]
    let keyShare: String
}

struct EncryptedTallyJSON: Decodable {
    struct Contest: Decodable { let contest_id: String; let sequence_order: Int; let selections: [Selection] }
    struct Selection: Decodable { let selection_id: String; let sequence_order: Int; let encrypted_vote: HexCiphertext }
    let tally_id: String
    let contests: [Contest]
    let cast_ballot_ids: [String]
}

struct ParametersVector: Decodable {
    struct ParameterBaseHash: Decodable {
        struct Primes: Decodable { let large_prime: String; let small_prime: String; let generator: String }
        let protocolVersion: String
        let primes: Primes
        let expected: String
    }
    struct ElectionBaseHash: Decodable {
        let parameterBaseHash: String
        let numberOfGuardians: Int
        let quorum: Int
        let date: String
        let jurisdiction_info: String
        let manifest_hash: String
        let expected: String
    }
    let parameter_base_hash: ParameterBaseHash
    let election_base_hash: ElectionBaseHash
}

struct KeyCeremonyVector: Decodable {
    struct Guardian: Decodable {
        struct Proof: Decodable { let public_key: String; let challenge: String; let response: String }
        let name: String
        let coordinate: Int
        let polynomial_coefficients: [String]
        let proof_nonces: [String]
        let expected_proofs: [Proof]
    }
    let guardians: [Guardian]
    let election_base_hash: String
    let expected_joint_public_key: String
    let expected_extended_base_hash: String
}

struct ShareEncryptionVector: Decodable {
    struct Guardian: Decodable { let name: String; let coordinate: Int; let polynomial_coefficients: [String] }
    struct GuardianShares: Decodable {
        struct Share: Decodable {
            let ownerXcoord: Int
            let polynomialOwner: String
            let secretShareFor: String
            let yCoordinate: String
            let encryptedCoordinate: HexHashedCiphertext
        }
        let name: String
        let share_nonces: [String: String]
        let expected_shares: [Share]
        let expected_my_share_of_secret: String
    }
    let guardians: [Guardian]
    let expected_guardian_shares: [GuardianShares]
}

struct BallotEncryptionVector: Decodable {
    struct ProofEntry: Decodable { let u_nonce: String; let c_nonce: String; let expected_challenge: String; let expected_response: String }
    struct Proof: Decodable { let proofs: [ProofEntry] }
    struct Selection: Decodable {
        let selectionId: String
        let sequenceOrder: Int
        let expected_selection_nonce: String
        let expected_encrypted_vote: HexCiphertext
        let expected_proof: Proof
    }
    struct Contest: Decodable { let contestId: String; let sequenceOrder: Int; let expected_proof: Proof; let selections: [Selection] }
    struct Ballot: Decodable { let ballotId: String; let ballotNonce: String; let contests: [Contest] }
    let joint_public_key: String
    let extended_base_hash: String
    let ballots: [PlaintextBallotJSON]
    let expected_encrypted_ballots: [Ballot]
}

struct ConfirmationCodeVector: Decodable {
    struct Contest: Decodable { let contestId: String; let expected_contestHash: String }
    struct Ballot: Decodable {
        let ballotId: String
        let ballotNonce: String
        let codeBaux: String
        let expected_confirmationCode: String
        let contests: [Contest]
    }
    let joint_public_key: String
    let extended_base_hash: String
    let configBaux0: [Int]?
    let ballots: [PlaintextBallotJSON]
    let expected_encrypted_ballots: [Ballot]
}

struct BallotAggregationVector: Decodable {
    struct Ballot: Decodable {
        struct Contest: Decodable { let contestId: String; let sequenceOrder: Int; let selections: [Selection] }
        struct Selection: Decodable { let selectionId: String; let sequenceOrder: Int; let encrypted_vote: HexCiphertext }
        let ballotId: String
        let contests: [Contest]
    }
    let joint_public_key: String
    let extended_base_hash: String
    let encrypted_ballots: [Ballot]
    let expected_encrypted_tally: EncryptedTallyJSON
}

struct TallyDecryptionVector: Decodable {
    struct Expected: Decodable {
        struct Contest: Decodable { let contestId: String; let selections: [Selection] }
        struct Selection: Decodable { let selectionId: String; let expected_decrypted_vote: Int }
        let contests: [Contest]
    }
    let joint_public_key: String
    let extended_base_hash: String
    let trustees: [TrusteeJSON]
    let encrypted_tally: EncryptedTallyJSON
    let expected_decrypted_tally: Expected
}

struct DecryptWithNonceVector: Decodable {
    struct Expected: Decodable {
        struct Contest: Decodable {
            let contest_id: String
            let sequence_order: Int
            let selections: [PlaintextBallotJSON.Selection]
            let write_ins: [String]
        }
        let ballot_id: String
        let contests: [Contest]
    }
    let joint_public_key: String
    let extended_base_hash: String
    let primary_nonce: String
    let encrypted_ballot: EncryptedBallotJSON
    let expected_decrypted_ballot: Expected
}

struct DecryptBallotVector: Decodable {
    struct Expected: Decodable {
        struct Contest: Decodable {
            let contest_id: String
            let selections: [Selection]
            let decrypted_contest_data: ContestDataJSON
        }
        struct Selection: Decodable {
            let selection_id: String
            let tally: Int
            let b_over_m: String
            let encrypted_vote: HexCiphertext
            let proof: HexProof
        }
        struct ContestDataJSON: Decodable {
            struct Data: Decodable { let over_votes: [Int]; let write_ins: [String]; let status: String }
            let contest_data: Data
            let encrypted_contest_data: HexHashedCiphertext
            let proof: HexProof
            let beta: String
        }
        let id: String
        let contests: [Contest]
    }
    let joint_public_key: String
    let extended_base_hash: String
    let trustees: [TrusteeJSON]
    let encrypted_ballot: EncryptedBallotJSON
    let expected_decrypted_ballot: Expected
}

struct PreEncryptionVector: Decodable {
    struct Ballot: Decodable {
        let ballotId: String
        let ballotStyleId: String
        let primaryNonce: String
        let contests: [Contest]
        let expected_confirmationCode: String
    }
    struct Contest: Decodable {
        let contestId: String
        let sequenceOrder: Int
        let votesAllowed: Int
        let selections: [Row]
        let expected_preencryptionHash: String
    }
    struct Row: Decodable {
        let selectionId: String
        let sequenceOrder: Int
        let shortCode: String
        let expected_selectionHash: String
        let expected_selectionVector: [HexCiphertext]
        let expected_selectionNonces: [String]
    }
    let manifest: ManifestJSON
    let joint_public_key: String
    let extended_base_hash: String
    let primary_nonce: String
    let preencrypted_ballot: Ballot
}

struct PreEncryptionRecordedVector: Decodable {
    let manifest: ManifestJSON
    let joint_public_key: String
    let extended_base_hash: String
    let primary_nonce: String
    let selected_codes: [String: [String]]
    let expected_recorded_ballot: EncryptedBallotJSON
}
