import Foundation
import Hummingbird
import NIOCore

/// How much of a request body a route reads. Everything takes a small body, except the two
/// administrator uploads: a referendum definition and a register (which can be large CSV files).
/// `BodyLimitMiddleware` refuses a declared larger body before anything reads it.
public enum BodyLimit {
    /// Every route but the uploads: forms, JSON steps, a guardian's round.
    public static let standard = 16 * 1024
    /// A guardian's decryption round carries one share and proof per total: larger than a form.
    public static let guardianRound = 16 * 1024 * 1024
    /// A referendum definition (YAML).
    public static let definition = 1024 * 1024
    /// A guardian's key-ceremony messages: public keys and a share for each other guardian.
    public static let ceremony = 1024 * 1024
    /// Station protocols (YAML or JSON), one or a list.
    public static let protocols = 1024 * 1024
    /// A register (CSV).
    public static let register = 64 * 1024 * 1024
    /// A station's upload: at most `StationUpload.maximumBallots` ballots (about 10 kB each) and its visits.
    public static let stationUpload = 8 * 1024 * 1024

    /// The limit for a request path.
    static func forPath(_ path: String) -> Int {
        switch path {
        case "/api/v1/admin/register": register
        case "/api/v1/admin/referendum": definition
        case "/api/v1/admin/protocols", "/audit/board": protocols
        case _ where path.hasPrefix("/api/v1/admin/audit/"): protocols
        case "/api/v1/guardian/rounds": guardianRound
        case "/api/v1/guardian/ceremony": ceremony
        case "/api/v1/station/uploads": stationUpload
        case _ where path.hasPrefix("/api/v1/admin/ceremony/"): ceremony
        default: standard
        }
    }
}

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

    /// The whole body, up to the route's limit (`BodyLimit.forPath`).
    /// - Throws: `APIError` 413 past the limit, whether the body declared its length or not.
    func bodyData(context: some RequestContext) async throws -> Data {
        let limit = BodyLimit.forPath(uri.path)
        do {
            let buffer = try await body.collect(upTo: limit)
            return Data(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw APIError.tooLarge(limit)
        }
    }

    /// A form body (application/x-www-form-urlencoded) decoded by Hummingbird's form decoder.
    /// - Throws: `APIError` 400 for a body that is not a form of this route.
    func form<T: Decodable>(_ type: T.Type, context: some RequestContext) async throws -> T {
        try FormDecoding.decode(type, from: try await bodyText(context: context))
    }
}

/// Form bodies through Hummingbird's `URLEncodedFormDecoder`, with its errors as 400s.
enum FormDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        do {
            return try URLEncodedFormDecoder().decode(type, from: text)
        } catch let error as DecodingError {
            throw APIError(.badRequest, "the form does not fit this page: \(APIError.describe(error))", reason: "malformed")
        } catch {
            throw APIError(.badRequest, "the form is not application/x-www-form-urlencoded: \(error)", reason: "malformed")
        }
    }
}

extension APIError {
    /// 413 for a body over `limit` bytes.
    static func tooLarge(_ limit: Int) -> APIError {
        let size = limit >= 1_048_576 ? "\(limit / 1_048_576) MB" : "\(limit / 1024) KB"
        return APIError(.contentTooLarge, "the request body is larger than this route takes (\(size))")
    }
}

/// Refuses at once (413, before the handler or anything else reads a byte of it) a body whose
/// declared length is over its route's limit; bodies without a declared length are cut off at the
/// limit as they are read.
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength] {
            let limit = BodyLimit.forPath(request.uri.path)
            guard let length = Int(declared), length >= 0 else {
                throw APIError(.badRequest, "Content-Length \(declared.prefix(32)) is not a length", reason: "malformed")
            }
            guard length <= limit else { throw APIError.tooLarge(limit) }
        }
        return try await next(request, context)
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
