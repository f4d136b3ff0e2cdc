/// A guardian at decryption time: its coordinate and its key share s_i = Σ_j P_j(i) (secret).
public struct DecryptingGuardian: Sendable {
    public let id: String
    public let xCoordinate: Int
    /// s_i, secret.
    public let keyShare: ElementModQ

    public init(id: String, xCoordinate: Int, keyShare: ElementModQ) {
        self.id = id
        self.xCoordinate = xCoordinate
        self.keyShare = keyShare
    }

    /// Round 1 of the decryption protocol (spec 3.6.2–3.6.3) for one ciphertext with pad A:
    /// M_i = A^s_i with commitments a_i = g^u_i, b_i = A^u_i. Keep `nonce` secret until round 2.
    public func partialDecrypt(_ target: DecryptionTarget, nonce: ElementModQ) -> PartialDecryption {
        PartialDecryption(
            guardianId: id, xCoordinate: xCoordinate,
            share: target.pad.powerSecret(keyShare),
            commitmentA: GroupParameters.gTable.power(nonce),
            commitmentB: target.pad.powerSecret(nonce)
        )
    }

    /// Round 2: the response v_i = u_i − c_i·s_i to this guardian's challenge c_i = c·w_i.
    public func respond(nonce: ElementModQ, challenge: ElementModQ) -> ElementModQ {
        nonce - challenge * keyShare
    }
}

/// A guardian's partial decryption of one ciphertext with its proof commitments (round 1).
public struct PartialDecryption: Sendable, Hashable, Codable {
    public let guardianId: String
    public let xCoordinate: Int
    /// M_i = A^s_i.
    public let share: ElementModP
    /// a_i = g^u_i.
    public let commitmentA: ElementModP
    /// b_i = A^u_i.
    public let commitmentB: ElementModP

    public init(guardianId: String, xCoordinate: Int, share: ElementModP, commitmentA: ElementModP, commitmentB: ElementModP) {
        self.guardianId = guardianId
        self.xCoordinate = xCoordinate
        self.share = share
        self.commitmentA = commitmentA
        self.commitmentB = commitmentB
    }

    /// True when a guardian's response v_i proves its share: a_i = g^v_i · (g^s_i)^c_i and
    /// b_i = A^v_i · M_i^c_i (spec equations 72–73).
    /// - Parameter shareKey: g^s_i, from the commitments (`[GuardianPublicKeys].shareKey(of:)`).
    public func verify(response: ElementModQ, challenge: ElementModQ, target: DecryptionTarget, shareKey: ElementModP) -> Bool {
        commitmentA == GroupParameters.gTable.power(response) * shareKey.power(challenge)
            && commitmentB == target.pad.power(response) * share.power(challenge)
    }
}
