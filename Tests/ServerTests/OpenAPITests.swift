import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Server
import Testing

/// docs/openapi.yaml and the router agree: every operation it describes is a route the router has.
@Suite("OpenAPI description")
struct OpenAPITests {
    /// (method, path) of every operation in docs/openapi.yaml.
    static func operations() throws -> [(HTTPRequest.Method, String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        var operations = [(HTTPRequest.Method, String)]()
        var path: String?
        for line in text.split(separator: "\n") {
            if let match = line.firstMatch(of: /^  (\/\S*):$/) { path = String(match.1) }
            if let path, let match = line.firstMatch(of: /^    (get|post|put|delete):/) {
                operations.append((HTTPRequest.Method(rawValue: match.1.uppercased())!, path))
            }
        }
        return operations
    }

    @Test("every documented operation is routed")
    func documentedRoutesExist() async throws {
        let operations = try Self.operations()
        #expect(operations.count >= 30)
        let fixture = try await ServerFixture.open()
        try await fixture.application.test(.router) { client in
            for (method, path) in operations where !path.hasSuffix("/stream") {
                let concrete = path.replacing(/\{[a-z]+\}/) { _ in "x" }
                let response = try await client.send(method, concrete)
                let unrouted = response.status == .notFound && response.string("reason") == "not-found"
                #expect(!unrouted, "\(method) \(path) is documented but not routed")
            }
        }
    }
}
