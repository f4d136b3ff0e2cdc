import Foundation
import Hummingbird
import NIOCore

extension Request {
    /// The body decoded as JSON into `T`.
    /// - Throws: `APIError` 400 saying which field is missing or wrong, or that the body is not JSON.
    func decodeJSON<T: Decodable>(_ type: T.Type, context: some RequestContext) async throws -> T {
        let data = try await bodyData(context: context)
        guard !data.isEmpty else { throw APIError(.badRequest, "the request needs a JSON body", reason: "malformed") }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw APIError(.badRequest, "the JSON body does not fit this route: \(APIError.describe(error))", reason: "malformed")
        }
    }

    /// The body as UTF-8 text.
    func bodyText(context: some RequestContext) async throws -> String {
        let data = try await bodyData(context: context)
        guard let text = String(data: data, encoding: .utf8) else {
            throw APIError(.badRequest, "the request body is not UTF-8 text", reason: "malformed")
        }
        return text
    }

    /// The whole body, up to the context's limit.
    func bodyData(context: some RequestContext) async throws -> Data {
        do {
            let buffer = try await body.collect(upTo: context.maxUploadSize)
            return Data(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the request body is larger than \(context.maxUploadSize / 1_048_576) MB")
        }
    }

    /// A form body (application/x-www-form-urlencoded) as name -> value.
    func formFields(context: some RequestContext) async throws -> [String: String] {
        let text = try await bodyText(context: context)
        var fields = [String: String]()
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            func decode(_ text: String) -> String {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }
}

/// A JSON response with a status.
struct JSONResponse<Value: Encodable & Sendable>: ResponseGenerator {
    let status: HTTPResponse.Status
    let value: Value

    init(_ status: HTTPResponse.Status, _ value: Value) {
        self.status = status
        self.value = value
    }

    init(_ value: Value) { self.init(.ok, value) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
