/// One draw of the ballot sampler.
public struct SampledBallot: Sendable, Codable, Hashable {
    /// The ticket number trimmed to 18 digits after its leading 9s, as Arlo records it.
    public let ticket: String
    /// The ballot drawn.
    public let ballot: BallotPosition
    /// 1 the first time the ballot is drawn, 2 the second (only with replacement), …
    public let generation: Int
}

/// Draws ballots from a manifest with Rivest's consistent sampler, as Arlo's `draw_sample` does.
///
/// Every ballot gets the ticket `TicketNumber.first(idText: ballot.idText, seedHash: sha256Hex(seed))`
/// and ballots are drawn in increasing ticket order (string order of the full-precision tickets,
/// then the id text). With replacement, a drawn ballot goes back with its next ticket
/// (`TicketNumber.next(after:)`). Round 2 continues where round 1 stopped: `draw(count: n,
/// alreadyDrawn: k)` returns draws k+1…k+n of the same stream.
public struct BallotSampler: Sendable {
    /// The public seed (for instance 20 digits from dice), hashed as its UTF-8 bytes.
    public let seed: String
    /// What is sampled.
    public let manifest: BallotManifest
    /// Whether a ballot may be drawn more than once (Arlo's ballot polling draws with replacement).
    public let withReplacement: Bool

    /// The most draws one call may reach (`alreadyDrawn + count`): memory grows with it, not with
    /// the manifest; time grows with the manifest (one SHA-256 per ballot).
    public static let maximumDraws = 10_000_000

    /// A sampler.
    /// - Throws: `AuditError.invalidInput(field: "seed", ...)` for an empty seed or one over 1000 bytes.
    public init(seed: String, manifest: BallotManifest, withReplacement: Bool) throws {
        guard !seed.isEmpty, seed.utf8.count <= 1_000 else {
            throw AuditError.invalidInput(field: "seed", reason: "must be 1 to 1000 bytes")
        }
        self.seed = seed
        self.manifest = manifest
        self.withReplacement = withReplacement
    }

    /// Draws `alreadyDrawn + 1` … `alreadyDrawn + count` of the stream.
    /// - Throws: `AuditError.invalidInput` for a negative `count` or `alreadyDrawn`, more than
    ///   `maximumDraws` in all, or (without replacement) more draws than ballots.
    public func draw(count: Int, alreadyDrawn: Int = 0) throws -> [SampledBallot] {
        guard count >= 0 else { throw AuditError.invalidInput(field: "count", reason: "\(count) is negative") }
        guard alreadyDrawn >= 0 else {
            throw AuditError.invalidInput(field: "alreadyDrawn", reason: "\(alreadyDrawn) is negative")
        }
        let total = manifest.totalBallots
        if !withReplacement {
            guard alreadyDrawn <= total, count <= total - alreadyDrawn else {
                throw AuditError.invalidInput(
                    field: "count", reason: "\(alreadyDrawn) + \(count) draws without replacement from \(total) ballots")
            }
        } else if total == 0, count > 0 {
            throw AuditError.invalidInput(field: "manifest", reason: "has no ballots")
        }
        guard alreadyDrawn <= BallotSampler.maximumDraws, count <= BallotSampler.maximumDraws - alreadyDrawn else {
            throw AuditError.invalidInput(field: "count", reason: "more than \(BallotSampler.maximumDraws) draws in all")
        }
        guard count > 0 else { return [] }

        // Only the `alreadyDrawn + count` smallest first tickets can be drawn that many times:
        // the k-th draw's ticket is at most the k-th smallest first ticket, and later tickets of
        // an item are larger than its first. So keep just those, whatever the manifest's size.
        let keep = alreadyDrawn + count
        let seedHash = TicketNumber.sha256Hex(seed)
        var smallest = [TicketHeap.Entry]()
        smallest.reserveCapacity(min(keep, total) + 1)
        for batch in manifest.batches where batch.ballots > 0 {
            for position in 1...batch.ballots {
                let ballot = BallotPosition(batch: batch.name, position: position)
                let entry = TicketHeap.Entry(
                    number: TicketNumber.first(idText: ballot.idText, seedHash: seedHash),
                    idText: ballot.idText, ballot: ballot, generation: 1)
                if smallest.count == keep, let last = smallest.last, !entry.precedes(last) { continue }
                var low = 0, high = smallest.count
                while low < high {
                    let mid = (low + high) / 2
                    if smallest[mid].precedes(entry) { low = mid + 1 } else { high = mid }
                }
                smallest.insert(entry, at: low)
                if smallest.count > keep { smallest.removeLast() }
            }
        }
        var heap = TicketHeap()
        for entry in smallest { heap.push(entry) }
        var out = [SampledBallot]()
        out.reserveCapacity(count)
        var drawn = 0
        while drawn < alreadyDrawn + count, let ticket = heap.pop() {
            if withReplacement {
                heap.push(.init(number: TicketNumber.next(after: ticket.number), idText: ticket.idText,
                                ballot: ticket.ballot, generation: ticket.generation + 1))
            }
            drawn += 1
            if drawn > alreadyDrawn {
                out.append(SampledBallot(ticket: TicketNumber.trim(ticket.number), ballot: ticket.ballot,
                                         generation: ticket.generation))
            }
        }
        return out
    }
}

/// A binary min-heap of tickets in sampling order.
struct TicketHeap {
    struct Entry {
        let number: String
        let idText: String
        let ballot: BallotPosition
        let generation: Int

        func precedes(_ other: Entry) -> Bool {
            if number != other.number { return TicketNumber.precedes(number, other.number) }
            if idText != other.idText { return idText.utf8.lexicographicallyPrecedes(other.idText.utf8) }
            return generation < other.generation
        }
    }

    private var items: [Entry] = []

    mutating func push(_ entry: Entry) {
        items.append(entry)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].precedes(items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Entry? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count, items[left].precedes(items[smallest]) { smallest = left }
            if right < items.count, items[right].precedes(items[smallest]) { smallest = right }
            guard smallest != parent else { return top }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
