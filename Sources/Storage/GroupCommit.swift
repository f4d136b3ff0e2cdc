import NIOConcurrencyHelpers

/// Group commit: writes that arrive while a transaction is committing wait, and then go together
/// into the next transaction. One fsync then acknowledges a whole batch of ballots instead of one,
/// while each caller still returns only after the transaction holding its write has committed.
///
/// A write is a `Body` (the store's code to run inside the transaction, which isolates itself in a
/// savepoint so that its failure fails only its caller) and a `fail` callback for when the batch's
/// transaction as a whole fails. The store's `commit` runs the bodies of a batch in one
/// transaction and returns, per write, what to do once it has committed.
///
/// The queue is small hot state behind a lock rather than an actor: a write then costs no hop to
/// an actor's executor and back, which on two cores ate what the shared fsync saved.
final class GroupCommit<Body: Sendable>: Sendable {
    /// One caller's write, waiting for its batch.
    struct Write: Sendable {
        let body: Body
        /// Called instead of the body's completion when the batch's transaction fails.
        let fail: @Sendable (any Error) -> Void
    }

    /// Runs a batch in one transaction; returns each write's completion, to call after the commit.
    typealias Commit = @Sendable ([Write]) async throws -> [@Sendable () -> Void]

    private struct Queue {
        var waiting = [Write]()
        var draining = false
    }

    private let commit: Commit
    private let maximumBatch: Int
    private let queue = NIOLockedValueBox(Queue())

    /// - Parameter maximumBatch: the most writes in one transaction, so a burst cannot make one
    ///   transaction (and its locks) arbitrarily long.
    init(maximumBatch: Int = 256, commit: @escaping Commit) {
        self.commit = commit
        self.maximumBatch = maximumBatch
    }

    /// Queues a write made from the caller's continuation and returns when its batch is done.
    func perform<T: Sendable>(_ makeWrite: (CheckedContinuation<T, any Error>) -> Write) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let write = makeWrite(continuation)
            let startDraining = queue.withLockedValue { queue in
                queue.waiting.append(write)
                defer { queue.draining = true }
                return !queue.draining
            }
            if startDraining { Task { await drain() } }
        }
    }

    /// Commits batches until none is waiting.
    private func drain() async {
        while let batch = nextBatch() {
            do {
                for complete in try await commit(batch) { complete() }
            } catch {
                for write in batch { write.fail(error) }
            }
        }
    }

    /// Takes the next batch, or ends the draining when nothing waits.
    private func nextBatch() -> [Write]? {
        queue.withLockedValue { queue in
            guard !queue.waiting.isEmpty else {
                queue.draining = false
                return nil
            }
            let batch = Array(queue.waiting.prefix(maximumBatch))
            queue.waiting.removeFirst(batch.count)
            return batch
        }
    }
}
