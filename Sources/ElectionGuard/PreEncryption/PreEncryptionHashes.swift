/// The hashes of pre-encryption (spec 2.0.0 §4.1–4.2, as egk computes them: docs/electionguard-2.0-encodings.md §9).
///
/// With `ProtocolDialect.BallotIdentifiers.labels` (egk's PreEncryption vectors) contests, rows and
/// selections enter as UTF-8 ids; every value is checked byte for byte by the vectors. With
/// `.sequenceOrders` they enter as 4-byte big-endian sequence orders, as spec 2.0.0 writes ind_c and
/// ind_o; no published vector checks that form.
extension BallotHashes {
    /// ξ_i,j,k = H(H_E; 0x43, ξ, contest i, row j, selection k) mod q: the nonce of the encryption of
    /// selection k in row j (spec 2.0.0 §4.2.1, equation 96). `primaryNonce` enters as its 32 raw bytes.
    public func preEncryptionNonce(primaryNonce: UInt256, contest: ContestDescription, row: PreEncryptionRowKey,
                                   selection: SelectionDescription) -> ElementModQ {
        switch dialect.ballotIdentifiers {
        case .labels:
            ElectionHash.hashModQ(extendedBaseHash, UInt8(0x43), primaryNonce, contest.id, row.id, selection.id)
        case .sequenceOrders:
            ElectionHash.hashModQ(extendedBaseHash, UInt8(0x43), primaryNonce,
                                  FixedWidthInteger(contest.sequenceOrder, width: 4),
                                  FixedWidthInteger(row.sequenceOrder, width: 4),
                                  FixedWidthInteger(selection.sequenceOrder, width: 4))
        }
    }

    /// ψ = H(H_E; 0x40, K, α_1, β_1, …, α_m, β_m), a row's selection hash (spec 2.0.0 §4.1.1, equations 92–93).
    public func selectionHash(_ selectionVector: [ElGamalCiphertext]) -> UInt256 {
        var parts: [any HashEncodable] = [UInt8(0x40), publicKey]
        for ciphertext in selectionVector {
            parts.append(ciphertext.pad)
            parts.append(ciphertext.data)
        }
        return ElectionHash.hash(key: extendedBaseHash.bytes, parts)
    }

    /// χ = H(H_E; 0x41, contest, K, ψ_(1), …, ψ_(m+L)), the hashes sorted ascending (spec 2.0.0 §4.1.2, equation 94).
    public func preEncryptionContestHash(contest: ContestDescription, selectionHashes: [UInt256]) -> UInt256 {
        var parts: [any HashEncodable] = [UInt8(0x41)]
        switch dialect.ballotIdentifiers {
        case .labels: parts.append(contest.id)
        case .sequenceOrders: parts.append(FixedWidthInteger(contest.sequenceOrder, width: 4))
        }
        parts.append(publicKey)
        parts += PreEncryptedContest.sorted(selectionHashes) as [any HashEncodable]
        return ElectionHash.hash(key: extendedBaseHash.bytes, parts)
    }

    /// H(B) = H(H_E; 0x42, χ_1, …, χ_m, B_aux): a pre-encrypted ballot's confirmation code, the same in
    /// every dialect (spec 2.0.0 §4.1.3, equation 95; B_aux raw, as in `confirmationCode`).
    public func preEncryptionConfirmationCode(contestHashes: [UInt256], codeBaux: [UInt8]) -> UInt256 {
        var parts: [any HashEncodable] = [UInt8(0x42)]
        parts += contestHashes as [any HashEncodable]
        parts.append(codeBaux)
        return ElectionHash.hash(key: extendedBaseHash.bytes, parts)
    }
}

/// What names a row of a pre-encrypted contest in its nonces: the selection's id and sequence order,
/// or for null row i (1-based) "null" + i (spec 2.0.0 §4.2.1) and the largest selection sequence order
/// plus i (the spec gives null rows no index; egk's vector numbers them so).
public struct PreEncryptionRowKey: Sendable, Hashable {
    public let id: String
    public let sequenceOrder: Int
    public let isNull: Bool

    public init(id: String, sequenceOrder: Int, isNull: Bool) {
        self.id = id
        self.sequenceOrder = sequenceOrder
        self.isNull = isNull
    }

    /// The m selection rows in sequence order, then the L null rows, of `contest`.
    public static func rows(of contest: ContestDescription) -> [PreEncryptionRowKey] {
        let selections = contest.selections.sorted { $0.sequenceOrder < $1.sequenceOrder }
        let last = selections.last?.sequenceOrder ?? 0
        return selections.map { PreEncryptionRowKey(id: $0.id, sequenceOrder: $0.sequenceOrder, isNull: false) }
            + (0..<max(0, contest.votesAllowed)).map {
                PreEncryptionRowKey(id: "null\($0 + 1)", sequenceOrder: last + $0 + 1, isNull: true)
            }
    }
}
