import ElectionGuard
import Foundation

/// Elements of Z_p built without the subgroup check, to test what happens to elements outside Z_p^r.
enum JSONTrusted {
    static func element(_ bytes: [UInt8]) throws -> ElementModP {
        let decoder = JSONDecoder()
        decoder.userInfo[.trustedElectionGuardStore] = true
        return try decoder.decode(ElementModP.self, from: Data("\"\(Base16.encode(bytes))\"".utf8))
    }
}
