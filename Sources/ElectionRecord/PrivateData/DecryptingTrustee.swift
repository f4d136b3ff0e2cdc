import ElectionGuard

/// `private_data/trustees/decryptingTrustee-<guardian_id>.json`: a guardian's secrets. Never publish.
public struct DecryptingTrusteeJSON: Codable, Sendable, Hashable {
    /// The `id` field.
    public var id: String
    /// i.
    public var x_coordinate: Int
    /// a_i,0 ... a_i,k−1, 64 hex digits each.
    public var polynomial_coefficients: [String]
    /// P(i) = Σ_j P_j(i) mod q, the share used to decrypt.
    public var key_share: String

    /// Memberwise, with the values as the file holds them.
    public init(id: String, x_coordinate: Int, polynomial_coefficients: [String], key_share: String) {
        self.id = id
        self.x_coordinate = x_coordinate
        self.polynomial_coefficients = polynomial_coefficients
        self.key_share = key_share
    }
}

/// A guardian's secrets as egk keeps them: its polynomial's coefficients and its key share.
public struct DecryptingTrustee: Sendable {
    /// The guardian's id.
    public let id: String
    /// i.
    public let xCoordinate: Int
    /// a_i,0 ... a_i,k−1 (a_i,0 is the guardian's secret key).
    public let polynomialCoefficients: [ElementModQ]
    /// s_i = P(i).
    public let keyShare: ElementModQ

    /// Memberwise.
    public init(id: String, xCoordinate: Int, polynomialCoefficients: [ElementModQ], keyShare: ElementModQ) {
        self.id = id
        self.xCoordinate = xCoordinate
        self.polynomialCoefficients = polynomialCoefficients
        self.keyShare = keyShare
    }

    /// The guardian as threshold decryption uses it.
    public var decryptingGuardian: DecryptingGuardian {
        DecryptingGuardian(id: id, xCoordinate: xCoordinate, keyShare: keyShare)
    }
}

extension DecryptingTrusteeJSON {
    /// The JSON of `trustee`.
    public init(_ trustee: DecryptingTrustee) {
        self.init(id: trustee.id, x_coordinate: trustee.xCoordinate,
                  polynomial_coefficients: trustee.polynomialCoefficients.map(\.hex), key_share: trustee.keyShare.hex)
    }

    /// The trustee, every secret checked to be in Z_q.
    public func trustee(at field: RecordField) throws(ElectionRecordError) -> DecryptingTrustee {
        var coefficients = [ElementModQ]()
        for (index, coefficient) in polynomial_coefficients.enumerated() {
            coefficients.append(try field["polynomial_coefficients"][index].elementModQ(coefficient))
        }
        return DecryptingTrustee(
            id: id, xCoordinate: try field["x_coordinate"].integer(x_coordinate, in: 1...Int(UInt32.max)),
            polynomialCoefficients: coefficients, keyShare: try field["key_share"].elementModQ(key_share))
    }
}
