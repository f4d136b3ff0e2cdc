import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore

extension TestClientProtocol {
    /// Sends `body` (JSON-encoded unless it is a String) with `token` as bearer; returns the response.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json body: (any Encodable)? = nil,
              text: String? = nil, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        var buffer: ByteBuffer?
        if let body {
            headers[.contentType] = "application/json"
            buffer = ByteBuffer(bytes: try JSONEncoder().encode(body))
        } else if let text {
            buffer = ByteBuffer(string: text)
        }
        return try await execute(uri: uri, method: method, headers: headers, body: buffer)
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// A string field of the JSON body.
    func string(_ key: String) -> String? { object[key] as? String }
}
