import TestSupport
import ElectionGuard
import Foundation
import Testing

/// Loads a known-answer vector from TestVectors/ by file name (without .json).
func loadVector<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "TestVectors") else {
        throw VectorError.missing(name)
    }
    do {
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    } catch {
        throw VectorError.undecodable(name, String(describing: error))
    }
}

enum VectorError: Error, CustomStringConvertible {
    case missing(String)
    case undecodable(String, String)

    var description: String {
        switch self {
        case .missing(let name): "test vector \(name).json is not in the test bundle"
        case .undecodable(let name, let reason): "test vector \(name).json: \(reason)"
        }
    }
}

/// Parsers that name the vector field they read, so a malformed vector points at itself.
func p(_ hex: String, _ field: String) throws -> ElementModP { try ElementModP(hex: hex, field: field) }
func q(_ hex: String, _ field: String) throws -> ElementModQ { try ElementModQ(hex: hex, field: field) }
func u256(_ hex: String, _ field: String) throws -> UInt256 { try UInt256(hex: hex, field: field) }

/// The bytes of a hex string that may be empty.
func bytes(_ hex: String) -> [UInt8] {
    hex.isEmpty ? [] : stride(from: 0, to: hex.count, by: 2).map {
        let start = hex.index(hex.startIndex, offsetBy: $0)
        return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
    }
}
