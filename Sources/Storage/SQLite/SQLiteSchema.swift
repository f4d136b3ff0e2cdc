import GRDB

/// The SQLite schema. A migration never changes once shipped: a change is a new migration.
/// Times are `Double` seconds since Foundation's reference date (2001-01-01 UTC), the value a
/// `Date` holds, so that they read back exactly.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 referendum, voters, ballots, chains, visits, rounds") { db in
            // One row: the referendum as JSON, with its state beside it for the cheap state query.
            try db.create(table: "referendum") { t in
                t.primaryKey("id", .integer)
                t.check(sql: "id = 1")
                t.column("state", .text).notNull()
                t.column("setup", .blob).notNull()
            }
            try db.create(table: "voter") { t in
                t.primaryKey("voter_id", .text)
                t.column("credential_key", .text).notNull().unique()
                t.column("home_region", .text).notNull()
                t.column("displaced", .boolean).notNull()
                t.column("home_station", .text)
                t.column("pseudonym", .text).notNull()
            }
            // A ballot's columns; its encrypted ballot is in encrypted_ballot, written once.
            try db.create(table: "ballot") { t in
                t.primaryKey("ballot_id", .text)
                t.column("confirmation_code", .text).notNull().unique()
                t.column("device", .text).notNull()
                t.column("status", .text).notNull()
                t.column("ballot_state", .text).notNull()
                t.column("station", .text).notNull()
                t.column("channel", .text).notNull()
                t.column("region", .text).notNull()
                t.column("pseudonym", .text).notNull()
                t.column("encrypted_at", .double).notNull()
                t.column("decided_at", .double)
                t.column("mobile_visit_id", .text)
                t.column("revealed_nonce", .text)
                t.column("revealed_choice", .text)
            }
            try db.create(table: "encrypted_ballot") { t in
                t.primaryKey("ballot_id", .text)
                t.column("json", .blob).notNull()
            }
            // Paging through the ballots of some statuses in id order (count, abandon, publish).
            try db.create(index: "ballot_status_id", on: "ballot", columns: ["status", "ballot_id"])
            try db.create(table: "device_chain") { t in
                t.primaryKey("device", .text)
                t.column("last_code", .text).notNull()
                t.column("length", .integer).notNull()
            }
            try db.create(table: "mobile_visit") { t in
                t.primaryKey("id", .text)
                t.column("station", .text).notNull()
                t.column("visit", .blob).notNull()
            }
            try db.create(table: "decryption_round") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("guardian_id", .text).notNull()
                t.column("round", .integer).notNull()
                t.column("x_coordinate", .integer).notNull()
                t.column("data", .blob).notNull()
                t.uniqueKey(["guardian_id", "round"])
            }
        }
        migrator.registerMigration("v2 access tokens") { db in
            // Role tokens of the server, by the SHA-256 of the token; the token itself is never stored.
            try db.create(table: "access_token") { t in
                t.primaryKey("id", .text)
                t.column("role", .text).notNull()
                t.column("token_hash", .text).notNull().unique()
                t.column("label", .text).notNull()
                t.column("created_at", .double).notNull()
                t.column("revoked_at", .double)
            }
        }
        migrator.registerMigration("v3 token expiry, station devices bound to tokens") { db in
            try db.alter(table: "access_token") { t in t.add(column: "expires_at", .double) }
            // Each station device id belongs to the token that first used it, until that token is revoked.
            try db.create(table: "token_device") { t in
                t.primaryKey("device", .text)
                t.column("token_id", .text).notNull()
                t.column("bound_at", .double).notNull()
            }
        }
        return migrator
    }
}
