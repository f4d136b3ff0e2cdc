import TestSupport
import Foundation
import GRDB
import Referendum
@testable import Storage
import Testing

@Suite("SQLiteStore's file")
struct SQLiteStoreTests {
    @Test("the file is in WAL mode with synchronous=FULL, and reopens with its data")
    func settings() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plebiscite-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("r.sqlite").path
        var stored: ReferendumSetup?
        do {
            let store = try SQLiteStore(path: path)
            let (journal, synchronous) = try await store.database.writeWithoutTransaction { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
            }
            #expect(journal == "wal")
            #expect(synchronous == 2, "2 is FULL")
            try await Fixtures.prepare(store)
            stored = try await store.loadSetup()
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.state() == .open)
        #expect(try await reopened.loadSetup() == stored)
    }

    @Test("a file that is not a database is refused with a storage error")
    func notADatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plebiscite-bad-\(UUID().uuidString)").path
        try Data(repeating: 0x41, count: 4_096).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            _ = try SQLiteStore(path: path)
        } throws: { error in
            guard case ReferendumError.storage(let reason) = error else { return false }
            return reason.contains(path)
        }
    }
}

@Suite("PostgreSQL locations")
struct PostgresLocationTests {
    @Test("a URL gives host, port, user, password and database; the description hides the password")
    func parse() throws {
        let location = try PostgresLocation(url: "postgres://plebiscite:s3cr%40t@db.example:6543/referendum?sslmode=require")
        #expect(location.host == "db.example")
        #expect(location.port == 6543)
        #expect(location.username == "plebiscite")
        #expect(location.password == "s3cr@t")
        #expect(location.database == "referendum")
        #expect(location.sslMode == "require")
        #expect(!location.description.contains("s3cr"))
        #expect(try PostgresLocation(url: "postgresql://u@localhost/db").port == 5432)
    }

    @Test("URLs without a host, user or database, or with another scheme, are refused", arguments: [
        "mysql://u@h/db", "postgres://h/db", "postgres://u@h", "postgres://u@h/db?sslmode=verify-full", "not a url",
    ])
    func refused(url: String) {
        #expect(throws: ReferendumError.self) { try PostgresLocation(url: url) }
    }

    @Test("the PostgreSQL tests run here", .enabled(if: TestPostgres.required,
                                                    "no PLEBISCITE_TEST_POSTGRES_URL: PostgreSQL tests are off here (run them through .ci/postgres.sh)"))
    func configured() throws {
        #expect(TestPostgres.url != nil, "CI=true needs \(TestPostgres.variable): run the tests through .ci/postgres.sh")
    }
}
