import ElectionGuard
import Foundation
import Hummingbird
import Referendum

/// An error the API answers with: a status and a message saying what is wrong. It renders itself
/// as `{"error": message, "status": code}` (Hummingbird's `HTTPResponseError`).
public struct APIError: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    public let status: HTTPResponse.Status
    public let message: String
    /// A short machine-readable reason (e.g. `outside-window`), for clients and the rejection metric.
    public let reason: String

    public init(_ status: HTTPResponse.Status, _ message: String, reason: String? = nil) {
        self.status = status
        self.message = message
        self.reason = reason ?? Self.defaultReason(status)
    }

    public var description: String { message }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONEncoder().encode(APIErrorBody(error: message, reason: reason, status: status.code))
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"plebiscite\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func defaultReason(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "bad-request"
        case 401: "unauthenticated"
        case 403: "forbidden"
        case 404: "not-found"
        case 409: "conflict"
        case 413: "too-large"
        case 422: "invalid"
        default: "error"
        }
    }

    /// The API's answer to any error: itself, a `ReferendumError` or `ElectionGuardError` mapped to a
    /// status, a decoding error as 400; anything else is a 500 whose message names no internals.
    public static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError: error
        case let error as ReferendumError: APIError(error)
        case let error as HTTPError: APIError(error.status, error.body ?? error.status.reasonPhrase)
        case let error as DecodingError: APIError(.badRequest, "the request body is not what this route takes: \(describe(error))", reason: "malformed")
        // A proof or value from outside that does not check (a guardian's share, an element not in its group).
        case let error as ElectionGuardError: APIError(.unprocessableContent, "\(error)", reason: "invalid-proof")
        default: APIError(.internalServerError, "internal error; the server's log has the details", reason: "internal")
        }
    }

    /// A decoding error as a person reads it: which field, what was wrong.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? "the body" : path
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing field \(parent == "the body" ? key.stringValue : parent + "." + key.stringValue)"
        case .typeMismatch(let type, let context): return "\(path(context)): expected \(type)"
        case .valueNotFound(let type, let context): return "\(path(context)): expected \(type), found null"
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "\(path(context)): \(underlying ?? context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// The JSON body of an error.
struct APIErrorBody: Codable, Sendable {
    let error: String
    let reason: String
    let status: Int
}
