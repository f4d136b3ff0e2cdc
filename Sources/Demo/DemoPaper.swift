import ElectionRecord
import Foundation
import Referendum

/// The paper half of the demo: every cast ballot's paper slip goes into its station's box, the
/// commissions count the boxes into protocols, and the audit board counts what the risk-limiting
/// audit draws. One station's devices can be made to lie: they record one option (`lieFor`, by
/// default the first) for every voter while the slips print the voter's own choice, which is what
/// the paper is there to catch.
/// Slips go into the box in envelopes; before counting, each commission sets aside unopened the
/// envelopes of ballots a revote superseded, so its paper holds exactly the counted ballots.
public struct DemoPaper: Sendable {
    /// The station whose devices lie, if any.
    public var lyingStation: String?
    /// The option the lying station's devices record for everyone; nil for the first option.
    public var lieFor: String?
    /// The audit's public seed.
    public var seed: String
    public var riskLimit: Double
    public var method: RecordedAudit.Method

    public init(lyingStation: String? = nil, lieFor: String? = nil, seed: String = "38461029573810294756", riskLimit: Double = 0.05,
                method: RecordedAudit.Method = .batchComparison) {
        self.lyingStation = lyingStation
        self.lieFor = lieFor
        self.seed = seed
        self.riskLimit = riskLimit
        self.method = method
    }

    /// What a device records for a voter at `station` choosing `choice`.
    func recorded(_ choice: String, at station: String, _ definition: ReferendumDefinition) -> String {
        definition.tallyStation(of: station) == lyingStation ? (lieFor ?? definition.options[0].id) : choice
    }

    /// A slip in a box: the tally station (a mobile box's parent), the region, the voter's choice.
    struct Sheet: Sendable, Hashable {
        let ballotId: String
        let station: String
        let region: String
        let choice: String
        let mobile: Bool
    }

    /// The commissions' protocols: each station's envelopes found, those of superseded ballots set
    /// aside, the rest opened and counted, with 50 blank papers left over.
    static func protocols(_ sheets: [Sheet], superseded: Set<String>, options: [String]) -> [ProtocolEntry] {
        Dictionary(grouping: sheets) { "\($0.station)\n\($0.region)" }.values.map { box in
            let found = box.count, mobile = box.filter(\.mobile).count
            let opened = box.filter { !superseded.contains($0.ballotId) }
            return ProtocolEntry(station: box[0].station, region: box[0].region, received: found + 50, issued: found, spoiled: 0, unused: 50,
                                 stationary: found - mobile, mobile: mobile, found: found, setAside: found - opened.count,
                                 votes: Dictionary(uniqueKeysWithValues: options.map { option in (option, opened.filter { $0.choice == option }.count) }),
                                 invalid: 0, signedBy: ["Chair of \(box[0].station)", "Secretary of \(box[0].station)"])
        }.sorted { ($0.station, $0.region) < ($1.station, $1.region) }
    }

    /// Runs the audit to its end: the board counts what each round draws (from `sheets`), and a
    /// region that escalates to a full hand count is counted whole.
    static func audit(_ engine: ReferendumEngine, _ paper: DemoPaper, sheets: [Sheet]) async throws -> RecordedAudit {
        let setup = try await engine.setup()
        let definition = setup.definition
        let merge = setup.count?.merge ?? SmallCellMerge(counts: [:], threshold: 1)
        let options = definition.options.map(\.id)
        let superseded = Set(setup.count?.resolution.supersededBy.keys.map { $0 } ?? [])
        var byBatch = [String: [Sheet]]()
        for sheet in sheets where !superseded.contains(sheet.ballotId) { byBatch[merge.scope(station: sheet.station, region: sheet.region).key, default: []].append(sheet) }
        func count(_ batch: String) -> RecordedAudit.Batch {
            let box = byBatch[batch] ?? []
            return .init(batch: batch, ballots: box.count, votes: Dictionary(uniqueKeysWithValues: options.map { o in (o, box.filter { $0.choice == o }.count) }))
        }
        var audit = try await engine.startAudit(seed: paper.seed, riskLimit: paper.riskLimit, method: paper.method)
        while let contest = audit.contests.first(where: { $0.status == .sampling || $0.status == .fullHandCount }) {
            if contest.status == .fullHandCount {
                _ = try await engine.enterHandCount(region: contest.region, contest.batches.map { count($0.batch) })
            } else {
                let round = contest.rounds.last!
                switch paper.method {
                case .batchComparison:
                    _ = try await engine.enterAuditRound(region: contest.region, .batches(contest.batchesDue.map(count)))
                case .ballotPolling:
                    // The board takes the position-th sheet of the batch's stack, in the order they were counted.
                    let reads = Dictionary(uniqueKeysWithValues: round.sample.map { draw in
                        (draw.ticket, byBatch[draw.batch].map { $0[(draw.position ?? 1) - 1].choice } ?? "invalid")
                    })
                    _ = try await engine.enterAuditRound(region: contest.region, .ballots(reads))
                }
            }
            audit = try await engine.setup().paper!.audit!
        }
        return audit
    }
}
