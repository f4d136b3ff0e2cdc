import ElectionGuard
import Foundation

/// One guardian's side of the key ceremony, run on the guardian's own machine (`plebiscite guardian
/// ceremony`). Its state holds the guardian's secret polynomial and the shares it received, so it is
/// kept in a file only the guardian reads; what it sends out are public `CeremonyMessage`s. Each step
/// reads the public log (`CeremonyBundle`) and answers what is due: its public keys, its encrypted
/// shares once every guardian has published keys, a complaint about a share that fails, the reveal
/// of a share another guardian complained about, and, with every share in hand, its key share and
/// a confirmation of K and H_E. Steps can be repeated: a message already in the log is not sent again.
public struct GuardianCeremony: Sendable, Codable {
    public let referendum: String
    public let id: String
    public let xCoordinate: Int
    public let quorum: Int
    /// Secret: a_i,0 ... a_i,k−1.
    private let coefficients: [ElementModQ]
    public let publicKeys: GuardianPublicKeys
    /// Secret: P_s(ℓ) received from each other guardian s, checked against s's commitments.
    private var received: [String: ElementModQ]
    /// The key file's content, once the ceremony is done for this guardian.
    public private(set) var secret: GuardianSecret?

    /// A new guardian of the ceremony in `bundle`, with a fresh random polynomial.
    /// - Throws: `guardian` when `id` is not one of the bundle's guardians.
    public static func start<R: RandomNumberGenerator>(_ bundle: CeremonyBundle, guardian id: String,
                                                       using generator: inout R) throws -> GuardianCeremony {
        guard let coordinate = bundle.coordinate(of: id) else {
            throw ReferendumError.guardian(id: id, reason: "not a guardian of \(bundle.referendum) (guardians: \(bundle.guardians.joined(separator: ", ")))")
        }
        let guardian = KeyCeremonyGuardian.generate(id: id, xCoordinate: coordinate, quorum: bundle.quorum,
                                                    parameterBaseHash: ElectionHashes.parameterBaseHash(), using: &generator)
        return GuardianCeremony(referendum: bundle.referendum, id: id, xCoordinate: coordinate, quorum: bundle.quorum,
                                coefficients: guardian.polynomial.coefficients, publicKeys: guardian.publicKeys, received: [:], secret: nil)
    }

    /// True once this guardian holds its key share.
    public var isDone: Bool { secret != nil }

    private var guardian: KeyCeremonyGuardian {
        KeyCeremonyGuardian(id: id, xCoordinate: xCoordinate, polynomial: ElectionPolynomial(coefficients: coefficients),
                            publicKeys: publicKeys, parameterBaseHash: ElectionHashes.parameterBaseHash())
    }

    /// The messages due now, given the public log.
    /// - Throws: `guardian` when the bundle is another referendum's or the ceremony stopped, or naming
    ///   a guardian whose public keys do not verify.
    public mutating func step<R: RandomNumberGenerator>(_ bundle: CeremonyBundle, using generator: inout R) throws -> [CeremonyMessage] {
        guard bundle.referendum == referendum, bundle.coordinate(of: id) == xCoordinate, bundle.quorum == quorum else {
            throw ReferendumError.guardian(id: id, reason: "this ceremony is not the one the guardian's state belongs to (\(referendum))")
        }
        let log = bundle.log
        if let stopped = log.stopped { throw ReferendumError.guardian(id: id, reason: "the ceremony stopped: \(stopped)") }
        var messages = [CeremonyMessage]()
        guard let published = log.keys(of: id) else { return [.publicKeys(publicKeys)] }
        guard published == publicKeys else {
            throw ReferendumError.guardian(id: id, reason: "the log holds other public keys for this guardian than its own")
        }
        let others = bundle.guardians.filter { $0 != id }
        guard others.allSatisfy({ log.keys(of: $0) != nil }) else { return messages }  // round 1 is not over
        let parameterBaseHash = ElectionHashes.parameterBaseHash()
        for other in others {
            do {
                try log.keys(of: other)!.validate(quorum: quorum, parameterBaseHash: parameterBaseHash)
            } catch {
                throw ReferendumError.guardian(id: other, reason: "its public keys do not verify: \(error)")
            }
        }
        let me = guardian
        // Round 2: a share for every other guardian.
        for other in others where log.share(from: id, to: other) == nil {
            messages.append(.share(me.encryptShare(for: log.keys(of: other)!, nonce: .random(using: &generator))))
        }
        // The shares addressed to this guardian: checked, or complained about; a revealed one checked.
        for sender in others where received[sender] == nil {
            if let reveal = log.reveal(from: sender, to: id) {
                guard log.keys(of: sender)!.isShare(reveal.value, for: xCoordinate) else {
                    throw ReferendumError.guardian(id: sender, reason: "its revealed share for \(id) does not match its commitments")
                }
                received[sender] = reveal.value
            } else if log.complaint(by: id, about: sender) == nil, let share = log.share(from: sender, to: id) {
                do {
                    received[sender] = try me.receiveShare(share, from: log.keys(of: sender)!)
                } catch {
                    messages.append(.complaint(ShareComplaint(accuser: id, accused: sender, reason: "\(error)")))
                }
            }
        }
        // Complaints about this guardian's shares: reveal them, for everyone to check.
        for complaint in log.complaints where complaint.accused == id && log.reveal(from: id, to: complaint.accuser) == nil {
            guard let receiver = bundle.coordinate(of: complaint.accuser) else { continue }
            messages.append(.reveal(ShareReveal(sender: id, receiver: complaint.accuser, value: me.polynomial.value(at: receiver))))
        }
        if secret == nil, received.count == others.count, let joint = bundle.jointKey {
            let keyShare = received.values.reduce(me.polynomial.value(at: xCoordinate), +)
            secret = GuardianSecret(id: id, xCoordinate: xCoordinate, coefficients: coefficients, keyShare: keyShare,
                                    extendedBaseHash: joint.extendedBaseHash)
        }
        if let secret, !log.confirmations.contains(where: { $0.guardian == id }), let joint = bundle.jointKey {
            messages.append(.confirmation(KeyConfirmation(guardian: id, jointPublicKey: joint.publicKey,
                                                          extendedBaseHash: secret.extendedBaseHash)))
        }
        return messages
    }
}

extension GuardianCeremony: CustomStringConvertible {
    /// Redacted, so that a secret never reaches a log by accident.
    public var description: String { "GuardianCeremony(\(id), coordinate \(xCoordinate), secrets redacted)" }
}
