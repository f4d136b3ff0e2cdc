import Foundation
import Testing
import Verifier

/// The command line: four `plebiscite verify --shard i/4` processes at once, then `--combine`, print the
/// report of `plebiscite verify`; bad shard numbers are usage errors.
@Suite("verify --shard and --combine as processes")
struct ShardProcessTests {
    /// The built `plebiscite` executable, next to the test bundle in the build directory.
    static var tool: URL {
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.pathComponents.count > 1,
              !FileManager.default.fileExists(atPath: directory.appendingPathComponent("plebiscite").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("plebiscite")
    }

    /// Starts `plebiscite` with `arguments`, its standard output into a file.
    static func start(_ arguments: [String]) throws -> (Process, URL) {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("verify-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    /// Runs `plebiscite` with `arguments` to its end: exit status and standard output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let (process, output) = try start(arguments)
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: output) }
        return (process.terminationStatus, try Data(contentsOf: output))
    }

    @Test("four shard processes and combine print the single run's report; exit 0")
    func shardsAndCombine() async throws {
        let record = try await Records.smallDemo.value
        let parts = FileManager.default.temporaryDirectory.appendingPathComponent("verify-parts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: parts, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: parts) }
        let shards = try (1...4).map { try Self.start(["verify", record, "--shard", "\($0)/4", "--out", "\(parts)/p\($0).json", "--quiet", "--jobs", "1"]) }
        for (process, output) in shards {
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: output)
            #expect(process.terminationStatus == 0)
        }
        let files = (1...4).map { "\(parts)/p\($0).json" }
        let combined = try Self.run(["verify", record, "--combine", parts, "--json", "--quiet"])
        let single = try Self.run(["verify", record, "--json", "--quiet"])
        #expect(combined.status == 0 && single.status == 0)
        let a = try JSONDecoder().decode(VerificationReport.self, from: combined.output)
        let b = try JSONDecoder().decode(VerificationReport.self, from: single.output)
        #expect(a.passed)
        ShardTests.expectSame(a, b)
        let missing = try Self.run(["verify", record, "--combine"] + files.dropLast() + ["--quiet"])
        #expect(missing.status == 2)
        for bad in ["0/4", "5/4", "x"] { #expect(try Self.run(["verify", record, "--shard", bad]).status == 64, "\(bad)") }
    }
}
