import ElectionGuard

/// Verification 1.F–1.H (spec 2.0.0 §3.1.2–3.1.5): the hashes that bind a record to the standard group
/// parameters, its manifest and its guardians.
enum ParameterHashes {
    /// H_P = H(ver; 0x00, p, q, g), spec 2.0.0 equation (4): p and g in 512 bytes, q in 32; the
    /// standard parameters unless others are given.
    static func parameterBaseHash(_ version: SpecVersion = .v2_0_0, p: [UInt8] = GroupParameters.largePrime,
                                  q: [UInt8] = GroupParameters.smallPrime, g: [UInt8] = GroupParameters.generator) -> UInt256 {
        ElectionHash.hash(key: version.versionKey, [UInt8(0x00), p, q, g])
    }

    /// H_M = H(H_P; 0x01, manifest), equation (6), over the manifest file's bytes as stored. egk's 2.0.0
    /// records hash b(length, 4) before the bytes (docs/electionguard-2.0-encodings.md §2, "record").
    static func manifestHash(_ manifest: [UInt8], parameterBaseHash: UInt256) -> UInt256 {
        ElectionHash.hash(key: parameterBaseHash.bytes, [UInt8(0x01), SpecVersion.b4(manifest.count), manifest])
    }

    /// H_B = H(H_P; 0x02, H_M, n, k), equation (7), n and k in 4 bytes.
    static func baseHash(parameterBaseHash: UInt256, manifestHash: UInt256, guardians: Int, quorum: Int) -> UInt256 {
        ElectionHash.hash(key: parameterBaseHash.bytes,
                          [UInt8(0x02), manifestHash, SpecVersion.b4(guardians), SpecVersion.b4(quorum)])
    }
}
