import ElectionGuard

/// Verifications 17 and 18 (spec 2.0.0 §4.1): the hashes of a pre-encrypted ballot, with contests named
/// by their sequence orders in 4 bytes as spec 2.0.0 writes ind_c (no published vector covers this form;
/// docs/electionguard-2.0-encodings.md §9).
enum PreEncryptionEquations {
    /// 17.A, equation (92): ψ = H(H_E; 0x40, K, α_1, β_1, …, α_m, β_m), a selection vector's hash.
    static func selectionHash(_ vector: [ElGamalCiphertext], extendedBaseHash: UInt256, jointKey: ElementModP) -> UInt256 {
        var parts: [any HashEncodable] = [UInt8(0x40), jointKey]
        for ciphertext in vector {
            parts.append(ciphertext.pad)
            parts.append(ciphertext.data)
        }
        return ElectionHash.hash(key: extendedBaseHash.bytes, parts)
    }

    /// 17.B, equation (94): χ_l = H(H_E; 0x41, l, K, ψ_σ(1), …, ψ_σ(m+L)), the hashes in ascending order.
    static func contestHash(sequenceOrder: Int, selectionHashes: [UInt256], extendedBaseHash: UInt256,
                            jointKey: ElementModP) -> UInt256 {
        var parts: [any HashEncodable] = [UInt8(0x41), SpecVersion.b4(sequenceOrder), jointKey]
        parts.append(contentsOf: ascending(selectionHashes) as [any HashEncodable])
        return ElectionHash.hash(key: extendedBaseHash.bytes, parts)
    }

    /// 17.C, equation (95): H(B) = H(H_E; 0x42, χ_1, …, χ_mB, B_aux), B_aux raw.
    static func confirmationCode(contestHashes: [UInt256], codeBaux: [UInt8], extendedBaseHash: UInt256) -> UInt256 {
        var parts: [any HashEncodable] = [UInt8(0x42)]
        parts.append(contentsOf: contestHashes as [any HashEncodable])
        parts.append(codeBaux)
        return ElectionHash.hash(key: extendedBaseHash.bytes, parts)
    }

    /// 18.A: ω = Ω(ψ). egk's Ω (and Plebiscite's) is the first `length` characters of ψ's upper-case hex.
    static func shortCode(_ selectionHash: UInt256, length: Int = 5) -> String {
        String(Base16.encode(selectionHash.bytes).prefix(length))
    }

    /// Hashes ascending as 32-byte big-endian numbers.
    static func ascending(_ hashes: [UInt256]) -> [UInt256] {
        hashes.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
    }
}
