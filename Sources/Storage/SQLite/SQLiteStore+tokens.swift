import Foundation
import GRDB
import Referendum

/// A row of table `access_token`.
struct AccessTokenRow: SnakeCaseRecord {
    static let databaseTableName = "access_token"
    var id: String
    var role: String
    var tokenHash: String
    var label: String
    var createdAt: Double
    var revokedAt: Double?
    var expiresAt: Double?

    init(_ token: AccessTokenRecord) {
        id = token.id
        role = token.role
        tokenHash = token.tokenHash
        label = token.label
        createdAt = token.createdAt.timeIntervalSinceReferenceDate
        revokedAt = token.revokedAt?.timeIntervalSinceReferenceDate
        expiresAt = token.expiresAt?.timeIntervalSinceReferenceDate
    }

    var record: AccessTokenRecord {
        AccessTokenRecord(id: id, role: role, tokenHash: tokenHash, label: label,
                          createdAt: Date(timeIntervalSinceReferenceDate: createdAt),
                          revokedAt: revokedAt.map(Date.init(timeIntervalSinceReferenceDate:)),
                          expiresAt: expiresAt.map(Date.init(timeIntervalSinceReferenceDate:)))
    }
}

extension SQLiteStore: AccessTokenStore {
    public func saveToken(_ token: AccessTokenRecord) async throws {
        try await write { db in
            let clash = try AccessTokenRow.filter(Column("id") == token.id || Column("token_hash") == token.tokenHash).fetchCount(db)
            guard clash == 0 else { throw ReferendumError.tokenExists(id: token.id) }
            try AccessTokenRow(token).insert(db)
        }
    }

    public func token(hash: String) async throws -> AccessTokenRecord? {
        try await read { db in try AccessTokenRow.filter(Column("token_hash") == hash).fetchOne(db)?.record }
    }

    public func tokens() async throws -> [AccessTokenRecord] {
        try await read { db in try AccessTokenRow.order(Column("created_at"), Column("id")).fetchAll(db).map(\.record) }
    }

    public func revokeToken(id: String, at date: Date) async throws -> AccessTokenRecord? {
        try await write { db in
            guard let row = try AccessTokenRow.fetchOne(db, key: id) else { return nil }
            let revoked = AccessTokenRow(row.record.revoked(at: date))
            try revoked.update(db)
            return revoked.record
        }
    }

    public func bindDevice(_ device: String, toToken tokenId: String, at date: Date) async throws -> String {
        try await write { db in
            let owner = try String.fetchOne(db, sql: """
                SELECT token_device.token_id FROM token_device JOIN access_token ON access_token.id = token_device.token_id
                WHERE token_device.device = ? AND access_token.revoked_at IS NULL
                """, arguments: [device])
            if let owner, owner != tokenId { return owner }
            try db.execute(sql: "INSERT OR REPLACE INTO token_device (device, token_id, bound_at) VALUES (?, ?, ?)",
                           arguments: [device, tokenId, date.timeIntervalSinceReferenceDate])
            return tokenId
        }
    }
}
