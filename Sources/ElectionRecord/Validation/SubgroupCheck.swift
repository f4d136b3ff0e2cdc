import ElectionGuard
import Foundation

/// How a read checks that the record's numbers mod p lie in the order-q subgroup Z_p^r
/// (x^q mod p = 1, one 4096-bit exponentiation: about 1 ms each).
///
/// Every element is checked one way or the other: `.each` checks it while decoding; `.deferred` checks
/// its hex, width and range (1 ≤ x < p) while decoding and hands it to a collector, whose owner must
/// check every collected element (a verifier does it in batches) before trusting anything built on it.
public enum SubgroupCheck: Sendable, Hashable {
    /// Check each element as it is decoded; a failure throws `invalidValue(.notInSubgroup)`.
    case each
    /// Check only hex, width and range now; record every element in the collector for a later check.
    case deferred(DeferredSubgroupChecks)
}

/// The elements mod p a `.deferred` read has decoded without their subgroup check, with the field each
/// came from. Whoever reads with `.deferred` owns this list and must check all of it.
///
/// `@unchecked Sendable`: the list is only touched under `lock`, so several reads may share one collector.
public final class DeferredSubgroupChecks: @unchecked Sendable, Hashable {
    /// One element still to be checked and where it came from.
    public struct Entry: Sendable {
        /// The element, known to be in 1..<p.
        public let element: ElementModP
        /// Its file and field, for the message when it is not in the subgroup.
        public let field: RecordField
    }

    private let lock = NSLock()
    private var entries = [Entry]()

    /// An empty collector.
    public init() {}

    /// Records `element`, read at `field`, for a later check.
    public func append(_ element: ElementModP, at field: RecordField) {
        lock.withLock { entries.append(Entry(element: element, field: field)) }
    }

    /// How many elements wait for their check.
    public var count: Int { lock.withLock { entries.count } }

    /// Every element collected so far, in the order read; the collector is empty afterwards.
    public func drain() -> [Entry] {
        lock.withLock {
            let drained = entries
            entries = []
            return drained
        }
    }

    /// Collectors are equal only to themselves.
    public static func == (a: DeferredSubgroupChecks, b: DeferredSubgroupChecks) -> Bool { a === b }

    /// Hashes the identity.
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
