import Foundation

/// A progress bar on standard error: one line redrawn at most five times a second on a terminal,
/// a plain line per tenth of the work otherwise (logs, CI).
final class ProgressBar: @unchecked Sendable {
    // @unchecked: the mutable state is only touched under `lock`.
    private let lock = NSLock()
    private let label: String
    private let enabled: Bool
    private let terminal = isatty(FileHandle.standardError.fileDescriptor) != 0
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var lastTenth = -1

    init(label: String, enabled: Bool) {
        self.label = label
        self.enabled = enabled
    }

    func update(_ done: Int, of total: Int) {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            let rate = Int(Double(done) / max(now.timeIntervalSince(start), 0.001))
            if terminal {
                guard done == total || now.timeIntervalSince(lastDraw) >= 0.2 else { return }
                lastDraw = now
                let width = 30
                let filled = total > 0 ? width * done / total : width
                let bar = String(repeating: "█", count: filled) + String(repeating: " ", count: width - filled)
                FileHandle.standardError.write(Data("\r\(label) ▕\(bar)▏ \(done)/\(total) ballots  \(rate)/s ".utf8))
            } else {
                let tenth = total > 0 ? 10 * done / total : 10
                guard tenth > lastTenth else { return }
                lastTenth = tenth
                FileHandle.standardError.write(Data("\(label): \(done)/\(total) ballots, \(rate)/s\n".utf8))
            }
        }
    }

    func finish() {
        guard enabled, terminal else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
