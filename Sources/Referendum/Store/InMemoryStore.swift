import Foundation
import ElectionGuard

/// A store that keeps everything in memory: for tests and for trying things out. Not durable.
public actor InMemoryStore: ReferendumStore {
    private var setup: ReferendumSetup?
    private var voters = [String: RegisteredVoter]()
    private var voterIdsSeen = Set<String>()
    private var chains = [String: ChainHead]()
    private var ballots = [String: BallotEntry]()
    private var byCode = [UInt256: String]()
    private var visits = [String: MobileVisit]()
    private var rounds = [GuardianDecryptionRound]()

    public init() {}

    public func loadSetup() -> ReferendumSetup? { setup }

    public func create(_ setup: ReferendumSetup) throws {
        guard self.setup == nil else { throw StoreRules.referendumExists }
        self.setup = setup
    }

    public func transition(from: LifecycleState, to: LifecycleState, at date: Date, update: @Sendable (inout ReferendumSetup) -> Void) throws {
        guard var current = setup else { throw StoreRules.noReferendum }
        guard current.state == from else { throw StoreRules.staleTransition(to: to, stored: current.state, from: from) }
        StoreRules.transition(&current, to: to, at: date, update: update)
        setup = current
    }

    public func addVoters(_ newVoters: [RegisteredVoter]) throws {
        var ids = voterIdsSeen
        for voter in newVoters where !ids.insert(voter.voterId).inserted {
            throw StoreRules.duplicateVoter(voter.voterId)
        }
        voterIdsSeen = ids
        for voter in newVoters { voters[voter.credentialKey] = voter }
    }

    public func voter(credentialKey: String) -> RegisteredVoter? { voters[credentialKey] }

    public func voterIds() -> Set<String> { voterIdsSeen }

    public func voters(after afterId: String?, limit: Int) -> [RegisteredVoter] {
        voters.values
            .filter { voter in afterId.map { voter.voterId > $0 } ?? true }
            .sorted { $0.voterId < $1.voterId }
            .prefix(limit)
            .map { $0 }
    }

    public func registerCounts() -> RegisterCounts {
        var counts = RegisterCounts()
        for voter in voters.values {
            counts.registered[voter.homeRegion, default: 0] += 1
            if voter.displaced { counts.displaced[voter.homeRegion, default: 0] += 1 }
            if let station = voter.homeStation { counts.byHomeStation[station, default: 0] += 1 }
        }
        return counts
    }

    public func state() -> LifecycleState? { setup?.state }

    public func chainHead(device: String) -> ChainHead? { chains[device] }

    public func append(_ entry: BallotEntry, after previous: UInt256?) throws {
        let outcome = try StoreRules.append(entry, after: previous, state: setup?.state, storedCode: ballots[entry.ballotId]?.confirmationCode,
                                            head: chains[entry.deviceId], definition: setup?.definition)
        guard case .insert(let head) = outcome else { return }
        guard byCode[entry.confirmationCode] == nil else {
            throw ReferendumError.storage("confirmation code \(entry.confirmationCode.hex) already belongs to another ballot")
        }
        chains[entry.deviceId] = head
        ballots[entry.ballotId] = entry
        byCode[entry.confirmationCode] = entry.ballotId
    }

    public func append(_ entry: BallotEntry, after previous: UInt256?, visit: MobileVisit) throws {
        let recorded = try visit.recording(entry.ballotId, over: visits[visit.id])
        try append(entry, after: previous)
        visits[visit.id] = recorded
    }

    public func decide(ballotId: String, status: BallotStatus, at date: Date, nonce: UInt256?, choice: String?) throws -> BallotEntry {
        guard let entry = ballots[ballotId] else { throw ReferendumError.unknownBallot(ballotId) }
        guard try StoreRules.decide(stored: entry.status, ballotId: ballotId, status: status, state: setup?.state,
                                    region: entry.region, at: date, definition: setup?.definition) else { return entry }
        let decided = entry.decided(status, at: date, nonce: nonce, choice: choice)
        ballots[ballotId] = decided
        return decided
    }

    public func entry(ballotId: String) -> BallotEntry? { ballots[ballotId] }

    public func entry(confirmationCode: UInt256) -> BallotEntry? { byCode[confirmationCode].flatMap { ballots[$0] } }

    public func entries(statuses: Set<BallotStatus>, after afterId: String?, limit: Int) -> [BallotEntry] {
        ballots.values
            .filter { entry in statuses.contains(entry.status) && (afterId.map { entry.ballotId > $0 } ?? true) }
            .sorted { $0.ballotId < $1.ballotId }
            .prefix(limit)
            .map { $0 }
    }

    public func summaries() -> [CastSummary] { ballots.values.map(\.summary) }

    public func saveMobileVisit(_ visit: MobileVisit) { visits[visit.id] = visit.keepingBallots(of: visits[visit.id]) }

    public func mobileVisits() -> [MobileVisit] { visits.values.sorted { $0.id < $1.id } }

    public func saveDecryptionRound(_ round: GuardianDecryptionRound) throws {
        guard !rounds.contains(where: { $0.storageGuardianKey == round.storageGuardianKey && $0.round == round.round }) else {
            throw StoreRules.duplicateRound(round)
        }
        rounds.append(round)
    }

    public func decryptionRounds() -> [GuardianDecryptionRound] { rounds }
}
