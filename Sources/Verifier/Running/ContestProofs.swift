import CGMP
import ElectionGuard

/// Verifies the range proofs of one contest of a ballot: each selection's proof that it encrypts 0 or 1
/// (verification 5) and the contest total's proof that it is at most L (verification 6), with the
/// verifier's own arithmetic (`MontgomeryWorkspace`) on the spec's equations: every commitment
/// a_j = g^(v_j)·α^(c_j), b_j = K^(v_j − j·c_j)·β^(c_j) is recomputed and the challenges must sum to
/// H(H_E; 0x21, K, α, β, a_0, b_0, ...). It never calls ElectionGuard's `RangeProof.verify` (issue 11);
/// g^v and K^w come from the fixed-base tables, which cost about 21 products against about 300 for a
/// variable base, so g and K are not put into the chain of α and β.
///
/// One by one (`shared` false), each α^c and β^c is its own exponentiation. Shared, α and β are each
/// raised to L+1 challenges and share one table of digit bases (`PowerTable`: 192 squarings) instead of
/// 256 squarings per exponent, and the contest total's tables are the products of its selections' (no
/// squarings at all).
///
/// What cannot be batched: ElectionGuard 2.0 publishes a proof as (c_j, v_j) only, and its challenge is
/// the hash of every a_j and b_j. A verifier must therefore compute each commitment exactly; a random
/// linear combination of the equations a_j = g^(v_j)·α^(c_j) would need the a_j, which only the hash
/// check could confirm. What is batched is the part of the check whose both sides are known: subgroup
/// membership of every α, β (`BatchSubgroupCheck`). Both ways accept exactly the proofs
/// `RangeProof.verify` accepts (the tests compare them).
struct ContestProofs {
    let election: Election
    /// Whether α and β share power tables across a contest's proofs (the batched path).
    let shared: Bool
    let workspace: MontgomeryWorkspace

    /// - Parameter workspace: the batched path's workspace; nil verifies one by one (with a workspace of its own).
    init(election: Election, workspace: MontgomeryWorkspace?) {
        self.election = election
        shared = workspace != nil
        self.workspace = workspace ?? MontgomeryWorkspace()
    }

    /// Whether each selection's proof and the contest's proof verify; `limit` is the contest's L.
    func verify(_ contest: EncryptedContest, limit: Int) -> (selections: [Bool], total: Bool) {
        guard shared, !contest.selections.isEmpty else {
            let selections = contest.selections.map { verifyAlone($0.proof, limit: 1, ciphertext: $0.ciphertext) }
            return (selections, verifyAlone(contest.proof, limit: limit, ciphertext: Self.total(of: contest)))
        }
        var padTables = [PowerTable](), dataTables = [PowerTable]()
        var selections = [Bool]()
        for selection in contest.selections {
            let pads = workspace.powerTable(workspace.montgomery(selection.ciphertext.pad))
            let datas = workspace.powerTable(workspace.montgomery(selection.ciphertext.data))
            padTables.append(pads)
            dataTables.append(datas)
            selections.append(verify(selection.proof, limit: 1, ciphertext: selection.ciphertext) { c in
                (workspace.power(pads, exponent: c), workspace.power(datas, exponent: c))
            })
        }
        let pads = workspace.powerTable(product: padTables), datas = workspace.powerTable(product: dataTables)
        let total = verify(contest.proof, limit: limit, ciphertext: Self.total(of: contest)) { c in
            (workspace.power(pads, exponent: c), workspace.power(datas, exponent: c))
        }
        return (selections, total)
    }

    /// The contest's total (ᾱ, β̄) = (∏ α_i, ∏ β_i) over its selections (spec 2.0.0, verification 6),
    /// multiplied here rather than taken from the producer's `EncryptedContest.total`.
    static func total(of contest: EncryptedContest) -> ElGamalCiphertext {
        ElGamalCiphertext(pad: contest.selections.reduce(ElementModP.one) { $0 * $1.ciphertext.pad },
                          data: contest.selections.reduce(ElementModP.one) { $0 * $1.ciphertext.data })
    }

    /// One proof with its own exponentiations of α and β.
    private func verifyAlone(_ proof: RangeProof, limit: Int, ciphertext: ElGamalCiphertext) -> Bool {
        let alpha = workspace.montgomery(ciphertext.pad), beta = workspace.montgomery(ciphertext.data)
        return verify(proof, limit: limit, ciphertext: ciphertext) { c in
            (workspace.power(alpha, exponent: c), workspace.power(beta, exponent: c))
        }
    }

    /// The proof's check, given α^c and β^c in Montgomery form for a challenge c's 32 bytes.
    private func verify(_ proof: RangeProof, limit: Int, ciphertext: ElGamalCiphertext,
                        powers: ([UInt8]) -> (alpha: [mp_limb_t], beta: [mp_limb_t])) -> Bool {
        guard proof.challenges.count == limit + 1, proof.responses.count == limit + 1 else { return false }
        let key = election.publicKey
        var parts: [any HashEncodable] = [UInt8(0x21), key.key, ciphertext.pad, ciphertext.data]
        var sum = ElementModQ.zero
        for j in 0...limit {
            let c = proof.challenges[j], v = proof.responses[j]
            let (alpha, beta) = powers(c.bytes)
            // A Montgomery-form power times a plain number is the plain product.
            let a = workspace.multiply(alpha, plain(GroupParameters.gTable.power(v)))
            let b = workspace.multiply(beta, plain(key.power(v - ElementModQ(UInt(j)) * c)))
            parts.append(MontgomeryField.bigEndian(workspace.reduced(a)))
            parts.append(MontgomeryField.bigEndian(workspace.reduced(b)))
            sum = sum + c
        }
        return sum == ElectionHash.hash(key: election.extendedBaseHash.modQ.bytes, parts).modQ
    }

    private func plain(_ element: ElementModP) -> [mp_limb_t] {
        workspace.plain(MontgomeryField.limbs(bigEndian: element.bytes))
    }
}
