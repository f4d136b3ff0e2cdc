import ElectionGuard
import Foundation

/// What guardians say to each other during the key ceremony (spec 2.0 §3.2), through the server or
/// through files carried by hand. Every message is public: a share travels encrypted to its receiver,
/// and only a share under complaint is ever revealed. No message carries anything that lets its
/// holder decrypt a ballot.
public enum CeremonyMessage: Sendable, Hashable, Codable {
    /// Round 1: a guardian's commitments K_i,j with their Schnorr proofs.
    case publicKeys(GuardianPublicKeys)
    /// Round 2: P_i(ℓ) encrypted to guardian ℓ.
    case share(EncryptedKeyShare)
    /// Guardian ℓ says the share from guardian i does not decrypt or does not match i's commitments.
    case complaint(ShareComplaint)
    /// Guardian i answers a complaint by revealing P_i(ℓ) for everyone to check.
    case reveal(ShareReveal)
    /// A guardian computed K and H_E from the public messages and has its key share.
    case confirmation(KeyConfirmation)

    private enum CodingKeys: String, CodingKey { case kind, body }
    private enum Kind: String, Codable { case publicKeys = "public-keys", share, complaint, reveal, confirmation }

    /// `{"kind": "share", "body": {...}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .publicKeys: self = .publicKeys(try container.decode(GuardianPublicKeys.self, forKey: .body))
        case .share: self = .share(try container.decode(EncryptedKeyShare.self, forKey: .body))
        case .complaint: self = .complaint(try container.decode(ShareComplaint.self, forKey: .body))
        case .reveal: self = .reveal(try container.decode(ShareReveal.self, forKey: .body))
        case .confirmation: self = .confirmation(try container.decode(KeyConfirmation.self, forKey: .body))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .publicKeys(let body): try container.encode(Kind.publicKeys, forKey: .kind); try container.encode(body, forKey: .body)
        case .share(let body): try container.encode(Kind.share, forKey: .kind); try container.encode(body, forKey: .body)
        case .complaint(let body): try container.encode(Kind.complaint, forKey: .kind); try container.encode(body, forKey: .body)
        case .reveal(let body): try container.encode(Kind.reveal, forKey: .kind); try container.encode(body, forKey: .body)
        case .confirmation(let body): try container.encode(Kind.confirmation, forKey: .kind); try container.encode(body, forKey: .body)
        }
    }

    /// The guardian who sends it.
    public var sender: String {
        switch self {
        case .publicKeys(let keys): keys.id
        case .share(let share): share.senderId
        case .complaint(let complaint): complaint.accuser
        case .reveal(let reveal): reveal.sender
        case .confirmation(let confirmation): confirmation.guardian
        }
    }

    /// What it is, in a word, for logs and errors.
    public var kind: String {
        switch self {
        case .publicKeys: "public keys"
        case .share: "share"
        case .complaint: "complaint"
        case .reveal: "reveal"
        case .confirmation: "confirmation"
        }
    }
}

/// A receiver's complaint about a share (spec 3.2.2: the receiver publishes it, the sender must answer).
public struct ShareComplaint: Sendable, Hashable, Codable {
    /// The receiver ℓ.
    public let accuser: String
    /// The sender i.
    public let accused: String
    public let reason: String

    public init(accuser: String, accused: String, reason: String) {
        self.accuser = accuser
        self.accused = accused
        self.reason = reason
    }
}

/// The answer to a complaint: P_i(ℓ) in the clear. Everyone checks g^P_i(ℓ) = Π_j K_i,j^(ℓ^j).
public struct ShareReveal: Sendable, Hashable, Codable {
    public let sender: String
    public let receiver: String
    public let value: ElementModQ

    public init(sender: String, receiver: String, value: ElementModQ) {
        self.sender = sender
        self.receiver = receiver
        self.value = value
    }
}

/// A guardian's word that it holds its key share and computed these values from the public messages.
public struct KeyConfirmation: Sendable, Hashable, Codable {
    public let guardian: String
    public let jointPublicKey: ElementModP
    public let extendedBaseHash: UInt256

