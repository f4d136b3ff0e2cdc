import ElectionGuard
import ElectionRecord

/// What the later checks need to know of one ballot after its own checks.
struct BallotSummary: Sendable {
    let ordinal: Int
    let file: BallotFile
    let chainPosition: Int?
    /// From the file's JSON when it parses (even if a number in it is bad).
    var ballotId: String?
    var state: String?
    var confirmationCode: UInt256?
    var codeBaux: [UInt8]?
    var contestIds: [String] = []
    /// Seconds since 1970, when the ballot was encrypted.
    var timestamp: Int?
    /// True when the whole ballot was read and converted.
    var decoded = false
}

/// Products of ciphertexts keyed by text, multiplied as ballots are added.
struct CiphertextSums: Sendable {
    private(set) var sums = [String: ElGamalCiphertext]()
    private(set) var counts = [String: Int]()

    /// Takes `ciphertext` as the product of `count` ciphertexts under `key` (a shard's product).
    mutating func insert(_ ciphertext: ElGamalCiphertext, count: Int, at key: String) {
        sums[key] = ciphertext
        counts[key] = count
    }

    mutating func add(_ ciphertext: ElGamalCiphertext, to key: String) {
        if let current = sums[key] { sums[key] = AggregationEquations.product(current, ciphertext) } else { sums[key] = ciphertext }
        counts[key, default: 0] += 1
    }

    mutating func merge(_ other: CiphertextSums) {
        for (key, value) in other.sums {
            if let current = sums[key] { sums[key] = AggregationEquations.product(current, value) } else { sums[key] = value }
        }
        for (key, count) in other.counts { counts[key, default: 0] += count }
    }

    subscript(key: String) -> ElGamalCiphertext? { sums[key] }

    /// The key of a selection of a contest, optionally within a group (a station's count).
    static func key(_ parts: String...) -> String { parts.joined(separator: "\u{1F}") }
}

/// What a unit of ballots (or the whole pass) produced.
struct BallotPassResult: Sendable {
    var ledger = CheckLedger()
    var summaries = [BallotSummary]()
    /// Per contest and selection, the product of the CAST ballots' ciphertexts.
    var aggregate = CiphertextSums()
    /// Per referendum group (a station's count of a region), contest and selection, the same product.
    var groups = CiphertextSums()
    /// Contests that appear on a CAST ballot.
    var castContests = Set<String>()
    /// One ballot's result only: its selections' ciphertexts if it is CAST, for `addCast`.
    var castSelections = [(contest: String, selection: String, ciphertext: ElGamalCiphertext)]()
    /// SPOILED ballots without a nonce, by id: their decryptions must match them (12.C).
    var spoiled = [String: EncryptedBallot]()
    var devices = 0
    var deviceListings = [DeviceListing]()
    var subgroupBatches = 0
    var subgroupBatchesFailed = 0

    /// Adds a single ballot's CAST ciphertexts to the aggregate, and to its station's count in `groupOfBallot`.
    mutating func addCast(of ballot: BallotPassResult, groupOfBallot: [String: String]) {
        guard !ballot.castSelections.isEmpty, let id = ballot.summaries.first?.ballotId else { return }
        let group = groupOfBallot[id]
        for (contest, selection, ciphertext) in ballot.castSelections {
            aggregate.add(ciphertext, to: CiphertextSums.key(contest, selection))
            if let group { groups.add(ciphertext, to: CiphertextSums.key(group, contest, selection)) }
        }
    }

    mutating func merge(_ other: BallotPassResult) {
        ledger.merge(other.ledger)
        summaries += other.summaries
        aggregate.merge(other.aggregate)
        groups.merge(other.groups)
        castContests.formUnion(other.castContests)
        spoiled.merge(other.spoiled) { first, _ in first }
        subgroupBatches += other.subgroupBatches
        subgroupBatchesFailed += other.subgroupBatchesFailed
    }
}
