import Foundation
import PostgresNIO
import Referendum

extension PostgresStore: AccessTokenStore {
    public func saveToken(_ token: AccessTokenRecord) async throws {
        let inserted = try await query("""
            INSERT INTO access_token (id, role, token_hash, label, created_at, revoked_at, expires_at)
            VALUES (\(token.id), \(token.role), \(token.tokenHash), \(token.label),
                    \(token.createdAt.timeIntervalSinceReferenceDate), \(token.revokedAt?.timeIntervalSinceReferenceDate),
                    \(token.expiresAt?.timeIntervalSinceReferenceDate))
            ON CONFLICT DO NOTHING RETURNING id
            """)
        guard !inserted.isEmpty else { throw ReferendumError.tokenExists(id: token.id) }
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

    public func bindDevice(_ device: String, toToken tokenId: String, at date: Date) async throws -> String {
        // Binds a free device, or takes it over from a revoked token; otherwise the live owner stays.
        let bound = try await query("""
            INSERT INTO token_device (device, token_id, bound_at) VALUES (\(device), \(tokenId), \(date.timeIntervalSinceReferenceDate))
            ON CONFLICT (device) DO UPDATE SET token_id = EXCLUDED.token_id, bound_at = EXCLUDED.bound_at
            WHERE token_device.token_id = EXCLUDED.token_id
               OR token_device.token_id IN (SELECT id FROM access_token WHERE revoked_at IS NOT NULL)
            RETURNING token_id
            """)
        if let row = bound.first { return try row.decode(String.self) }
        guard let owner = try await query("SELECT token_id FROM token_device WHERE device = \(device)").first else {
            throw ReferendumError.storage("device \(device) could not be bound")
        }
        return try owner.decode(String.self)
    }

    static let tokenColumns = "id, role, token_hash, label, created_at, revoked_at, expires_at"

    static func tokenRecord(_ row: PostgresRow) throws -> AccessTokenRecord {
        let (id, role, hash, label, created, revoked, expires) = try row.decode((String, String, String, String, Double, Double?, Double?).self)
        return AccessTokenRecord(id: id, role: role, tokenHash: hash, label: label,
                                 createdAt: Date(timeIntervalSinceReferenceDate: created),
                                 revokedAt: revoked.map(Date.init(timeIntervalSinceReferenceDate:)),
                                 expiresAt: expires.map(Date.init(timeIntervalSinceReferenceDate:)))
    }
}