    public init(guardian: String, jointPublicKey: ElementModP, extendedBaseHash: UInt256) {
        self.guardian = guardian
        self.jointPublicKey = jointPublicKey
        self.extendedBaseHash = extendedBaseHash
    }
}

/// Every message the ceremony has accepted so far; kept by the server in the referendum's setup and
/// served to every guardian. Adding a message that is already there changes nothing.
public struct CeremonyLog: Sendable, Hashable, Codable {
    public var publicKeys: [GuardianPublicKeys] = []
    public var shares: [EncryptedKeyShare] = []
    public var complaints: [ShareComplaint] = []
    public var reveals: [ShareReveal] = []
    public var confirmations: [KeyConfirmation] = []
    /// Set when the ceremony cannot finish, naming the guardian at fault.
    public var stopped: String?

    public init() {}

    /// The log with `message` added (once).
    public func adding(_ message: CeremonyMessage) -> CeremonyLog {
        var log = self
        switch message {
        case .publicKeys(let keys) where !log.publicKeys.contains { $0.id == keys.id }:
            log.publicKeys.append(keys)
            log.publicKeys.sort { $0.xCoordinate < $1.xCoordinate }
        case .share(let share) where log.share(from: share.senderId, to: share.receiverId) == nil:
            log.shares.append(share)
        case .complaint(let complaint) where log.complaint(by: complaint.accuser, about: complaint.accused) == nil:
            log.complaints.append(complaint)
        case .reveal(let reveal) where log.reveal(from: reveal.sender, to: reveal.receiver) == nil:
            log.reveals.append(reveal)
        case .confirmation(let confirmation) where !log.confirmations.contains { $0.guardian == confirmation.guardian }:
            log.confirmations.append(confirmation)
        default:
            break
        }
        return log
    }

    public func keys(of guardian: String) -> GuardianPublicKeys? { publicKeys.first { $0.id == guardian } }
    public func share(from sender: String, to receiver: String) -> EncryptedKeyShare? {
        shares.first { $0.senderId == sender && $0.receiverId == receiver }
    }
    public func complaint(by accuser: String, about accused: String) -> ShareComplaint? {
        complaints.first { $0.accuser == accuser && $0.accused == accused }
    }
    public func reveal(from sender: String, to receiver: String) -> ShareReveal? {
        reveals.first { $0.sender == sender && $0.receiver == receiver }
    }
}

/// What a guardian needs to take its next step: the ceremony's fixed terms and the log so far. The
/// server serves it (`GET /api/v1/guardian/ceremony`); `plebiscite ceremony export` writes it to a file.
public struct CeremonyBundle: Sendable, Hashable, Codable {
    public let referendum: String
    /// The guardians in coordinate order (guardian ℓ has coordinate ℓ).
    public let guardians: [String]
    public let quorum: Int
    /// H_B, from H_P, the manifest's hash H_M, n and k; with the commitments it gives H_E.
    public let baseHash: UInt256
    public let manifestHash: UInt256
    public let log: CeremonyLog

    public init(referendum: String, guardians: [String], quorum: Int, baseHash: UInt256, manifestHash: UInt256, log: CeremonyLog) {
        self.referendum = referendum
        self.guardians = guardians
        self.quorum = quorum
        self.baseHash = baseHash
        self.manifestHash = manifestHash
        self.log = log
    }

    /// Guardian `id`'s coordinate ℓ (1...n).
    public func coordinate(of id: String) -> Int? { guardians.firstIndex(of: id).map { $0 + 1 } }

    /// K and H_E from the public keys of every guardian, once all n have published them.
    public var jointKey: (publicKey: ElementModP, extendedBaseHash: UInt256)? {
        guard log.publicKeys.count == guardians.count else { return nil }
        let ordered = guardians.compactMap { log.keys(of: $0) }
        let key = ordered.jointPublicKey
        return (key, ElectionHashes.extendedBaseHash(baseHash: baseHash, jointPublicKey: key, commitments: ordered.map(\.commitments)))
    }
}
