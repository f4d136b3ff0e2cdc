import NIOConcurrencyHelpers

/// A value that is expensive to compute and that anyone may ask for: computed by one request at a
/// time (the others wait for that computation instead of starting their own), then kept for
/// `maximumAge` or until `invalidate()`. What a public request triggers stays cheap however many
/// send it.
final class SharedValue<Value: Sendable>: Sendable {
    private struct State {
        var value: Value?
        var at = ContinuousClock.now
        var key: String?
        var running: (key: String?, task: Task<Value, any Error>)?
        var generation = 0
    }

    private enum Step { case value(Value), wait(Task<Value, any Error>, generation: Int) }

    private let state = NIOLockedValueBox(State())
    let maximumAge: Duration

    init(maximumAge: Duration) { self.maximumAge = maximumAge }

    /// The kept value for `key` if it is young enough, else the one being computed for `key`, else a
    /// new computation with `load`.
    func get(key: String? = nil, _ load: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let step = state.withLockedValue { state -> Step in
            if let value = state.value, state.key == key, ContinuousClock.now - state.at < maximumAge { return .value(value) }
            if let running = state.running, running.key == key { return .wait(running.task, generation: state.generation) }
            let task = Task { try await load() }
            state.running = (key, task)
            return .wait(task, generation: state.generation)
        }
        switch step {
        case .value(let value): return value
        case .wait(let task, let generation):
            do {
                let value = try await task.value
                state.withLockedValue { state in
                    guard state.running?.task == task else { return }
                    state.running = nil
                    // A value computed before an invalidation is answered, not kept.
                    guard state.generation == generation else { return }
                    (state.value, state.at, state.key) = (value, .now, key)
                }
                return value
            } catch {
                state.withLockedValue { state in if state.running?.task == task { state.running = nil } }
                throw error
            }
        }
    }

    /// Forgets the kept value (after a change made in this process).
    func invalidate() {
        state.withLockedValue { state in
            state.value = nil
            state.running = nil
            state.generation += 1
        }
    }
}
