import ElectionRecord
import Foundation
import Testing

/// The egk record `allAvailableJson` (egk commit 194b9c78: 3 guardians, quorum 3, 20 contests of 5
/// selections, 11 cast ballots on one device), bundled with the tests.
enum Fixture {
    static let device = "runWorkflowAllAvailableJson"

    /// The fixture's directory.
    static func path() throws -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw FixtureError("Fixtures/ is not in the test bundle")
        }
        return url.appendingPathComponent("allAvailableJson").path
    }

    static func record() throws -> ElectionRecordDirectory {
        try ElectionRecordDirectory(root: path())
    }

    /// Every file of the fixture, relative to its root, sorted.
    static func files() throws -> [String] {
        let root = try path()
        let enumerator = FileManager.default.enumerator(atPath: root)
        var files = [String]()
        while let file = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + file, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(file)
            }
        }
        return files.sorted()
    }

    static func bytes(_ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: try path() + "/" + file)))
    }

    static func text(_ file: String) throws -> String {
        String(decoding: try bytes(file), as: UTF8.self)
    }

    static func ballotFile(_ id: String) -> String { "encrypted_ballots/\(device)/eballot-\(id).json" }

    /// Ballot id-1, read once per test process (each full read costs 222 subgroup checks).
    static let sampleBallot: Result<RecordedBallot, ElectionRecordError> = Result { () throws(ElectionRecordError) in
        guard let path = try? path() else { throw .missingFile(file: "Fixtures/allAvailableJson") }
        return try ElectionRecordDirectory(root: path).ballot(BallotFile(device: device, ballotId: "id-1"))
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A fresh empty directory under the system's temporary directory, removed after `body`.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("record-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// A copy of the fixture's public files (or only `files`) in a temporary directory, with `changes`
/// (relative path to new text, nil to delete) applied, handed to `body`.
func withRecordCopy<T>(only files: [String]? = nil, changing changes: [String: String?] = [:],
                       _ body: (ElectionRecordDirectory) throws -> T) throws -> T {
    try withTemporaryDirectory { directory in
        let root = directory + "/record"
        for file in try files ?? Fixture.files().filter({ !$0.hasPrefix("private_data/") }) {
            let destination = root + "/" + file
            try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(try Fixture.bytes(file)).write(to: URL(fileURLWithPath: destination))
        }
        for (file, text) in changes {
            let destination = root + "/" + file
            if let text {
                try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: destination))
            } else {
                try? FileManager.default.removeItem(atPath: destination)
            }
        }
        return try body(ElectionRecordDirectory(root: root))
    }
}

/// The entries of `directory` (names only), sorted.
func entries(_ directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
}
