import Foundation

/// The role tokens of a server (admin, station:ID, guardian:ID, observer), kept by the hash of the
/// token only: the token itself is shown once, when it is issued, and never stored.
///
/// Each method is one transaction. The server depends on this protocol; SQLite and PostgreSQL
/// implement it beside `ReferendumStore`.
public protocol AccessTokenStore: Sendable {
    /// Stores a newly issued token.
    /// - Throws: `storage` when a token with this id or hash exists.
    func saveToken(_ token: AccessTokenRecord) async throws
    /// The token whose hash this is, revoked or not.
    func token(hash: String) async throws -> AccessTokenRecord?
    /// Every token ever issued, oldest first (without the tokens themselves: there are none to show).
    func tokens() async throws -> [AccessTokenRecord]
    /// Marks a token revoked; returns it, or nil when no token has this id. Revoking twice keeps the
    /// first time.
    func revokeToken(id: String, at date: Date) async throws -> AccessTokenRecord?
    /// Binds station device `device` to the token `tokenId` unless a live token holds it already (a
    /// device of a revoked token is free again), in one transaction.
    /// - Returns: the id of the token that holds the device now: `tokenId`, or the other one.
    func bindDevice(_ device: String, toToken tokenId: String, at date: Date) async throws -> String
}

/// An issued token as stored: who it is for and the SHA-256 of the token, never the token.
public struct AccessTokenRecord: Sendable, Hashable, Codable {
    /// A short public id to name the token by (in lists, logs and when revoking it).
    public let id: String
    /// The role as text: `admin`, `observer`, `station:<station id>` or `guardian:<guardian id>`.
    public let role: String
    /// Lowercase hex SHA-256 of the token.
    public let tokenHash: String
    /// Free text: whose device or person it was given to.
    public let label: String
    public let createdAt: Date
    public let revokedAt: Date?
    /// After this the token lets no one in; nil: until revoked.
    public let expiresAt: Date?

    public init(id: String, role: String, tokenHash: String, label: String, createdAt: Date, revokedAt: Date? = nil,
                expiresAt: Date? = nil) {
        self.id = id
        self.role = role
        self.tokenHash = tokenHash
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.expiresAt = expiresAt
    }

    /// This record revoked at `date` (kept as it was if already revoked).
    public func revoked(at date: Date) -> AccessTokenRecord {
        AccessTokenRecord(id: id, role: role, tokenHash: tokenHash, label: label, createdAt: createdAt, revokedAt: revokedAt ?? date,
                          expiresAt: expiresAt)
    }

    /// Why the token lets no one in at `date` (revoked, expired), or nil when it is valid.
    public func problem(at date: Date) -> String? {
        if revokedAt != nil { return "the token was revoked" }
        if let expiresAt, expiresAt <= date { return "the token expired" }
        return nil
    }
}

/// Tokens in memory, for tests.
public actor InMemoryTokenStore: AccessTokenStore {
    private var records = [AccessTokenRecord]()

    public init() {}

    public func saveToken(_ token: AccessTokenRecord) throws {
        guard !records.contains(where: { $0.id == token.id || $0.tokenHash == token.tokenHash }) else {
            throw ReferendumError.storage("token \(token.id) exists already")
        }
        records.append(token)
    }

    public func token(hash: String) -> AccessTokenRecord? { records.first { $0.tokenHash == hash } }

    public func tokens() -> [AccessTokenRecord] { records }

    public func revokeToken(id: String, at date: Date) -> AccessTokenRecord? {
        guard let index = records.firstIndex(where: { $0.id == id }) else { return nil }
        records[index] = records[index].revoked(at: date)
        return records[index]
    }

    private var devices = [String: String]()

    public func bindDevice(_ device: String, toToken tokenId: String, at date: Date) -> String {
        if let owner = devices[device], owner != tokenId, records.contains(where: { $0.id == owner && $0.revokedAt == nil }) {
            return owner
        }
        devices[device] = tokenId
        return tokenId
    }
}
