import ElectionGuard
import Foundation

/// The coordinator's side of the key ceremony: it keeps the public log, checks every message before
/// it goes in, and moves the referendum to keys-ready once every guardian has confirmed the same K
/// and H_E. It relays what it cannot read: no secret of any guardian ever reaches it.
extension ReferendumEngine {
    /// The ceremony's terms and its log so far (while announced; afterwards the finished log).
    public func ceremonyBundle() async throws -> CeremonyBundle {
        try Self.ceremonyBundle(of: try await setup())
    }

    /// The bundle of `setup`, as stored.
    static func ceremonyBundle(of setup: ReferendumSetup) throws -> CeremonyBundle {
        guard setup.state >= .announced else {
            throw ReferendumError.lifecycle(action: Lifecycle.Action.runCeremony.rawValue, state: setup.state, required: [.announced])
        }
        let terms = try Self.ceremonyTerms(setup.definition)
        return CeremonyBundle(referendum: setup.definition.id, guardians: setup.definition.guardians.ids,
                              quorum: setup.definition.guardians.quorum, baseHash: terms.baseHash,
                              manifestHash: terms.manifestHash, log: setup.ceremony ?? CeremonyLog())
    }

    /// Checks and records messages sent by guardian `guardian`, in order; then, if every guardian has
    /// confirmed, finishes the ceremony (announced -> keys ready).
    /// - Throws: `guardian` naming the problem with the first message refused (the ones before it are
    ///   kept); `lifecycle` outside the ceremony.
    public func acceptCeremony(_ messages: [CeremonyMessage], from guardian: String) async throws {
        for message in messages {
            let setup = try await setup()
            try Lifecycle.check(.runCeremony, in: setup.state)
            let stops = try Self.check(message, from: guardian, bundle: try Self.ceremonyBundle(of: setup))
            try await store.transition(from: .announced, to: .announced, at: clock.now()) { setup in
                var log = (setup.ceremony ?? CeremonyLog()).adding(message)
                if let stops, log.stopped == nil { log.stopped = stops }
                setup.ceremony = log
            }
            if let stops { throw ReferendumError.guardian(id: guardian, reason: "the ceremony stops: \(stops)") }
        }
        try await finishCeremonyIfConfirmed()
    }

    /// Moves to keys ready when all n guardians have confirmed; another server may have done it first.
    func finishCeremonyIfConfirmed() async throws {
        let setup = try await setup()
        guard setup.state == .announced else { return }
        let bundle = try Self.ceremonyBundle(of: setup)
        guard bundle.log.confirmations.count == bundle.guardians.count, let joint = bundle.jointKey else { return }
        let definition = setup.definition
        let terms = try Self.ceremonyTerms(definition)
        let ordered = bundle.guardians.compactMap { bundle.log.keys(of: $0) }
        let election = ElectionSetup(
            manifest: terms.manifest, parameterBaseHash: terms.parameterBaseHash, manifestHash: terms.manifestHash,
            baseHash: terms.baseHash, extendedBaseHash: joint.extendedBaseHash, guardians: ordered,
            jointPublicKey: joint.publicKey, quorum: definition.guardians.quorum, baux0: Array("plebiscite \(definition.id)".utf8))
        do {
            try await store.transition(from: .announced, to: .keysReady, at: clock.now()) { $0.election = election }
        } catch ReferendumError.lifecycle {
            // Another process finished it with the same log.
        }
    }

