import Foundation

/// `referendum/audit.json`: the risk-limiting audit of each region's reported result against the
/// paper (docs/referendum-record.md, "Audit"). It holds everything a verifier needs to redraw every
/// sample from the public seed and recompute every round's risk: the method and risk limit, what
/// each batch reported, each round's size and sample, and what the audit board counted.
public struct RecordedAudit: Codable, Sendable, Hashable {
    /// How the paper is compared with the reported result.
    public enum Method: String, Codable, Sendable, Hashable, CaseIterable {
        /// Stations (cells) are batches: the board hand-counts sampled batches, compared with what
        /// they reported (MACRO, drawn with probability proportional to each batch's error bound).
        case batchComparison = "batch-comparison"
        /// The board reads sampled paper ballots one by one (BRAVO, drawn without replacement).
        case ballotPolling = "ballot-polling"
    }

    /// Where a region's audit stands.
    public enum Status: String, Codable, Sendable, Hashable {
        /// A round's sample waits for the board's counts.
        case sampling
        /// The risk limit was met: the reported outcome stands.
        case confirmed
        /// The limit was not met in time: every batch must be counted by hand.
        case fullHandCount = "full-hand-count"
        /// Every batch was counted by hand; `handCount` is the result.
        case handCounted = "hand-counted"
    }

    /// The public seed (for example 20 dice digits rolled at a public meeting).
    public let seed: String
    /// The risk limit, in (0, 1).
    public let riskLimit: Double
    public let method: Method
    public let startedAt: Date
    /// One per region, in the definition's order.
    public var contests: [Contest]

    enum CodingKeys: String, CodingKey { case seed, method, contests, riskLimit = "risk_limit", startedAt = "started_at" }

    public init(seed: String, riskLimit: Double, method: Method, startedAt: Date, contests: [Contest]) {
        self.seed = seed; self.riskLimit = riskLimit; self.method = method; self.startedAt = startedAt; self.contests = contests
    }

    /// A count of one batch (a cell of protocols.json): ballots and votes per option.
    public struct Batch: Codable, Sendable, Hashable {
        /// The cell's scope, e.g. "station/A-1/alpha", "remainder/alpha", "paper/EXT/beta".
        public let batch: String
        public let ballots: Int
        public let votes: [String: Int]
        public init(batch: String, ballots: Int, votes: [String: Int]) { self.batch = batch; self.ballots = ballots; self.votes = votes }
    }

    /// One drawn item: a batch (batch comparison) or a ballot at a position in a batch (ballot polling).
    public struct Draw: Codable, Sendable, Hashable {
        /// The sampler's ticket number (ballot polling) or draw number (batch comparison).
        public let ticket: String
        public let batch: String
        /// 1-based position of the ballot in its batch; nil for a batch draw.
        public let position: Int?
        public init(ticket: String, batch: String, position: Int?) { self.ticket = ticket; self.batch = batch; self.position = position }
    }

    /// One round: its size, fixed before its sample was drawn, the sample, and what the board entered.
    public struct Round: Codable, Sendable, Hashable {
        public let number: Int
        public let size: Int
        public let sample: [Draw]
        /// Batch comparison: the hand count of each distinct batch drawn in this round.
        public var counted: [Batch]?
        /// Ballot polling: the option read on each drawn ballot, by ticket ("invalid" for none).
        public var read: [String: String]?
        /// The measured risk after this round (nil until its counts are entered).
        public var risk: Double?
        /// "stop", "sample <n>" or "full-hand-count" (nil until its counts are entered).
        public var decision: String?
        public var enteredAt: Date?

        enum CodingKeys: String, CodingKey { case number, size, sample, counted, read, risk, decision, enteredAt = "entered_at" }

        public init(number: Int, size: Int, sample: [Draw], counted: [Batch]? = nil, read: [String: String]? = nil,
                    risk: Double? = nil, decision: String? = nil, enteredAt: Date? = nil) {
            self.number = number; self.size = size; self.sample = sample; self.counted = counted; self.read = read
            self.risk = risk; self.decision = decision; self.enteredAt = enteredAt
        }
    }

    /// One region's audit.
    public struct Contest: Codable, Sendable, Hashable {
        public let region: String
        /// Option ids, in the definition's order.
        public let options: [String]
        /// The reported result (protocols.json's `regions[].reported`).
        public let reported: Batch
        /// Batch comparison: what each batch reported. Ballot polling: the paper manifest, each
        /// batch's ballots found (votes empty).
        public let batches: [Batch]
        public var rounds: [Round]
        public var status: Status
        /// After a full hand count: every batch's count.
        public var handCount: [Batch]?
        /// After a full hand count: the outcome by the paper ("yes", "no", or "tie").
        public var handCountWinner: String?

        enum CodingKeys: String, CodingKey {
            case region, options, reported, batches, rounds, status
            case handCount = "hand_count", handCountWinner = "hand_count_winner"
        }

        public init(region: String, options: [String], reported: Batch, batches: [Batch], rounds: [Round], status: Status,
                    handCount: [Batch]? = nil, handCountWinner: String? = nil) {
            self.region = region; self.options = options; self.reported = reported; self.batches = batches
            self.rounds = rounds; self.status = status; self.handCount = handCount; self.handCountWinner = handCountWinner
        }
    }
}
