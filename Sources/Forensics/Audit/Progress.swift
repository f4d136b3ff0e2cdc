/// Receives progress of long computations (the command line prints it on standard error).
public protocol ProgressReporter: Sendable {
    /// `fraction` of `stage` is done (0…1).
    func report(stage: String, fraction: Double)
}

/// Progress that goes nowhere.
public struct SilentProgress: ProgressReporter {
    /// Creates a silent reporter.
    public init() {}

    /// Does nothing.
    public func report(stage: String, fraction: Double) {}
}

/// Runs `work(chunk)` for `chunks` chunks on the cooperative thread pool and returns the results in
/// chunk order, reporting progress in steps of 10%.
func parallelChunks<T: Sendable>(
    _ chunks: Int, stage: String, progress: any ProgressReporter,
    _ work: @escaping @Sendable (Int) -> T
) async -> [T] {
    await withTaskGroup(of: (Int, T).self) { group in
        for chunk in 0..<chunks {
            group.addTask { (chunk, work(chunk)) }
        }
        var results = [T?](repeating: nil, count: chunks)
        var done = 0
        for await (chunk, value) in group {
            results[chunk] = value
            done += 1
            if (10 * done) / chunks != (10 * (done - 1)) / chunks {
                progress.report(stage: stage, fraction: Double(done) / Double(chunks))
            }
        }
        return results.map { $0! }
    }
}
