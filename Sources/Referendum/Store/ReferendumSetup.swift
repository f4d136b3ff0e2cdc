import Foundation
import ElectionGuard

/// The referendum's own state, kept as one value: its definition, where it is in its life, its
/// secrets, and what each finished step produced.
public struct ReferendumSetup: Sendable, Codable, Hashable {
    public var definition: ReferendumDefinition
    public var state: LifecycleState
    /// Every state change with its time.
    public var history: [StateChange]
    /// Secret: the salt of credential keys and the key of pseudonyms.
    public var credentials: Credentials
    /// The key ceremony's public messages, while it runs and after (`CeremonyLog`).
    public var ceremony: CeremonyLog?
    /// The public outcome of the key ceremony.
    public var election: ElectionSetup?
    /// The encrypted tallies, after the count.
    public var count: CountResult?
    /// Who was dropped from the decryption, and which try it is at (nil: none dropped).
    public var decryptionProgress: DecryptionProgress?
    /// The decryption's current try (0 until a guardian is dropped).
    public var decryptionAttempt: Int { decryptionProgress?.attempt ?? 0 }
    /// The decrypted tallies, after the guardians.
    public var decryption: DecryptionResult?
    public var certification: Certification?
    /// The stations' protocols of their paper and the risk-limiting audit (nil: no paper entered yet).
    public var paper: PaperState?

    public init(definition: ReferendumDefinition, credentials: Credentials, createdAt: Date) {
        self.definition = definition
        self.state = .draft
        self.history = [StateChange(state: .draft, at: createdAt)]
        self.credentials = credentials
    }
}

/// A state change and when it happened.
public struct StateChange: Sendable, Codable, Hashable {
    public let state: LifecycleState
    public let at: Date

    public init(state: LifecycleState, at: Date) {
        self.state = state
        self.at = at
    }
}

/// The public result of the key ceremony and the hashes that bind the election (spec 3.1–3.2).
public struct ElectionSetup: Sendable, Codable, Hashable {
    /// The manifest file exactly as published; H_M is its hash.
    public let manifest: [UInt8]
    public let parameterBaseHash: UInt256
    public let manifestHash: UInt256
    public let baseHash: UInt256
    public let extendedBaseHash: UInt256
    public let guardians: [GuardianPublicKeys]
    public let jointPublicKey: ElementModP
    public let quorum: Int
    /// B_aux,0, the start of every device's chain.
    public let baux0: [UInt8]
}

/// What each decryption target is: an option's total in a region, at a station for a region, or
/// over all regions.
public enum TallyScope: Sendable, Codable, Hashable {
    case region(String)
    case station(String, region: String)
    /// The stations of a region whose counts were too small to publish, together (`SmallCellMerge`).
    case remainder(region: String)
    case allRegions

    /// A stable text key, e.g. "region/donetsk", "station/EXT-KYIV/luhansk", "remainder/luhansk", "all".
    public var key: String {
        switch self {
        case .region(let region): "region/\(region)"
        case .station(let station, let region): "station/\(station)/\(region)"
        case .remainder(let region): "remainder/\(region)"
        case .allRegions: "all"
        }
    }
}

/// One encrypted total: the product of the counted ballots' ciphertexts for one option in one scope.
public struct EncryptedTotal: Sendable, Codable, Hashable {
    public let scope: TallyScope
    public let option: String
    public let ciphertext: ElGamalCiphertext
    /// How many counted ballots went into it.
    public let ballots: Int
}

/// The count: which ballots count and their encrypted totals per region, per station and overall.
public struct CountResult: Sendable, Codable, Hashable {
    public let resolution: RevoteResolution
    /// Every total, in a fixed order: regions, stations, remainders, then all regions; options in definition order.
    public let totals: [EncryptedTotal]
    public let countedAt: Date
    /// The station totals merged into their region's remainder (nil in counts stored before merging existed).
    public let merge: SmallCellMerge?

    public init(resolution: RevoteResolution, totals: [EncryptedTotal], countedAt: Date, merge: SmallCellMerge?) {
        self.resolution = resolution
        self.totals = totals
        self.countedAt = countedAt
        self.merge = merge
    }
}

/// The decrypted totals, aligned with `CountResult.totals`.
public struct DecryptionResult: Sendable, Codable, Hashable {
    /// The guardians who took part, by coordinate.
    public let guardians: [Int]
    /// Guardians dropped before the decryption succeeded, with why (nil in older stores).
    public var dropped: [DroppedGuardian]? = nil
    public let values: [DecryptedValue]
    public let decryptedAt: Date
}

/// Who certified the result and when.
public struct Certification: Sendable, Codable, Hashable {
    public let certifiedAt: Date
    public let by: [String]
    public let statement: String
}

/// One guardian's part in decrypting the totals: round 1 (partial decryptions with commitments) or
/// round 2 (responses to its challenges). Public: no secret can be derived from it.
public struct GuardianDecryptionRound: Sendable, Codable, Hashable {
    public enum Round: Int, Sendable, Codable, Hashable { case partials = 1, responses = 2 }

    public let guardianId: String
    public let xCoordinate: Int
    public let round: Round
    /// Round 1: one per total, in order.
    public let partials: [PartialDecryption]
    /// Round 2: one per total, in order.
    public let responses: [ElementModQ]
    /// Which try of the decryption this round belongs to: it starts again, with fresh nonces, each
    /// time a guardian is dropped (`ReferendumEngine.dropGuardian`). Absent (0) in older stores.
    public let attempt: Int

    public init(guardianId: String, xCoordinate: Int, round: Round, partials: [PartialDecryption] = [], responses: [ElementModQ] = [],
                attempt: Int = 0) {
        self.guardianId = guardianId
        self.xCoordinate = xCoordinate
        self.round = round
        self.partials = partials
        self.responses = responses
        self.attempt = attempt
    }

    enum CodingKeys: String, CodingKey { case guardianId, xCoordinate, round, partials, responses, attempt }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guardianId = try container.decode(String.self, forKey: .guardianId)
        xCoordinate = try container.decode(Int.self, forKey: .xCoordinate)
        round = try container.decode(Round.self, forKey: .round)
        partials = try container.decode([PartialDecryption].self, forKey: .partials)
        responses = try container.decode([ElementModQ].self, forKey: .responses)
        attempt = try container.decodeIfPresent(Int.self, forKey: .attempt) ?? 0
    }

    /// The key a store keeps it unique by, with the guardian's id: the guardian within its attempt.
    public var storageGuardianKey: String { attempt == 0 ? guardianId : "\(guardianId)#\(attempt)" }
}

/// Guardians dropped from the decryption, and the try it is at.
public struct DecryptionProgress: Sendable, Codable, Hashable {
    /// Starts at 0; one more for each guardian dropped.
    public var attempt: Int = 0
    /// Dropped guardians, with why.
    public var dropped: [DroppedGuardian] = []

    public init() {}
}

/// A guardian the commission took out of the decryption.
public struct DroppedGuardian: Sendable, Codable, Hashable {
    public let guardianId: String
    public let reason: String
    public let at: Date

    public init(guardianId: String, reason: String, at: Date) {
        self.guardianId = guardianId
        self.reason = reason
        self.at = at
    }
}
