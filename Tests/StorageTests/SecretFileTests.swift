import Foundation
@testable import Referendum
import Storage
import Testing

/// Files holding secrets are private from their first byte, and never overwritten.
@Suite("secret files")
struct SecretFileTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("secret-files-\(UUID().uuidString)").path

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
    }

    @Test("a key file is 0600 in new directories of 0700, and is never overwritten")
    func keyFile() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = "\(root)/keys/guardian1.json"
        try SecretFile.write("secret polynomial", to: path)
        #expect(try mode(path) == 0o600)
        #expect(try mode("\(root)/keys") == 0o700)
        #expect(try mode(root) == 0o700)
        #expect(throws: SecretFileError.self) { try SecretFile.write("another", to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "secret polynomial", "the first file is kept")
    }

    @Test("a file in a directory that cannot be written is an error naming it, not a crash")
    func unwritable() throws {
        let error = #expect(throws: SecretFileError.self) { try SecretFile.write("x", to: "/proc/plebiscite/key.json") }
        #expect(error?.path.hasPrefix("/proc") == true)
    }

    @Test("a new SQLite database and its WAL files are readable by their owner only")
    func database() async throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let path = "\(root)/plebiscite.sqlite"
        let store = try SQLiteStore(path: path)
        _ = try await store.loadSetup()
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            #expect(try mode(file) == 0o600, "\(file)")
        }
    }

    @Test("voter cards are safe to open in a spreadsheet: formulas are neutralised, commas and quotes quoted")
    func voterCards() {
        let cards = [VoterCard(voterId: "=HYPERLINK(\"http://x\")", homeRegion: "alpha", credential: "ABCD"),
                     VoterCard(voterId: "Ivanenko, Petro", homeRegion: "alpha", credential: "EFGH"),
                     VoterCard(voterId: "-12", homeRegion: "beta", credential: "IJKL"),
                     VoterCard(voterId: "v7", homeRegion: "beta", credential: "MNOP")]
        let lines = VoterCard.csv(cards).split(separator: "\n").map(String.init)
        #expect(lines[1] == "\"'=HYPERLINK(\"\"http://x\"\")\",alpha,ABCD")
        #expect(lines[2] == "\"Ivanenko, Petro\",alpha,EFGH")
        #expect(lines[3] == "'-12,beta,IJKL")
        #expect(lines[4] == "v7,beta,MNOP")
    }
}
