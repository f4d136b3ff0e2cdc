import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Referendum

/// A station's link to the central server over HTTP (async-http-client on SwiftNIO, one shared
/// connection pool), with its station token. Linux's URLSession spent a whole core in its worker
/// threads while uploading and synced at 1 to 8 ballots a second (docs/server.md).
public struct HTTPStationLink: StationLink {
    public let central: URL
    let token: String
    /// Seconds a request may take before the link counts as down.
    public let timeout: TimeInterval
    /// The largest answer read (a package holds the station's roster).
    static let maximumAnswer = 256 << 20

    public init(central: URL, token: String, timeout: TimeInterval = 30) {
        self.central = central
        self.token = token
        self.timeout = timeout
    }

    public func package() async throws -> StationPackage {
        try decode(StationPackage.self, try await request(.GET, "package"))
    }

    public func upload(_ upload: StationUpload) async throws -> UploadReceipt {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try decode(UploadReceipt.self, try await request(.POST, "uploads", body: try encoder.encode(upload)))
    }

    private func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(T.self, from: data)
        } catch {
            throw StationLinkError.unreadable("the central server's answer is not a \(T.self): \(error)")
        }
    }

    private func request(_ method: HTTPMethod, _ path: String, body: Data? = nil) async throws -> Data {
        var request = HTTPClientRequest(url: central.appendingPathComponent("api/v1/station/\(path)").absoluteString)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let status: UInt, data: Data
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .milliseconds(Int64(timeout * 1_000)))
            status = response.status.code
            data = Data(try await response.body.collect(upTo: Self.maximumAnswer).readableBytesView)
        } catch {
            throw StationLinkError.unreachable("\(central.absoluteString): \(error)")
        }
        guard (200..<300).contains(status) else {
            let message = (try? JSONDecoder().decode(APIErrorBody.self, from: data))?.error ?? String(decoding: data.prefix(500), as: UTF8.self)
            throw StationLinkError.refused(status: Int(status), message: "\(method.rawValue) \(path): \(message)")
        }
        return data
    }
}

/// Why a station's request to the central server did not go through.
public enum StationLinkError: Error, CustomStringConvertible, Sendable {
    /// No answer: the link or the central server is down. The station keeps voting and retries.
    case unreachable(String)
    /// The central server answered with an error.
    case refused(status: Int, message: String)
    /// The answer cannot be read.
    case unreadable(String)

    public var description: String {
        switch self {
        case .unreachable(let reason): "central server unreachable: \(reason)"
        case .refused(let status, let message): "central server refused (\(status)): \(message)"
        case .unreadable(let reason): reason
        }
    }
}
