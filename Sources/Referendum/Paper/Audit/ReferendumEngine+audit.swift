import ElectionRecord
import Foundation
import RiskLimitingAudit

/// What an audit board enters for a round: the hand counts of the batches it drew (batch
/// comparison), or the option it read on each drawn ballot (ballot polling), by ticket.
public enum AuditEntry: Sendable, Hashable {
    case batches([RecordedAudit.Batch])
    case ballots([String: String])
}

extension ReferendumEngine {
    /// The longest public seed accepted.
    public static let maximumSeedLength = 100

    /// Starts the risk-limiting audit of every region once the guardians decrypted the totals: each
    /// region's reported result (electronic totals plus paper-only stations) and its batches are
    /// fixed, and round 1 is sized and then drawn from `seed`.
    /// - Throws: `lifecycle` outside decrypted; `invalidInput` for a seed that is not 1 to 100
    ///   digits or letters, or a risk limit outside (0, 1); `paper` when an audit exists, or a ballot
    ///   polling audit lacks a protocol (its paper manifest). Nothing changes when it throws.
    @discardableResult
    public func startAudit(seed: String, riskLimit: Double, method: RecordedAudit.Method) async throws -> RecordedAudit {
        let setup = try await setup()
        try Lifecycle.check(.audit, in: setup.state)
        guard !seed.isEmpty, seed.count <= Self.maximumSeedLength, seed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw ReferendumError.invalidInput(field: "seed", reason: "1 to \(Self.maximumSeedLength) digits or letters, as rolled or read out in public")
        }
        guard riskLimit > 0, riskLimit < 1 else { throw ReferendumError.invalidInput(field: "risk_limit", reason: "\(riskLimit) is not between 0 and 1") }
        guard setup.paper?.audit == nil else { throw ReferendumError.paper(cell: "audit", reason: "the audit has started already") }
        let report = try await paperReport()
        let options = setup.definition.options.map(\.id)
        var contests = [RecordedAudit.Contest]()
        for region in report.regions {
            let cells = report.cells.filter { $0.region == region.region }
            let batches: [RecordedAudit.Batch]
            switch method {
            case .batchComparison:
                batches = cells.compactMap { cell in
                    (cell.electronic ?? cell.paper).map { RecordedAudit.Batch(batch: cell.scope, ballots: $0.ballots, votes: $0.votes) }
                }
            case .ballotPolling:
                if let missing = cells.first(where: { $0.paper == nil }) {
                    throw ReferendumError.paper(cell: missing.scope, reason: "ballot polling samples the paper: this cell needs its protocol first")
                }
                batches = cells.map { RecordedAudit.Batch(batch: $0.scope, ballots: $0.paper!.ballots, votes: [:]) }
            }
            var contest = RecordedAudit.Contest(region: region.region, options: options,
                                                reported: .init(batch: "region/\(region.region)", ballots: region.reported.ballots, votes: region.reported.votes),
                                                batches: batches, rounds: [], status: .sampling)
            try Self.advance(&contest, seed: seed, method: method, riskLimit: riskLimit)
            contests.append(contest)
        }
        let audit = RecordedAudit(seed: seed, riskLimit: riskLimit, method: method, startedAt: clock.now(), contests: contests)
        try await store.transition(from: .decrypted, to: .decrypted, at: audit.startedAt) { [audit] setup in
            setup.paper = setup.paper ?? PaperState()
            setup.paper!.audit = audit
        }
        return audit
    }

    /// Enters what the audit board counted for `region`'s current round; then the round's risk is
    /// measured and the audit stops, draws the next round (sized before it is drawn), or calls for
    /// a full hand count.
    /// - Throws: `paper` naming the region when it is not sampling, or the entry does not match the
    ///   round's sample (a batch missing, extra or counted before; a ticket missing or unknown; an
    ///   option unknown; a count out of shape). Nothing changes when it throws.
    @discardableResult
    public func enterAuditRound(region: String, _ entry: AuditEntry) async throws -> RecordedAudit.Contest {
        try await updateAudit(region: region) { audit, contest, now in
            guard contest.status == .sampling, let index = contest.rounds.indices.last, contest.rounds[index].decision == nil else {
                throw ReferendumError.paper(cell: region, reason: "no round waits for counts (the audit is \(contest.status.rawValue))")
            }
            var round = contest.rounds[index]
            switch (audit.method, entry) {
            case (.batchComparison, .batches(let counts)):
                let due = contest.batchesDue
                let given = counts.map(\.batch)
                guard Set(given) == Set(due), given.count == due.count else {
                    throw ReferendumError.paper(cell: region, reason: "round \(round.number) needs the hand counts of \(due.joined(separator: ", ")); got \(given.joined(separator: ", "))")
                }
                for count in counts { try Self.check(count, options: contest.options, region: region) }
                round.counted = counts.sorted { $0.batch < $1.batch }
            case (.ballotPolling, .ballots(let reads)):
                let due = Set(round.sample.map(\.ticket))
                guard Set(reads.keys) == due else {
                    throw ReferendumError.paper(cell: region, reason: "round \(round.number) needs the \(due.count) ballots drawn, by ticket; got \(reads.count) (\(Set(reads.keys).symmetricDifference(due).count) do not match)")
                }
                if let bad = reads.values.first(where: { !contest.options.contains($0) && $0 != "invalid" }) {
                    throw ReferendumError.paper(cell: region, reason: "\(bad) is neither an option nor \"invalid\"")
                }
                round.read = reads
            default:
                throw ReferendumError.paper(cell: region, reason: "a \(audit.method.rawValue) audit takes \(audit.method == .batchComparison ? "batch counts" : "ballot reads")")
            }
            round.enteredAt = now
            contest.rounds[index] = round
            try Self.advance(&contest, seed: audit.seed, method: audit.method, riskLimit: audit.riskLimit)
        }
    }

    /// Enters the full hand count of `region` when the audit called for one: every batch's count.
    /// The paper's outcome is recorded beside the reported one.
    @discardableResult
    public func enterHandCount(region: String, _ counts: [RecordedAudit.Batch]) async throws -> RecordedAudit.Contest {
        try await updateAudit(region: region) { _, contest, _ in
            guard contest.status == .fullHandCount else {
                throw ReferendumError.paper(cell: region, reason: "the audit did not call for a full hand count (it is \(contest.status.rawValue))")
            }
            let due = contest.batches.map(\.batch)
            guard Set(counts.map(\.batch)) == Set(due), counts.count == due.count else {
                throw ReferendumError.paper(cell: region, reason: "a full hand count covers every batch: \(due.joined(separator: ", "))")
            }
            for count in counts { try Self.check(count, options: contest.options, region: region) }
            let outcome = try AuditRounds.handCountOutcome(contest: try AuditMath.contest(contest),
                                                           votes: contest.options.map { option in counts.reduce(0) { $0 + ($1.votes[option] ?? 0) } },
                                                           ballots: counts.reduce(0) { $0 + $1.ballots })
            contest.handCount = counts.sorted { $0.batch < $1.batch }
            contest.handCountWinner = AuditMath.text(outcome)
            contest.status = .handCounted
        }
    }

    /// Applies `change` to `region`'s audit in one transaction (while decrypted).
    func updateAudit(region: String, _ change: (RecordedAudit, inout RecordedAudit.Contest, Date) throws -> Void) async throws -> RecordedAudit.Contest {
        let setup = try await setup()
        try Lifecycle.check(.audit, in: setup.state)
        guard var audit = setup.paper?.audit else { throw ReferendumError.paper(cell: region, reason: "no audit has started") }
        guard let index = audit.contests.firstIndex(where: { $0.region == region }) else {
            throw ReferendumError.paper(cell: region, reason: "no region \(region) in the audit")
        }
        let now = clock.now()
        do {
            try change(audit, &audit.contests[index], now)
        } catch let error as AuditError {
            throw ReferendumError.paper(cell: region, reason: "\(error)")
        }
        try await store.transition(from: .decrypted, to: .decrypted, at: now) { [audit] setup in setup.paper!.audit = audit }
        return audit.contests[index]
    }

    /// Records the decision after the entered rounds: stop, the next round drawn, or a full hand count.
    static func advance(_ contest: inout RecordedAudit.Contest, seed: String, method: RecordedAudit.Method, riskLimit: Double) throws {
        // A region where no one voted has no outcome to put at risk.
        guard contest.reported.votes.values.reduce(0, +) > 0 else {
            contest.status = .confirmed
            return
        }
        let decision: RoundDecision
        do {
            decision = try AuditMath.decide(contest, method: method, riskLimit: riskLimit)
        } catch let error as AuditError {
            // A tie, or a contest without votes, cannot be sampled: only counting every batch settles it.
            if case .notAuditable = error { contest.status = .fullHandCount; return }
            throw ReferendumError.paper(cell: contest.region, reason: "\(error)")
        }
        if let last = contest.rounds.indices.last {
            contest.rounds[last].risk = decision.measuredRisk
            contest.rounds[last].decision = AuditMath.text(decision.next)
        }
        switch decision.next {
        case .stop: contest.status = .confirmed
        case .fullHandCount: contest.status = .fullHandCount
        case .sample(let size):
            let drawn = contest.rounds.reduce(0) { $0 + $1.size }
            let sample = try AuditMath.draw(seed: seed, method: method, contest, count: size, alreadyDrawn: drawn)
            contest.rounds.append(.init(number: contest.rounds.count + 1, size: size, sample: sample))
        }
    }

    static func check(_ count: RecordedAudit.Batch, options: [String], region: String) throws {
        guard Set(count.votes.keys) == Set(options) else {
            throw ReferendumError.paper(cell: count.batch, reason: "a count names every option: \(options.joined(separator: ", "))")
        }
        let values = [count.ballots] + Array(count.votes.values)
        guard values.allSatisfy({ (0...StationProtocol.maximumCount).contains($0) }), count.votes.values.reduce(0, +) <= count.ballots else {
            throw ReferendumError.paper(cell: count.batch, reason: "counts from 0 to \(StationProtocol.maximumCount), votes at most the ballots")
        }
    }
}
