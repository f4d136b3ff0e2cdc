import PostgresNIO

/// The PostgreSQL schema, in migrations that never change once shipped: a change is a new one.
/// Times are `double precision` seconds since Foundation's reference date (2001-01-01 UTC), the
/// value a `Date` holds, so that they read back exactly. Ids that the store pages or sorts by use
/// the "C" collation: byte order, as SQLite and the in-memory store sort them, whatever the
/// server's locale.
enum PostgresSchema {
    static let migrations: [(id: String, statements: [PostgresQuery])] = [
        ("v1 referendum, voters, ballots, chains, visits, rounds", [
            """
            CREATE TABLE referendum (
                id integer PRIMARY KEY CHECK (id = 1),
                state text NOT NULL,
                setup bytea NOT NULL)
            """,
            """
            CREATE TABLE voter (
                voter_id text COLLATE "C" PRIMARY KEY,
                credential_key text NOT NULL UNIQUE,
                home_region text NOT NULL,
                displaced boolean NOT NULL,
                home_station text,
                pseudonym text NOT NULL)
            """,
            """
            CREATE TABLE ballot (
                ballot_id text COLLATE "C" PRIMARY KEY,
                confirmation_code text NOT NULL UNIQUE,
                device text NOT NULL,
                status text NOT NULL,
                station text NOT NULL,
                channel text NOT NULL,
                region text NOT NULL,
                pseudonym text NOT NULL,
                encrypted_at double precision NOT NULL,
                decided_at double precision,
                mobile_visit_id text,
                ballot_state text NOT NULL,
                revealed_nonce text,
                revealed_choice text,
                encrypted_ballot bytea NOT NULL)
            """,
            // Paging through the ballots of some statuses in id order (count, abandon, publish).
            "CREATE INDEX ballot_status_id ON ballot (status, ballot_id)",
            // A row with a null code exists only inside the transaction that appends a device's
            // first ballot: it is what that transaction locks.
            """
            CREATE TABLE device_chain (
                device text PRIMARY KEY,
                last_code text,
                length integer NOT NULL)
            """,
            """
            CREATE TABLE mobile_visit (
                id text COLLATE "C" PRIMARY KEY,
                station text NOT NULL,
                visit bytea NOT NULL)
            """,
            """
            CREATE TABLE decryption_round (
                seq bigserial PRIMARY KEY,
                guardian_id text NOT NULL,
                round integer NOT NULL,
                x_coordinate integer NOT NULL,
                data bytea NOT NULL,
                UNIQUE (guardian_id, round))
            """,
        ]),
        // Role tokens of the server, by the SHA-256 of the token; the token itself is never stored.
        ("v2 access tokens", [
            """
            CREATE TABLE access_token (
                id text COLLATE "C" PRIMARY KEY,
                role text NOT NULL,
                token_hash text NOT NULL UNIQUE,
                label text NOT NULL,
                created_at double precision NOT NULL,
                revoked_at double precision)
            """,
        ]),
        // Token expiry; each station device id belongs to the token that first used it, until that token is revoked.
        ("v3 token expiry, station devices bound to tokens", [
            "ALTER TABLE access_token ADD COLUMN expires_at double precision",
            """
            CREATE TABLE token_device (
                device text COLLATE "C" PRIMARY KEY,
                token_id text NOT NULL,
                bound_at double precision NOT NULL)
            """,
        ]),
    ]

    /// Applies the migrations not yet applied, in one transaction, under an advisory lock so that
    /// servers starting together do not race.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
        _ = try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger).get()
        _ = try await connection.query("""
            CREATE TABLE IF NOT EXISTS plebiscite_migration (
                id text PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, logger: logger).get()
        let applied = try await connection.query("SELECT id FROM plebiscite_migration", logger: logger).get()
            .map { try $0.decode(String.self) }
        for migration in migrations where !applied.contains(migration.id) {
            for statement in migration.statements { _ = try await connection.query(statement, logger: logger).get() }
            _ = try await connection.query("INSERT INTO plebiscite_migration (id) VALUES (\(migration.id))", logger: logger).get()
        }
    }

    /// The advisory lock that serializes migrations ("plebisci" in ASCII).
    static let lockKey: Int64 = 0x706C_6562_6973_6369
}
