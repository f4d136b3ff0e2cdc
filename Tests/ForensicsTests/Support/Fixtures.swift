import Foundation

/// Paths of the test fixtures (copied into the test bundle) and of files shipped in the repository.
enum Fixtures {
    /// A file in `Tests/ForensicsTests/Fixtures`.
    static func path(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            return repository("Tests/ForensicsTests/Fixtures/\(name)")
        }
        return url.path
    }

    /// A file relative to the repository root (the shipped profiles and facts files are tested as shipped).
    static func repository(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(relative).path
    }
}
