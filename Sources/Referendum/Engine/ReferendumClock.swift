import Foundation

/// Where the engine gets the time, so that tests and the demo can run a five-day vote in seconds.
public protocol ReferendumClock: Sendable {
    func now() -> Date
}

/// The machine's clock.
public struct SystemClock: ReferendumClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that shows whatever time it is set to.
public final class ManualClock: ReferendumClock, @unchecked Sendable {
    // @unchecked: the only state is `current`, guarded by `lock`.
    private let lock = NSLock()
    private var current: Date

    public init(_ date: Date) { current = date }

    public func now() -> Date { lock.withLock { current } }

    /// Sets the time.
    public func set(_ date: Date) { lock.withLock { current = date } }
}
