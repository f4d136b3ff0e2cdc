import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Referendum

/// A station's link to the central server over HTTP, with its station token.
public struct HTTPStationLink: StationLink {
    public let central: URL
    let token: String
    /// Seconds a request may take before the link counts as down.
    public let timeout: TimeInterval

    public init(central: URL, token: String, timeout: TimeInterval = 30) {
        self.central = central
        self.token = token
        self.timeout = timeout
    }

    public func package() async throws -> StationPackage {
        try decode(StationPackage.self, try await request("GET", "package"))
    }

    public func upload(_ upload: StationUpload) async throws -> UploadReceipt {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try decode(UploadReceipt.self, try await request("POST", "uploads", body: try encoder.encode(upload)))
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

    private func request(_ method: String, _ path: String, body: Data? = nil) async throws -> Data {
        var request = URLRequest(url: central.appendingPathComponent("api/v1/station/\(path)"), timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let data: Data, response: URLResponse
        // A session per request: on Linux a shared session that has seen refused connections can keep
        // its worker threads busy (measured while the central server was down), so none outlives its request.
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw StationLinkError.unreachable("\(central.absoluteString): \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            let message = (try? JSONDecoder().decode(APIErrorBody.self, from: data))?.error ?? String(decoding: data.prefix(500), as: UTF8.self)
            throw StationLinkError.refused(status: status, message: "\(method) \(path): \(message)")
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
