/// The hashes that bind a record to its parameters, manifest, guardians and key (spec 3.1.3–3.2.3).
public enum ElectionHashes {
    /// H_P = H(version; 0x00, p, q, g), the parameter base hash (spec equation 4).
    public static func parameterBaseHash(_ dialect: ProtocolDialect = .v2_0_0) -> UInt256 {
        var versionBytes = Array(dialect.version.utf8)
        versionBytes += [UInt8](repeating: 0, count: max(0, 32 - versionBytes.count))
        let key = UInt256(exactly: Array(versionBytes.prefix(32)))
        return ElectionHash.hash(
            key, UInt8(0x00),
            GroupParameters.largePrime, GroupParameters.smallPrime, GroupParameters.generator
        )
    }

    /// H_M = H(H_P; 0x01, [b4(length),] manifest bytes), over the manifest file exactly as stored (spec equation 5).
    public static func manifestHash(parameterBaseHash: UInt256, manifest: [UInt8], _ dialect: ProtocolDialect = .v2_0_0) -> UInt256 {
        if dialect.manifestHashLengthPrefix {
            return ElectionHash.hash(parameterBaseHash, UInt8(0x01), FixedWidthInteger(manifest.count, width: 4), manifest)
        }
        return ElectionHash.hash(parameterBaseHash, UInt8(0x01), manifest)
    }

    /// H_B, the election base hash (spec equation 6), in the dialect's form.
    /// - Parameters:
    ///   - guardians: n. - quorum: k. - date, jurisdiction: hashed only by the vectors' form.
    public static func baseHash(
        parameterBaseHash: UInt256, manifestHash: UInt256, guardians: Int, quorum: Int,
        date: String = "", jurisdiction: String = "", _ dialect: ProtocolDialect = .v2_0_0
    ) -> UInt256 {
        switch dialect.baseHashForm {
        case .manifestThenCounts:
            ElectionHash.hash(parameterBaseHash, UInt8(0x02), manifestHash, dialect.index(guardians), dialect.index(quorum))
        case .countsDateJurisdictionManifest:
            ElectionHash.hash(
                parameterBaseHash, UInt8(0x02), dialect.index(guardians), dialect.index(quorum),
                date, jurisdiction, manifestHash
            )
        }
    }

    /// H_E, the extended base hash (spec equation 20): H(H_B; 0x12, K [, every K_i,j in guardian order]).
    /// - Parameter commitments: each guardian's coefficient commitments, guardians in coordinate order.
    public static func extendedBaseHash(
        baseHash: UInt256, jointPublicKey: ElementModP, commitments: [[ElementModP]], _ dialect: ProtocolDialect = .v2_0_0
    ) -> UInt256 {
        var parts: [any HashEncodable] = [UInt8(0x12), jointPublicKey]
        if dialect.extendedBaseHashIncludesCommitments {
            for guardian in commitments { parts.append(contentsOf: guardian as [any HashEncodable]) }
        }
        return ElectionHash.hash(key: baseHash.bytes, parts)
    }
}
