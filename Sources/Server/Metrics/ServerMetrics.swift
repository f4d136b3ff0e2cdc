import Foundation
import CoreMetrics
import Metrics
import NIOConcurrencyHelpers
import Prometheus

/// The server's metrics, through swift-metrics into a Prometheus registry of its own (not the
/// process-wide bootstrap, so that several servers in one test process keep separate counts).
///
/// - `plebiscite_ballots_cast_total{channel}`, `plebiscite_ballots_challenged_total`
/// - `plebiscite_ballots_rejected_total{reason}`: check-ins, encryptions and decisions refused
/// - `plebiscite_ballot_step_duration_seconds{step}`: check-in, encrypt, cast, challenge
/// - `plebiscite_http_request_duration_seconds{route,method,status}`
/// - `plebiscite_booth_sessions`: voter sessions open in this process
public final class ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory
    private let counters = NIOLockedValueBox([String: CoreMetrics.Counter]())
    private let timers = NIOLockedValueBox([String: CoreMetrics.Timer]())
    let sessions: CoreMetrics.Gauge

    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20), .milliseconds(50),
            .milliseconds(100), .milliseconds(200), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5),
        ]
        self.factory = factory
        sessions = CoreMetrics.Gauge(label: "plebiscite_booth_sessions", factory: factory)
    }

    /// A ballot cast.
    func cast(channel: String) { counter("plebiscite_ballots_cast_total", [("channel", channel)]).increment() }

    /// A ballot challenged.
    func challenged() { counter("plebiscite_ballots_challenged_total", []).increment() }

    /// A step of casting refused, by reason (`outside-window`, `unknown-credential`, ...).
    func rejected(_ reason: String) { counter("plebiscite_ballots_rejected_total", [("reason", reason)]).increment() }

    /// How long a casting step took.
    func step(_ step: String, since start: ContinuousClock.Instant) {
        timer("plebiscite_ballot_step_duration_seconds", [("step", step)]).record(duration: ContinuousClock.now - start)
    }

    /// How long a request took.
    func request(route: String, method: String, status: Int, duration: Duration) {
        timer("plebiscite_http_request_duration_seconds", [("route", route), ("method", method), ("status", String(status))])
            .record(duration: duration)
    }

    /// The Prometheus text exposition.
    public func exposition() -> [UInt8] { registry.emitToBuffer() }

    private func counter(_ label: String, _ dimensions: [(String, String)]) -> CoreMetrics.Counter {
        let key = label + dimensions.map { "|\($0.0)=\($0.1)" }.joined()
        return counters.withLockedValue { counters in
            if let counter = counters[key] { return counter }
            let counter = CoreMetrics.Counter(label: label, dimensions: dimensions, factory: factory)
            counters[key] = counter
            return counter
        }
    }

    private func timer(_ label: String, _ dimensions: [(String, String)]) -> CoreMetrics.Timer {
        let key = label + dimensions.map { "|\($0.0)=\($0.1)" }.joined()
        return timers.withLockedValue { timers in
            if let timer = timers[key] { return timer }
            let timer = CoreMetrics.Timer(label: label, dimensions: dimensions, factory: factory)
            timers[key] = timer
            return timer
        }
    }
}

extension CoreMetrics.Timer {
    func record(duration: Duration) {
        let (seconds, attoseconds) = duration.components
        recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
