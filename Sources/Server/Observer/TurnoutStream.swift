import Foundation
import Hummingbird
import ServiceLifecycle

/// Live turnout as Server-Sent Events: an `event: turnout` with the snapshot as JSON whenever it
/// changes (checked every `interval`), a comment line as heartbeat otherwise. A stream ends when the
/// server shuts down gracefully, after `lifetime` (browsers' EventSource reconnects by itself), or
/// as soon as `stillAllowed` says no (the token was revoked or expired).
struct TurnoutStream {
    let cache: TurnoutCache
    var interval: Duration = .seconds(1)
    var lifetime: Duration = .seconds(600)
    var stillAllowed: @Sendable () async throws -> Bool = { true }

    func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        let (cache, interval, lifetime, stillAllowed) = (cache, interval, lifetime, stillAllowed)
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.sortedKeys]
            let end = ContinuousClock.now + lifetime
            var last: TurnoutSnapshot?
            var sinceSent = 0
            try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
            while !Task.isCancelled, !Task.isShuttingDownGracefully, ContinuousClock.now < end, try await stillAllowed() {
                let snapshot = try await cache.snapshot()
                if snapshot.ballots != last?.ballots || snapshot.state != last?.state || last == nil {
                    let json = String(decoding: try encoder.encode(snapshot), as: UTF8.self)
                    try await writer.write(ByteBuffer(string: "event: turnout\ndata: \(json)\n\n"))
                    last = snapshot
                    sinceSent = 0
                } else {
                    sinceSent += 1
                    if sinceSent % 15 == 0 { try await writer.write(ByteBuffer(string: ": still here\n\n")) }
                }
                try? await Task.sleep(for: interval)
            }
            try await writer.finish(nil)
        })
    }
}
