/// Every check the verifier runs, in the order it reports them: ElectionGuard 2.0's verifications as
/// egk numbers them (docs/verification-steps.md §2), the checks egk does not make (given the next free
/// letter of their group), and the referendum's rules (docs/referendum-record.md). A case's raw value
/// is its id ("5.D") and `title` says what it checks; docs/verifier.md lists them all.
public enum CheckID: String, CaseIterable, Sendable, Codable, Comparable {
    case v1A = "1.A", v1B = "1.B", v1C = "1.C", v1D = "1.D", v1E = "1.E", v1F = "1.F", v1G = "1.G", v1H = "1.H"
    case v2A = "2.A", v2B = "2.B", v2C = "2.C", v2D = "2.D"
    case v3A = "3.A", v3B = "3.B"
    case v4A = "4.A"
    case v5A = "5.A", v5B = "5.B", v5C = "5.C", v5D = "5.D", v5E = "5.E"
    case v6A = "6.A", v6B = "6.B", v6C = "6.C", v6D = "6.D"
    case v7A = "7.A", v7B = "7.B", v7C = "7.C", v7D = "7.D", v7E = "7.E", v7F = "7.F", v7G = "7.G", v7H = "7.H"
    case v8A = "8.A", v8B = "8.B", v8C = "8.C"
    case v9A = "9.A", v9B = "9.B", v9C = "9.C"
    case v10A = "10.A", v10B = "10.B", v10C = "10.C", v10D = "10.D", v10E = "10.E"
    case v11A = "11.A", v11B = "11.B"
    case v12A = "12.A", v12B = "12.B", v12C = "12.C"
    case v13A = "13.A", v13B = "13.B", v13C = "13.C", v13D = "13.D", v13E = "13.E", v13F = "13.F"
    case v14A = "14.A", v14B = "14.B"
    case v15 = "15-18"
    case r1 = "R.1", r2 = "R.2", r3 = "R.3", r4 = "R.4", r5 = "R.5", r6 = "R.6", r7 = "R.7"

    /// Whose check this is.
    public enum Origin: String, Sendable, Codable {
        /// A verification of ElectionGuard 2.0 that egk's verifier runs, under egk's number.
        case spec
        /// A check of the ElectionGuard record that egk's verifier does not make.
        case plebiscite
        /// A rule of the referendum, checked on the files of `referendum/`.
        case referendum
    }

    /// Report order: the order of declaration.
    public static func < (a: CheckID, b: CheckID) -> Bool { a.position < b.position }

    var position: Int { Self.positions[self]! }

    private static let positions = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    /// Where the check comes from.
    public var origin: Origin {
        switch self {
        case .v2D, .v5E, .v7H, .v8C, .v9C, .v12C: .plebiscite
        case .r1, .r2, .r3, .r4, .r5, .r6, .r7: .referendum
        default: .spec
        }
    }

    /// The spec's verification group (1...18), or nil for the referendum's rules.
    public var group: Int? {
        guard origin != .referendum else { return nil }
        return Int(rawValue.prefix { $0.isNumber })
    }

    /// What the check establishes, in a few words.
    public var title: String {
        switch self {
        case .v1A: "config_version is v2.0.0"
        case .v1B: "large prime p is the standard one"
        case .v1C: "small prime q is the standard one"
        case .v1D: "cofactor r is the standard one"
        case .v1E: "generator g is the standard one"
        case .v1F: "parameter base hash H_P"
        case .v1G: "manifest hash H_M"
        case .v1H: "election base hash H_B"
        case .v2A: "guardian commitments K_i,j are in Z_p^r"
        case .v2B: "guardian Schnorr responses v_i,j are in Z_q"
        case .v2C: "guardian Schnorr challenges c_i,j"
        case .v2D: "n guardians, coordinates 1...n, k commitments each"
        case .v3A: "guardian public keys K_i are in Z_p^r and not 1"
        case .v3B: "joint public key K = product of the K_i, not 1"
        case .v4A: "extended base hash H_E"
        case .v5A: "ballot elements (alpha, beta, C0) are in Z_p^r"
        case .v5B: "selection proof challenges c_j are in Z_q"
        case .v5C: "selection proof responses v_j are in Z_q"
        case .v5D: "selection range proofs (0 or 1)"
        case .v5E: "ballots well-formed: file, election id, style, contests and selections of the manifest"
        case .v6A: "contest totals are in Z_p^r"
        case .v6B: "contest proof challenges c_j are in Z_q"
        case .v6C: "contest proof responses v_j are in Z_q"
        case .v6D: "contest limit proofs (0...L)"
        case .v7A: "contest hashes"
        case .v7B: "confirmation codes"
        case .v7C: "no duplicate confirmation codes"
        case .v7D: "ballot chains: one per device, B_aux,0, the device's ballots"
        case .v7E: "chained B_aux of every ballot"
        case .v7F: "last confirmation code of each chain"
        case .v7G: "closing hash of each chain"
        case .v7H: "no duplicate ballot ids"
        case .v8A: "encrypted tally A = product of the CAST ballots' alpha"
        case .v8B: "encrypted tally B = product of the CAST ballots' beta"
        case .v8C: "cast_ballot_ids are exactly the CAST ballots"
        case .v9A: "tally decryption responses are in Z_q"
        case .v9B: "tally decryption proofs"
        case .v9C: "tally.json ciphertexts equal encrypted_tally.json"
        case .v10A: "tally values T = K^t"
        case .v10B: "tally contests are manifest contests"
        case .v10C: "tally selections are selections of their contest"
        case .v10D: "every manifest selection is in the tally"
        case .v10E: "every contest of a CAST ballot is in the encrypted tally"
        case .v11A: "tally contest-data responses are in Z_q"
        case .v11B: "tally contest-data decryption proofs"
        case .v12A: "challenged-ballot decryption responses are in Z_q"
        case .v12B: "challenged-ballot decryption proofs"
        case .v12C: "every challenged ballot opened and matching its encryption"
        case .v13A: "challenged-ballot values S = K^sigma"
        case .v13B: "challenged-ballot votes are 0 or 1"
        case .v13C: "challenged-ballot contests within their limit"
        case .v13D: "challenged-ballot contests are manifest contests"
        case .v13E: "challenged-ballot selections are selections of their contest"
        case .v13F: "every manifest selection is in each challenged-ballot contest"
        case .v14A: "challenged-ballot contest-data responses are in Z_q"
        case .v14B: "challenged-ballot contest-data decryption proofs"
        case .v15: "pre-encrypted ballots (verifications 15 to 18)"
        case .r1: "one counted ballot per voter, by the published revote rule"
        case .r2: "CAST ballots are the counted rows, SPOILED the challenged"
        case .r3: "ballots inside their window, at stations serving their region"
        case .r4: "encrypted totals, their decryptions, their sums, and small station counts merged"
        case .r5: "turnout within the register; published results agree with the totals"
        case .r6: "station protocols: control relations, sums per cell, differences from the electronic totals, reported results"
        case .r7: "risk-limiting audit: samples redrawn from the seed, risk recomputed from the entered counts, outcome"
        }
    }
}
