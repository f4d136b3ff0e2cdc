import ElectionGuard

extension ElGamalCiphertextJSON {
    /// The JSON of `ciphertext`.
    public init(_ ciphertext: ElGamalCiphertext) {
        self.init(pad: ciphertext.pad.hex, data: ciphertext.data.hex)
    }

    /// The ciphertext, both parts checked to be in Z_p^r.
    /// - Throws: `ElectionRecordError.invalidValue` naming `field.pad` or `field.data`.
    public func ciphertext(at field: RecordField) throws(ElectionRecordError) -> ElGamalCiphertext {
        ElGamalCiphertext(pad: try field["pad"].elementModP(pad), data: try field["data"].elementModP(data))
    }
}

extension ChaumPedersenJSON {
    /// The JSON of a decryption proof.
    public init(_ proof: DecryptionProof) {
        self.init(challenge: proof.challenge.hex, response: proof.response.hex)
    }

    /// The decryption proof, challenge and response checked to be in Z_q.
    public func decryptionProof(at field: RecordField) throws(ElectionRecordError) -> DecryptionProof {
        DecryptionProof(challenge: try field["challenge"].elementModQ(challenge),
                        response: try field["response"].elementModQ(response))
    }
}

extension RangeProofJSON {
    /// The JSON of a range proof.
    public init(_ proof: RangeProof) {
        self.init(proofs: zip(proof.challenges, proof.responses).map { ChaumPedersenJSON(challenge: $0.hex, response: $1.hex) })
    }

    /// The range proof, every challenge and response checked to be in Z_q.
    /// - Throws: `invalidValue` for an empty proof or a bad number, naming `field.proofs[j]...`.
    public func rangeProof(at field: RecordField) throws(ElectionRecordError) -> RangeProof {
        let parts = field["proofs"]
        guard !proofs.isEmpty else { throw parts.invalid("a range proof has at least one part") }
        var challenges = [ElementModQ](), responses = [ElementModQ]()
        for (index, part) in proofs.enumerated() {
            challenges.append(try parts[index]["challenge"].elementModQ(part.challenge))
            responses.append(try parts[index]["response"].elementModQ(part.response))
        }
        return RangeProof(challenges: challenges, responses: responses)
    }
}

extension HashedElGamalCiphertextJSON {
    /// The JSON of a hashed-ElGamal ciphertext.
    public init(_ ciphertext: HashedElGamalCiphertext) {
        self.init(c0: ciphertext.c0.hex, c1: Base16.encode(ciphertext.c1), c2: ciphertext.c2.hex, numBytes: ciphertext.numBytes)
    }

    /// The ciphertext: C0 in Z_p^r, C1 hex of any length, C2 a 256-bit MAC, 0 ≤ numBytes ≤ |C1|.
    public func ciphertext(at field: RecordField) throws(ElectionRecordError) -> HashedElGamalCiphertext {
        let c0 = try field["c0"].elementModP(self.c0)
        let c1 = try field["c1"].bytes(self.c1)
        let c2 = try field["c2"].uint256(self.c2)
        let numBytes = try field["numBytes"].integer(numBytes, in: 0...c1.count)
        return HashedElGamalCiphertext(c0: c0, c1: c1, c2: c2, numBytes: numBytes)
    }
}

extension SchnorrProofJSON {
    /// The JSON of a Schnorr proof.
    public init(_ proof: SchnorrProof) {
        self.init(public_key: proof.publicKey.hex, challenge: proof.challenge.hex, response: proof.response.hex)
    }

    /// The proof: commitment in Z_p^r, challenge and response in Z_q.
    public func schnorrProof(at field: RecordField) throws(ElectionRecordError) -> SchnorrProof {
        SchnorrProof(publicKey: try field["public_key"].elementModP(public_key),
                     challenge: try field["challenge"].elementModQ(challenge),
                     response: try field["response"].elementModQ(response))
    }
}
