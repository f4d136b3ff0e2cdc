import Crypto
import ElectionGuard
import Foundation
import Referendum

/// Issuing and checking role tokens. A token is 32 random bytes in hex behind a `plb_` prefix; the
/// store keeps its SHA-256 only. 256 random bits leave nothing to guess, so a plain hash suffices,
/// and lookups go by hash, so no token is ever compared byte by byte in variable time.
public enum AccessTokens {
    /// A token issued now: the token (shown once) and its stored record.
    public struct Issued: Sendable {
        public let token: String
        public let record: AccessTokenRecord
    }

    /// Issues a token for `role` and stores its hash.
    /// - Parameter setup: the referendum, when there is one: a station or guardian role must name
    ///   one of its stations or guardians.
    /// - Throws: `APIError` (422) for a station or guardian the referendum does not have.
    public static func issue<R: RandomNumberGenerator>(
        _ role: Role, label: String, setup: ReferendumSetup?, store: some AccessTokenStore, at date: Date,
        expiresAt: Date? = nil, using generator: inout R
    ) async throws -> Issued {
        try check(role, against: setup)
        let token = "plb_" + hex(bytes(32, using: &generator))
        let record = AccessTokenRecord(id: hex(bytes(6, using: &generator)), role: role.description, tokenHash: hash(token),
                                       label: label, createdAt: date, expiresAt: expiresAt)
        try await store.saveToken(record)
        return Issued(token: token, record: record)
    }

    /// The stored hash of a token.
    public static func hash(_ token: String) -> String {
        hex(Array(SHA256.hash(data: Array(token.utf8))))
    }

    static func check(_ role: Role, against setup: ReferendumSetup?) throws {
        switch role {
        case .admin, .observer: return
        case .station(let id):
            guard let definition = setup?.definition else {
                throw APIError(.conflict, "create the referendum before issuing station tokens: stations come from its definition")
            }
            guard let station = definition.station(id) else {
                throw APIError(.unprocessableContent, "no station \(id) in this referendum (stations: \(definition.stations.map(\.id).joined(separator: ", ")))")
            }
            guard station.kind != .mobile else {
                throw APIError(.unprocessableContent, "\(id) is a mobile box: issue the token to its station \(station.parent ?? "?"), which runs the box")
            }
        case .guardian(let id):
            guard let definition = setup?.definition else {
                throw APIError(.conflict, "create the referendum before issuing guardian tokens")
            }
            guard definition.guardians.ids.contains(id) else {
                throw APIError(.unprocessableContent, "no guardian \(id) in this referendum (guardians: \(definition.guardians.ids.joined(separator: ", ")))")
            }
        }
    }

    static func bytes<R: RandomNumberGenerator>(_ count: Int, using generator: inout R) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Lower-case hex, as the stored hashes and token ids have always been written.
    static func hex(_ bytes: [UInt8]) -> String { Base16.encode(bytes).lowercased() }
}
