import ElectionGuard

/// Verification 7 (spec 2.0.0 §3.4): contest hashes, confirmation codes and, when devices chain their
/// codes, the chain of each device, in the bytes egk's 2.0.0 records use
/// (docs/electionguard-2.0-encodings.md §5.5, §5.6).
enum ConfirmationCodeEquations {
    /// 7.A, equation (57): χ_l = H(H_E; 0x23, l, K, α_1, β_1, …, α_m, β_m), l the contest's sequence
    /// order in 4 bytes, the selections in the order the ballot lists them.
    static func contestHash(extendedBaseHash: UInt256, jointKey: ElementModP, sequenceOrder: Int,
                            ciphertexts: [ElGamalCiphertext]) -> UInt256 {
        var parts: [any HashEncodable] = [UInt8(0x23), SpecVersion.b4(sequenceOrder), jointKey]
        parts.reserveCapacity(3 + 2 * ciphertexts.count)
        for ciphertext in ciphertexts {
            parts.append(ciphertext.pad)
            parts.append(ciphertext.data)
        }
        return ElectionHash.hash(key: extendedBaseHash.bytes, parts)
    }

    /// 7.B, equation (58): H(B) = H(H_E; 0x24, χ_1, …, χ_mB, B_aux), B_aux raw (egk writes no length).
    static func confirmationCode(extendedBaseHash: UInt256, contestHashes: [UInt256], codeBaux: [UInt8]) -> UInt256 {
        var parts: [any HashEncodable] = [UInt8(0x24)]
        parts.append(contentsOf: contestHashes as [any HashEncodable])
        parts.append(codeBaux)
        return ElectionHash.hash(key: extendedBaseHash.bytes, parts)
    }

    /// 7.D, equation (59): H_0 = H(H_E; 0x24, B_aux,0).
    static func chainHead(extendedBaseHash: UInt256, baux0: [UInt8]) -> UInt256 {
        ElectionHash.hash(key: extendedBaseHash.bytes, [UInt8(0x24), baux0])
    }

    /// 7.E, equation (60): the B_aux of a device's next ballot. The first ballot's is H_0 (egk; the spec
    /// writes H_0 ‖ B_aux,0), each later one the previous confirmation code followed by B_aux,0.
    static func chainedBaux(previousCode: UInt256?, extendedBaseHash: UInt256, baux0: [UInt8]) -> [UInt8] {
        guard let previousCode else { return chainHead(extendedBaseHash: extendedBaseHash, baux0: baux0).bytes }
        return previousCode.bytes + baux0
    }

    /// 7.F and 7.G, equation (61): H = H(H_E; 0x24, H(B_ℓ) ‖ B_aux,0 ‖ "CLOSE"); a chain with no ballot
    /// closes on 32 zero bytes in place of H(B_ℓ), as egk does.
    static func closingHash(lastCode: UInt256?, extendedBaseHash: UInt256, baux0: [UInt8]) -> UInt256 {
        let last = lastCode?.bytes ?? [UInt8](repeating: 0, count: 32)
        return ElectionHash.hash(key: extendedBaseHash.bytes, [UInt8(0x24), last + baux0 + Array("CLOSE".utf8)])
    }
}
