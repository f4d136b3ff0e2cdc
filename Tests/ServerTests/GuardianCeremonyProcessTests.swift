import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Referendum
import Testing

/// The key ceremony as it is meant to run: five guardians, each a separate `plebiscite guardian
/// ceremony` process with its own token, against a running server; then everything the server and
/// the commission can see is searched for the guardians' secrets.
@Suite("Key ceremony: five guardian processes and a server", .serialized)
struct GuardianCeremonyProcessTests {
    let work = temporaryPath("ceremony-process")

    /// Runs the plebiscite tool; its standard output, or a failure with its standard error.
    @discardableResult
    func tool(_ arguments: [String], database: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = ServerProcess.tool
        process.arguments = arguments + (database.map { ["--database", $0] } ?? [])
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ServerProcess.ProcessFailure(description: "plebiscite \(arguments.joined(separator: " ")): \(String(decoding: error, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("five guardian processes reach keys-ready, three decrypt through the server; no coefficient or key share is in the database, the logs, the API or the record")
    func fiveGuardians() async throws {
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let database = "\(work)/referendum.sqlite"
        let yaml = try String(contentsOf: Self.repository.appendingPathComponent("Examples/four-regions.yaml"), encoding: .utf8)
        try yaml.write(toFile: "\(work)/referendum.yaml", atomically: true, encoding: .utf8)
        try tool(["init", "\(work)/referendum.yaml"], database: database)
        try tool(["announce"], database: database)
        let guardians = (1...5).map { "guardian\($0)" }
        var tokens = [String: String]()
        for guardian in guardians { tokens[guardian] = try tool(["token", "issue", "guardian:\(guardian)"], database: database) }
        let admin = try tool(["token", "issue", "admin"], database: database)

        let log = "\(work)/server.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        let server = Process()
        server.executableURL = ServerProcess.tool
        server.arguments = ["serve", "--database", database, "--port", "0", "--record", "\(work)/record", "--log-level", "info"]
        let logHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        server.standardOutput = logHandle
        server.standardError = logHandle
        try server.run()
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        var url: String?
        for _ in 0..<600 where url == nil {
            url = (try? String(contentsOfFile: log, encoding: .utf8))?.firstMatch(of: /listening on (http:\/\/127\.0\.0\.1:\d+)/).map { String($0.1) }
            if url == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let base = try #require(url, "the server did not start")

        // Five guardians at once, each its own process with its own token and files.
        let processes = try guardians.map { guardian in
            let process = Process()
            process.executableURL = ServerProcess.tool
            process.arguments = ["guardian", "ceremony", "--guardian", guardian, "--server", base, "--token", tokens[guardian]!,
                                 "--state", "\(work)/\(guardian).ceremony.json", "--key", "\(work)/\(guardian).json", "--timeout", "300"]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "every guardian finished")
        #expect(try tool(["ceremony", "status"], database: database).contains("state: keys-ready"))

        // What anyone but a guardian sees: API answers, then the record after a whole (empty) referendum.
        var seen = ""
        for path in ["api/v1/admin/ceremony", "api/v1/admin/status", "api/v1/setup"] {
            var request = URLRequest(url: URL(string: "\(base)/\(path)")!)
            request.setValue("Bearer \(admin)", forHTTPHeaderField: "Authorization")
            seen += String(decoding: try await Self.fetch(request), as: UTF8.self)
        }
        for step in ["open", "close", "tally"] { try tool([step], database: database) }
        // Guardians 1, 3 and 5 decrypt from their own machines, through the server.
        for _ in 1...2 {
            for guardian in ["guardian1", "guardian3", "guardian5"] {
                try tool(["guardian", "decrypt", "--key", "\(work)/\(guardian).json", "--nonces", "\(work)/\(guardian).nonces.json",
                          "--server", base, "--token", tokens[guardian]!])
            }
        }
        kill(server.processIdentifier, SIGTERM)
        server.waitUntilExit()
        try tool(["decrypt"], database: database)
        try tool(["certify", "--by", "Commission", "--statement", "test"], database: database)
        try tool(["publish", "--out", "\(work)/published"], database: database)

        // Each guardian's coefficients and key share, in hex and in decimal, found nowhere.
        var places = ["API answers": Data(seen.utf8), "server log": try Data(contentsOf: URL(fileURLWithPath: log))]
        for file in [database, database + "-wal"] where FileManager.default.fileExists(atPath: file) {
            places[file] = try Data(contentsOf: URL(fileURLWithPath: file))
        }
        let record = FileManager.default.enumerator(atPath: "\(work)/published")!
        for case let file as String in record { places["record/\(file)"] = try? Data(contentsOf: URL(fileURLWithPath: "\(work)/published/\(file)")) }
        var searched = 0
        for guardian in guardians {
            let secret = try GuardianKeyFile.decode(try String(contentsOfFile: "\(work)/\(guardian).json", encoding: .utf8), file: guardian)
            for value in secret.coefficients + [secret.keyShare] {
                for needle in [value.hex, value.hex.lowercased(), Self.decimal(value.bytes)] {
                    for (place, data) in places {
                        searched += 1
                        #expect(data.range(of: Data(needle.utf8)) == nil, "\(guardian)'s secret found in \(place)")
                    }
                }
            }
        }
        #expect(searched > 100)
        let verified = try tool(["verify", "\(work)/published", "--quiet"])
        #expect(verified.contains("PASSED") || verified.lowercased().contains("passed"), "\(verified.suffix(400))")
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A GET through URLSession (the server is another process).
    static func fetch(_ request: URLRequest) async throws -> Data {
        try await URLSession.shared.data(for: request).0
    }

    /// The decimal text of a big-endian unsigned number.
    static func decimal(_ bytes: [UInt8]) -> String {
        var number = bytes.map(UInt32.init)
        var digits = [Character]()
        while number.contains(where: { $0 != 0 }) {
            var remainder: UInt32 = 0
            for index in number.indices {
                let value = remainder << 8 | number[index]
                number[index] = value / 10
                remainder = value % 10
            }
            digits.append(Character(String(remainder)))
        }
        return digits.isEmpty ? "0" : String(digits.reversed())
    }
}
