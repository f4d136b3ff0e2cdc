/// The hashes that tie a ballot to the election and to its confirmation code (spec 3.3.2, 3.4).
/// `ProtocolDialect.ballotIdentifiers` decides whether contests and selections enter by id or by
/// sequence order.
public struct BallotHashes: Sendable {
    public let extendedBaseHash: UInt256
    public let publicKey: ElementModP
    public let dialect: ProtocolDialect

    public init(extendedBaseHash: UInt256, publicKey: ElementModP, dialect: ProtocolDialect = .v2_0_0) {
        self.extendedBaseHash = extendedBaseHash
        self.publicKey = publicKey
        self.dialect = dialect
    }

    /// ξ_i,j = H(H_E; 0x20, ξ_B, contest, selection) mod q, a selection's encryption nonce.
    public func selectionNonce(ballotNonce: UInt256, contest: ContestDescription, selection: SelectionDescription) -> ElementModQ {
        switch dialect.ballotIdentifiers {
        case .labels:
            ElectionHash.hashModQ(extendedBaseHash, UInt8(0x20), ballotNonce, contest.id, selection.id)
        case .sequenceOrders:
            ElectionHash.hashModQ(extendedBaseHash, UInt8(0x20), ballotNonce,
                                  FixedWidthInteger(contest.sequenceOrder, width: 4),
                                  FixedWidthInteger(selection.sequenceOrder, width: 4))
        }
    }

    /// ξ = H(H_E; 0x20, ξ_B, contest, "contest_data") mod q, the nonce of a contest's data.
    public func contestDataNonce(ballotNonce: UInt256, contest: ContestDescription) -> ElementModQ {
        switch dialect.ballotIdentifiers {
        case .labels:
            ElectionHash.hashModQ(extendedBaseHash, UInt8(0x20), ballotNonce, contest.id, "contest_data")
        case .sequenceOrders:
            ElectionHash.hashModQ(extendedBaseHash, UInt8(0x20), ballotNonce,
                                  FixedWidthInteger(contest.sequenceOrder, width: 4), "contest_data")
        }
    }

    /// The key schedule of a contest's data, given β = K^ξ (spec equations 49–52, as egk computes them).
    func contestDataKeys(contestId: String, pad: ElementModP, sharedSecret: ElementModP, numBytes: Int) -> HashedElGamalKeys {
        let secret = ElectionHash.hash(extendedBaseHash, UInt8(0x22), publicKey, pad, sharedSecret)
        return HashedElGamalKeys(
            secret: secret, counterWidth: 4, counterOffset: 0, label: "share_enc_keys",
            context: Array(("contest_data" + contestId).utf8), length: FixedWidthInteger(8 * numBytes, width: 4))
    }

    /// χ = H(H_E; 0x23, contest, K, α_1, β_1, ..., α_m, β_m), the contest hash.
    public func contestHash(contestId: String, sequenceOrder: Int, ciphertexts: [ElGamalCiphertext]) -> UInt256 {
        var parts: [any HashEncodable] = [UInt8(0x23)]
        let key: [UInt8]
        switch dialect.ballotIdentifiers {
        case .labels:
            key = extendedBaseHash.modQ.bytes
            parts.append(contestId)
        case .sequenceOrders:
            key = extendedBaseHash.bytes
            parts.append(FixedWidthInteger(sequenceOrder, width: 4))
        }
        parts.append(publicKey)
        for ciphertext in ciphertexts {
            parts.append(ciphertext.pad)
            parts.append(ciphertext.data)
        }
        return ElectionHash.hash(key: key, parts)
    }

    /// H(B) = H(H_E; 0x24, χ_1, ..., χ_m, B_aux), the confirmation code (spec equation 59).
    public func confirmationCode(contestHashes: [UInt256], codeBaux: [UInt8]) -> UInt256 {
        let parts: [any HashEncodable] = [UInt8(0x24)] + contestHashes + [codeBaux]
        return ElectionHash.hash(key: extendedBaseHash.bytes, parts)
    }
}

/// Ballot chaining on one device (spec 3.4.2, as egk computes it): the first ballot's B_aux is
/// H(H_E; 0x24, B_aux,0); each later one is the previous confirmation code followed by B_aux,0, so the
/// codes of a device form a chain that no ballot can be removed from unnoticed.
public struct BallotChain: Sendable, Hashable {
    /// B_aux,0: the device's configured bytes.
    public let initialBaux: [UInt8]
    public let extendedBaseHash: UInt256
    /// The last confirmation code on this device, nil before the first ballot.
    public private(set) var lastCode: UInt256?

    public init(initialBaux: [UInt8], extendedBaseHash: UInt256, lastCode: UInt256? = nil) {
        self.initialBaux = initialBaux
        self.extendedBaseHash = extendedBaseHash
        self.lastCode = lastCode
    }

    /// H₀ = H(H_E; 0x24, B_aux,0): the first ballot's B_aux, and what egk writes as a chain's `baux0`.
    public var head: UInt256 { ElectionHash.hash(extendedBaseHash, UInt8(0x24), initialBaux) }

    /// B_aux for the next ballot.
    public var nextBaux: [UInt8] {
        if let lastCode { return lastCode.bytes + initialBaux }
        return head.bytes
    }

    /// Records that a ballot with `code` was made.
    public mutating func append(_ code: UInt256) { lastCode = code }

    /// H(H_E; 0x24, H(B_last) ‖ B_aux,0 ‖ "CLOSE"): the value that closes a device's chain (spec 2.0.0 §3.4.3);
    /// a chain with no ballot closes on 32 zero bytes in place of H(B_last), as egk does.
    public var closingCode: UInt256 {
        ElectionHash.hash(extendedBaseHash, UInt8(0x24), (lastCode?.bytes ?? [UInt8](repeating: 0, count: 32)) + initialBaux + Array("CLOSE".utf8))
    }
}
