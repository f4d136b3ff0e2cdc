import Foundation
import PostgresNIO
import Referendum

extension PostgresStore: AccessTokenStore {
    public func saveToken(_ token: AccessTokenRecord) async throws {
        let inserted = try await query("""
            INSERT INTO access_token (id, role, token_hash, label, created_at, revoked_at)
            VALUES (\(token.id), \(token.role), \(token.tokenHash), \(token.label),
                    \(token.createdAt.timeIntervalSinceReferenceDate), \(token.revokedAt?.timeIntervalSinceReferenceDate))
            ON CONFLICT DO NOTHING RETURNING id
            """)
        guard !inserted.isEmpty else { throw ReferendumError.storage("token \(token.id) exists already") }
    }

    public func token(hash: String) async throws -> AccessTokenRecord? {
        try await query("SELECT \(unescaped: Self.tokenColumns) FROM access_token WHERE token_hash = \(hash)").first.map(Self.tokenRecord)
    }

    public func tokens() async throws -> [AccessTokenRecord] {
        try await query("SELECT \(unescaped: Self.tokenColumns) FROM access_token ORDER BY created_at, id").map(Self.tokenRecord)
    }

    public func revokeToken(id: String, at date: Date) async throws -> AccessTokenRecord? {
        try await query("""
            UPDATE access_token SET revoked_at = coalesce(revoked_at, \(date.timeIntervalSinceReferenceDate)) WHERE id = \(id)
            RETURNING \(unescaped: Self.tokenColumns)
            """).first.map(Self.tokenRecord)
    }

    static let tokenColumns = "id, role, token_hash, label, created_at, revoked_at"

    static func tokenRecord(_ row: PostgresRow) throws -> AccessTokenRecord {
        let (id, role, hash, label, created, revoked) = try row.decode((String, String, String, String, Double, Double?).self)
        return AccessTokenRecord(id: id, role: role, tokenHash: hash, label: label,
                                 createdAt: Date(timeIntervalSinceReferenceDate: created),
                                 revokedAt: revoked.map(Date.init(timeIntervalSinceReferenceDate:)))
    }
}
