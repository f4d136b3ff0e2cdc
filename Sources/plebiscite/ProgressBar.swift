import Foundation

/// A one-line progress bar on standard error, redrawn at most five times a second.
final class ProgressBar: @unchecked Sendable {
    // @unchecked: the mutable state is only touched under `lock`.
    private let lock = NSLock()
    private let label: String
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast

    init(label: String, enabled: Bool) {
        self.label = label
        self.enabled = enabled
    }

    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            guard done == total || now.timeIntervalSince(lastDraw) >= 0.2 else { return }
            lastDraw = now
            let width = 30
            let filled = total > 0 ? width * done / total : width
            let rate = Double(done) / max(now.timeIntervalSince(start), 0.001)
            let bar = String(repeating: "█", count: filled) + String(repeating: " ", count: width - filled)
            FileHandle.standardError.write(Data("\r\(label) ▕\(bar)▏ \(done)/\(total) ballots  \(Int(rate))/s ".utf8))
        }
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
