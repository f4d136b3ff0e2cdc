import Foundation
import FuzzTargets
import Testing

/// Replays Tests/FuzzCorpus/<target>/: inputs that found a bug in a decoder (kept with its fix) and
/// hostile inputs written by hand, through exactly what the libFuzzer executables of Fuzz/ run. A
/// decoder that traps on one of them stops this test process: the crash is the failure.
@Suite("the fuzz corpus replays without a crash")
struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzCorpus")

    /// The corpus directory of `target`: its executable's name without `fuzz-`.
    static func directory(_ target: FuzzTarget) -> URL {
        corpus.appendingPathComponent(String(target.executable.dropFirst("fuzz-".count)))
    }

    @Test("every target's inputs decode or throw", arguments: FuzzTarget.allCases)
    func replay(_ target: FuzzTarget) throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.directory(target), includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }
        #expect(!files.isEmpty, "Tests/FuzzCorpus/\(Self.directory(target).lastPathComponent) has inputs to replay")
        for file in files { target.run(Array(try Data(contentsOf: file))) }
    }
}
