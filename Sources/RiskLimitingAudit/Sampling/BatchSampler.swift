import Crypto

/// One draw of the PPEB batch sampler.
public struct SampledBatch: Sendable, Codable, Hashable {
    /// The draw's number in the whole audit, from 1 (round 2 continues the numbering).
    public let draw: Int
    /// The batch drawn.
    public let batch: String
}

/// Draws batches with probability proportional to their error bound (PPEB; Aslam, Popa and
/// Rivest 2008, applied to batches by Stark 2008), with replacement.
///
/// Arlo draws these with NumPy's generator seeded from the seed's SHA-256; a NumPy stream is not
/// something an outside verifier should have to reimplement, so this sampler hashes each draw:
/// - `seedHash` = `TicketNumber.sha256Hex(seed)` (lowercase hex, 64 characters);
/// - draw k (k = 1, 2, …) hashes the UTF-8 bytes of `seedHash + ",ppeb," + String(k)` with SHA-256;
///   x_k = (the first 8 bytes as a big-endian UInt64 >> 11) · 2⁻⁵³, a double in [0, 1);
/// - the weights are the error bounds w_i (IEEE-754 doubles, each the quotient of two integers as
///   `MacroAudit` computes them), summed left to right in the batches' order into the
///   cumulative sums C_i, and W = C_last;
/// - the draw is the first batch with C_i > x_k · W (if rounding leaves none, the last batch with a
///   positive weight).
/// Every operation is one correctly rounded IEEE-754 double operation, so any language redraws it.
public struct BatchSampler: Sendable {
    /// The public seed, hashed as its UTF-8 bytes.
    public let seed: String
    /// Batch names and weights, in order.
    public let weights: [(batch: String, weight: Double)]

    /// A sampler over explicit weights.
    /// - Throws: `AuditError.invalidInput` for an empty or over-long `seed`, a negative or
    ///   non-finite `weights[i]`, or no positive weight.
    public init(seed: String, weights: [(batch: String, weight: Double)]) throws {
        guard !seed.isEmpty, seed.utf8.count <= 1_000 else {
            throw AuditError.invalidInput(field: "seed", reason: "must be 1 to 1000 bytes")
        }
        for (i, entry) in weights.enumerated() {
            guard entry.weight.isFinite, entry.weight >= 0 else {
                throw AuditError.invalidInput(field: "weights[\(i)]", reason: "\(entry.weight) is not a finite non-negative number")
            }
        }
        guard weights.contains(where: { $0.weight > 0 }) else {
            throw AuditError.invalidInput(field: "weights", reason: "no batch has a positive weight")
        }
        self.seed = seed
        self.weights = weights
    }

    /// A sampler over a contest's batches weighted by their MACRO error bounds.
    /// - Throws: as `init(seed:weights:)`, and `AuditError.notAuditable` for a tie.
    public init(seed: String, results: BatchResults) throws {
        try self.init(seed: seed, audit: MacroAudit(contests: [results]))
    }

    /// A sampler over the batches of contests audited together, in `audit.batches` order,
    /// weighted by their across-contest error bounds.
    /// - Throws: as `init(seed:weights:)`.
    public init(seed: String, audit: MacroAudit) throws {
        try self.init(seed: seed, weights: zip(audit.batches, audit.errorBounds).map { ($0, $1) })
    }

    /// Draws `alreadyDrawn + 1` … `alreadyDrawn + count`.
    /// - Throws: `AuditError.invalidInput` for a negative `count` or `alreadyDrawn`.
    public func draw(count: Int, alreadyDrawn: Int = 0) throws -> [SampledBatch] {
        guard count >= 0 else { throw AuditError.invalidInput(field: "count", reason: "\(count) is negative") }
        guard alreadyDrawn >= 0, alreadyDrawn <= Int.max - count else {
            throw AuditError.invalidInput(field: "alreadyDrawn", reason: "\(alreadyDrawn) is out of range")
        }
        var cumulative = [Double]()
        var sum = 0.0
        for entry in weights {
            sum += entry.weight
            cumulative.append(sum)
        }
        let seedHash = TicketNumber.sha256Hex(seed)
        return (0..<count).map { i in
            let k = alreadyDrawn + i + 1
            let target = Self.uniform(seedHash: seedHash, draw: k) * sum
            let index = cumulative.firstIndex { $0 > target } ?? weights.lastIndex { $0.weight > 0 }!
            return SampledBatch(draw: k, batch: weights[index].batch)
        }
    }

    /// x_k in [0, 1) for draw `k`.
    static func uniform(seedHash: String, draw k: Int) -> Double {
        let digest = Array(SHA256.hash(data: Array((seedHash + ",ppeb," + String(k)).utf8)))
        let bits = digest[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } >> 11
        return Double(bits) * 0x1p-53
    }
}
