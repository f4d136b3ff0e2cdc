import Foundation
import ElectionGuard

/// Runs one referendum through its life over a store: each method is one checked step of the
/// lifecycle (docs/architecture.md), refused with a clear error in the wrong state, changing nothing when it fails.
public struct ReferendumEngine: Sendable {
    public let store: any ReferendumStore
    public let clock: any ReferendumClock

    public init(store: any ReferendumStore, clock: any ReferendumClock = SystemClock()) {
        self.store = store
        self.clock = clock
    }

    /// The referendum in the store.
    /// - Throws: `storage` when the store is empty.
    public func setup() async throws -> ReferendumSetup {
        guard let setup = try await store.loadSetup() else {
            throw ReferendumError.noReferendum
        }
        return setup
    }

    /// Creates the referendum from its definition, in the draft state, with fresh secrets.
    public func create<R: RandomNumberGenerator>(_ definition: ReferendumDefinition, using generator: inout R) async throws {
        if let problem = definition.problems().first {
            throw ReferendumError.definition(file: "(definition)", line: nil, field: YAMLDocument.fieldName(problem.path), reason: problem.reason)
        }
        try await store.create(ReferendumSetup(definition: definition, credentials: .generate(using: &generator), createdAt: clock.now()))
    }

    /// Announces the referendum (draft -> announced).
    public func announce() async throws {
        try await step(.announce)
    }

    /// Imports a register CSV; returns the voter cards to print (the only place the codes exist).
    /// - Throws: `register` with file, line and field for a bad row; nothing is stored then.
    public func importRegister<R: RandomNumberGenerator>(csv: String, file: String, using generator: inout R) async throws -> [VoterCard] {
        let setup = try await setup()
        try Lifecycle.check(.importRegister, in: setup.state)
        let rows = try RegisterImport.parse(csv, file: file, definition: setup.definition, existing: try await store.voterIds())
        var cards = [VoterCard]()
        var voters = [RegisteredVoter]()
        cards.reserveCapacity(rows.count)
        voters.reserveCapacity(rows.count)
        for row in rows {
            let code = Credentials.newCode(using: &generator)
            cards.append(VoterCard(voterId: row.voterId, homeRegion: row.homeRegion, credential: code))
            voters.append(RegisteredVoter(voterId: row.voterId, homeRegion: row.homeRegion, displaced: row.displaced,
                                          homeStation: row.homeStation, credentialKey: setup.credentials.key(of: code),
                                          pseudonym: setup.credentials.pseudonym(of: row.voterId)))
        }
        try await store.addVoters(voters)
        return cards
    }

    /// Opens the polls (keys ready -> open). Each region's own window still applies to every ballot.
    public func open() async throws { try await step(.open) }

    /// Closes the polls (open -> closed); no ballot is accepted afterwards.
    public func close() async throws { try await step(.close) }

    /// Certifies the decrypted result (decrypted -> certified).
    /// - Throws: `paper` while a started risk-limiting audit has a region neither confirmed nor hand-counted.
    public func certify(by signatories: [String], statement: String) async throws {
        let setup = try await setup()
        try Lifecycle.check(.certify, in: setup.state)
        if let open = setup.paper?.audit?.contests.first(where: { $0.status != .confirmed && $0.status != .handCounted }) {
            throw ReferendumError.paper(cell: open.region, reason: "the audit of this region is not finished (\(open.status.rawValue)): certify after it")
        }
        let certification = Certification(certifiedAt: clock.now(), by: signatories, statement: statement)
        try await store.transition(from: .decrypted, to: .certified, at: certification.certifiedAt) { $0.certification = certification }
    }

    /// Takes a step that only changes the state.
    func step(_ action: Lifecycle.Action) async throws {
        let setup = try await setup()
        try Lifecycle.check(action, in: setup.state)
        try await store.transition(from: setup.state, to: action.leadsTo!, at: clock.now()) { _ in }
    }
}

/// A guardian's secret: what its key file holds. Never logged, never in the record.
public struct GuardianSecret: Sendable, Codable, Hashable {
    public let id: String
    public let xCoordinate: Int
    /// The guardian's own polynomial a_i,0 ... a_i,k−1.
    public let coefficients: [ElementModQ]
    /// s_i = Σ_j P_j(i), the share it decrypts with.
    public let keyShare: ElementModQ
    /// H_E of the election the key belongs to, so a key is never used on another election.
    public let extendedBaseHash: UInt256

    public init(id: String, xCoordinate: Int, coefficients: [ElementModQ], keyShare: ElementModQ, extendedBaseHash: UInt256) {
        self.id = id
        self.xCoordinate = xCoordinate
        self.coefficients = coefficients
        self.keyShare = keyShare
        self.extendedBaseHash = extendedBaseHash
    }

    public var decryptingGuardian: DecryptingGuardian {
        DecryptingGuardian(id: id, xCoordinate: xCoordinate, keyShare: keyShare)
    }
}

extension GuardianSecret: CustomStringConvertible {
    /// Redacted, so that a secret never reaches a log by accident.
    public var description: String { "GuardianSecret(\(id), coordinate \(xCoordinate), secrets redacted)" }
}
