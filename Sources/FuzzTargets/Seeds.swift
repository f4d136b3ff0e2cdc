import Foundation
import Referendum

/// Inputs the harness needs besides the fuzzed bytes, read once from the repository.
enum Seeds {
    /// The repository's root: this file is Sources/FuzzTargets/Seeds.swift.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Examples/four-regions.yaml, the definition registers are checked against.
    static let definition: ReferendumDefinition = {
        do {
            return try ReferendumDefinition.load(contentsOf: repository.appendingPathComponent("Examples/four-regions.yaml"))
        } catch {
            fatalError("fuzz-register needs Examples/four-regions.yaml: \(error)")
        }
    }()
}
