import Hummingbird
import Logging

/// Times every request by route (the route's pattern, never its values: no confirmation code or
/// session id lands in a label or a log line) and logs it at debug level.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let duration = ContinuousClock.now - start
        let route = context.endpointPath ?? "unmatched"
        metrics.request(route: route, method: request.method.rawValue, status: response.status.code, duration: duration)
        context.logger.debug("request", metadata: [
            "method": "\(request.method)", "route": "\(route)", "status": "\(response.status.code)",
            "ms": "\(Double(duration.components.attoseconds / 1_000_000_000_000) / 1000 + Double(duration.components.seconds) * 1000)",
        ])
        return response
    }
}