    /// What is wrong with `message` from `guardian`, if anything (thrown); or, for a reveal that does
    /// not match its sender's commitments, why the ceremony must stop (returned, so that the evidence
    /// is recorded before the stop).
    static func check(_ message: CeremonyMessage, from guardian: String, bundle: CeremonyBundle) throws -> String? {
        func refuse(_ reason: String) -> ReferendumError { .guardian(id: guardian, reason: reason) }
        let log = bundle.log
        if let stopped = log.stopped { throw refuse("the ceremony stopped: \(stopped)") }
        guard let coordinate = bundle.coordinate(of: guardian) else { throw refuse("not a guardian of this referendum") }
        guard message.sender == guardian else { throw refuse("a \(message.kind) sent as \(message.sender)") }
        func other(_ id: String) throws -> Int {
            guard let x = bundle.coordinate(of: id), id != guardian else { throw refuse("\(id) is not another guardian of this referendum") }
            return x
        }
        switch message {
        case .publicKeys(let keys):
            guard keys.xCoordinate == coordinate else { throw refuse("coordinate \(keys.xCoordinate), expected \(coordinate)") }
            if let published = log.keys(of: guardian) {
                guard published == keys else { throw refuse("has published other public keys already") }
                return nil
            }
            do {
                try keys.validate(quorum: bundle.quorum, parameterBaseHash: ElectionHashes.parameterBaseHash())
            } catch {
                throw refuse("public keys do not verify: \(error)")
            }
        case .share(let share):
            let receiver = try other(share.receiverId)
            guard share.senderCoordinate == coordinate, share.receiverCoordinate == receiver else {
                throw refuse("a share addressed from \(share.senderCoordinate) to \(share.receiverCoordinate)")
            }
            guard bundle.jointKey != nil else { throw refuse("shares wait until every guardian has published its public keys") }
            if let sent = log.share(from: guardian, to: share.receiverId), sent != share {
                throw refuse("has sent \(share.receiverId) another share already")
            }
        case .complaint(let complaint):
            _ = try other(complaint.accused)
            guard log.share(from: complaint.accused, to: guardian) != nil else {
                throw refuse("complains about a share from \(complaint.accused) that was never sent")
            }
            guard complaint.reason.count <= 1_000 else { throw refuse("a complaint's reason has at most 1000 characters") }
        case .reveal(let reveal):
            let receiver = try other(reveal.receiver)
            guard log.complaint(by: reveal.receiver, about: guardian) != nil else {
                throw refuse("reveals a share no one complained about")
            }
            if let earlier = log.reveal(from: guardian, to: reveal.receiver) {
                guard earlier == reveal else { throw refuse("has revealed another value already") }
                return nil
            }
            if !log.keys(of: guardian)!.isShare(reveal.value, for: receiver) {
                return "\(guardian)'s share for \(reveal.receiver) does not match \(guardian)'s commitments "
                    + "(complaint by \(reveal.receiver), value revealed by \(guardian)): \(guardian) is at fault"
            }
        case .confirmation(let confirmation):
            guard let joint = bundle.jointKey else { throw refuse("confirms before every guardian has published its public keys") }
            guard confirmation.jointPublicKey == joint.publicKey, confirmation.extendedBaseHash == joint.extendedBaseHash else {
                throw refuse("confirms a joint key or H_E other than the one the public keys give")
            }
        }
        return nil
    }

    /// H_P, the manifest, H_M and H_B of a definition: what the ceremony binds before any key exists.
    static func ceremonyTerms(_ definition: ReferendumDefinition) throws
        -> (manifest: [UInt8], parameterBaseHash: UInt256, manifestHash: UInt256, baseHash: UInt256) {
        let manifest = try definition.manifestBytes
        let parameterBaseHash = ElectionHashes.parameterBaseHash()
        let manifestHash = ElectionHashes.manifestHash(parameterBaseHash: parameterBaseHash, manifest: manifest)
        let baseHash = ElectionHashes.baseHash(parameterBaseHash: parameterBaseHash, manifestHash: manifestHash,
                                               guardians: definition.guardians.count, quorum: definition.guardians.quorum)
        return (manifest, parameterBaseHash, manifestHash, baseHash)
    }

    /// Plays every guardian in this process through the same messages (the demo and tests): no
    /// shortcut, so the protocol the guardians' machines run is the one tested. Returns every
    /// guardian's key, which only a process playing all guardians has.
    public func runCeremony<R: RandomNumberGenerator>(using generator: inout R) async throws -> [GuardianSecret] {
        let start = try await ceremonyBundle()
        try Lifecycle.check(.runCeremony, in: try await setup().state)
        var guardians = try start.guardians.map { try GuardianCeremony.start(start, guardian: $0, using: &generator) }
        for _ in 0..<8 {
            for index in guardians.indices {
                let messages = try guardians[index].step(try await ceremonyBundle(), using: &generator)
                try await acceptCeremony(messages, from: guardians[index].id)
            }
            if try await setup().state == .keysReady { return guardians.compactMap(\.secret) }
        }
        throw ReferendumError.guardian(id: "ceremony", reason: "did not finish in 8 rounds")
    }
}
