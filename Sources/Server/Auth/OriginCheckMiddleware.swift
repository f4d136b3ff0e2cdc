import HTTPTypes
import Hummingbird

/// Refuses (403) a state-changing request that a browser says came from another site: an `Origin`
/// that is not this server's own host, or `Sec-Fetch-Site: cross-site`. The pages' cookies are
/// already SameSite=Strict; this is the second lock on the form posts. Clients other than browsers
/// (devices, scripts, curl) send neither header and are not affected.
struct OriginCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method != .get, request.method != .head, request.method != .options {
            if request.headers[HTTPField.Name("Sec-Fetch-Site")!] == "cross-site" {
                throw APIError(.forbidden, "a request from another site may not change anything here", reason: "cross-site")
            }
            if let origin = request.headers[.origin], !Self.isSameOrigin(origin, host: request.head.authority) {
                throw APIError(.forbidden, "a request from another site (Origin \(origin.prefix(100))) may not change anything here",
                               reason: "cross-site")
            }
        }
        return try await next(request, context)
    }

    /// Whether `origin` (`scheme://host[:port]`) names `host` (the request's `Host`, `host[:port]`).
    static func isSameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, !host.isEmpty else { return false }
        guard let separator = origin.range(of: "://") else { return false }
        let authority = origin[separator.upperBound...]
        return authority.lowercased() == host.lowercased()
    }
}
