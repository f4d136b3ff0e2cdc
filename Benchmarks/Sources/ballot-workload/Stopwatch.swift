import Foundation

/// Wall-clock and CPU time of a piece of work. On a shared machine the wall clock also counts time the
/// process waited for the core; the CPU time counts only what it ran.
struct Stopwatch {
    var wallSeconds = 0.0
    var cpuSeconds = 0.0

    /// Runs `body` and returns its times.
    static func time(_ body: () throws -> Void) rethrows -> Stopwatch {
        let clock = ContinuousClock()
        let cpuStart = processCPUSeconds()
        let wall = try clock.measure(body)
        let cpu = processCPUSeconds() - cpuStart
        return Stopwatch(wallSeconds: Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18,
                         cpuSeconds: cpu)
    }

    /// Milliseconds per item, wall-clock and CPU, to the microsecond.
    func millisecondsPer(_ count: Int) -> (wall: Double, cpu: Double) {
        ((1000 * wallSeconds / Double(count)).rounded(places: 3), (1000 * cpuSeconds / Double(count)).rounded(places: 3))
    }

    private static func processCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}

extension Double {
    func rounded(places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}
