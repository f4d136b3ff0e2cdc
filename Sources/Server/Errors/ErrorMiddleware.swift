import Hummingbird
import Logging

/// Turns every error of the API into an `APIError` response, and logs the unexpected ones (with
/// their details, which the client does not see).
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let answer = APIError.from(error)
            if answer.status.code >= 500 {
                context.logger.error("request failed", metadata: ["route": "\(context.endpointPath ?? request.uri.path)",
                                                                   "error": "\(String(reflecting: type(of: error)))",
                                                                   "detail": "\(error)"])
            }
            return try answer.response(from: request, context: context)
        }
    }
}
