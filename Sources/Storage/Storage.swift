import Foundation
import ElectionGuard
import Referendum

// Storage: the Referendum module's `ReferendumStore` on disk.
//
//   SQLiteStore     one database file (GRDB, WAL, synchronous=FULL): the embedded default.
//   PostgresStore   one PostgreSQL database shared by several server processes (postgres-nio).
//   StoreRules     what append and decide do, given what is stored: shared by both, and the
//                   same rules as the in-memory reference store.
//   GroupCommit     concurrent appends and decisions batched into one transaction.
//   StoreLocation   which store a `--database` names, opened (and for PostgreSQL, run) for a body.
//
// Both stores keep each value as the JSON the domain types encode to, plus the columns that
// queries need (state, statuses, devices, counts); JSON the store wrote itself is decoded without
// the subgroup checks that input from outside needs.

/// The JSON coding of values a store writes and reads back.
enum StoreCoding {
    /// Encodes a value for a JSON column.
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        do {
            return try JSONEncoder().encode(value)
        } catch {
            throw ReferendumError.storage("cannot encode \(T.self) for the store: \(error)")
        }
    }

    /// Decodes a value this store wrote. The subgroup check of elements mod p is skipped (about
    /// 1 ms each): the data was checked when it came in, and the store is ours.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.userInfo[.trustedElectionGuardStore] = true
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw ReferendumError.storage("the stored \(T.self) cannot be read back (\(error)); is this a Plebiscite database of this version?")
        }
    }
}
