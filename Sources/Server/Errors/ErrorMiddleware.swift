import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

/// Turns every error of the API into an `APIError` response, and logs the unexpected ones (with
/// their details, which the client does not see).
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPParserError {
            // The request is broken below HTTP's level (a body shorter than its Content-Length when the
            // client half-closes): Hummingbird answers 400 and closes the connection.
            throw error
        } catch let error as IOError {
            // The client went away in the middle of its body: there is no one to answer.
            throw error
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
