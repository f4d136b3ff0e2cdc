import CGMP
import ElectionGuard

/// Verifies the range proofs of one contest of a ballot: each selection's proof that it encrypts 0 or 1
/// (verification 5) and the contest total's proof that it is at most L (verification 6).
///
/// One by one, each proof goes to ElectionGuard's `RangeProof.verify`: every commitment
/// a_j = g^(v_j)·α^(c_j), b_j = K^(v_j − j·c_j)·β^(c_j) is two exponentiations with GMP's `mpz_powm`.
///
/// What cannot be batched: ElectionGuard 2.0 publishes a proof as (c_j, v_j) only, and its challenge is
/// the hash of every a_j and b_j. A verifier must therefore compute each commitment exactly; a random
/// linear combination of the equations a_j = g^(v_j)·α^(c_j) would need the a_j, which only the hash
/// check could confirm. So the batched path computes the same commitments, exactly, with fewer
/// multiplications (`PowerTable`): α and β are each raised to L+1 challenges, and share one table of
/// digit bases (192 squarings) instead of 256 squarings per exponent; the contest total's tables are the
/// products of its selections' (no squarings at all). What is batched is the part of the check whose
/// both sides are known: subgroup membership of every α, β (`BatchSubgroupCheck`). A proof accepted
/// here is accepted by `RangeProof.verify` and the other way round (the tests compare them).
struct ContestProofs {
    let election: Election
    /// nil: one by one with ElectionGuard's functions.
    let workspace: MontgomeryWorkspace?

    /// Whether each selection's proof and the contest's proof verify; `limit` is the contest's L.
    func verify(_ contest: EncryptedContest, limit: Int) -> (selections: [Bool], total: Bool) {
        let key = election.publicKey, hash = election.extendedBaseHash
        guard let workspace, !contest.selections.isEmpty else {
            let selections = contest.selections.map {
                $0.proof.verify(ciphertext: $0.ciphertext, limit: 1, publicKey: key, extendedBaseHash: hash)
            }
            return (selections, contest.proof.verify(ciphertext: contest.total, limit: limit, publicKey: key, extendedBaseHash: hash))
        }
        var padTables = [PowerTable](), dataTables = [PowerTable]()
        var selections = [Bool]()
        for selection in contest.selections {
            let pads = workspace.powerTable(workspace.montgomery(selection.ciphertext.pad))
            let datas = workspace.powerTable(workspace.montgomery(selection.ciphertext.data))
            padTables.append(pads)
            dataTables.append(datas)
            selections.append(verify(selection.proof, limit: 1, ciphertext: selection.ciphertext, pads: pads, datas: datas))
        }
        let total = verify(contest.proof, limit: limit, ciphertext: contest.total,
                           pads: workspace.powerTable(product: padTables), datas: workspace.powerTable(product: dataTables))
        return (selections, total)
    }

    /// The check of `RangeProof.verify` with the commitments from the power tables of α and β.
    private func verify(_ proof: RangeProof, limit: Int, ciphertext: ElGamalCiphertext, pads: PowerTable, datas: PowerTable) -> Bool {
        guard let workspace, proof.challenges.count == limit + 1, proof.responses.count == limit + 1 else { return false }
        let key = election.publicKey
        var parts: [any HashEncodable] = [UInt8(0x21), key.key, ciphertext.pad, ciphertext.data]
        var sum = ElementModQ.zero
        for j in 0...limit {
            let c = proof.challenges[j], v = proof.responses[j]
            let exponent = c.bytes
            // A Montgomery-form power times a normal-form table power is the normal-form product.
            var a = workspace.power(pads, exponent: exponent)
            workspace.multiply(&a, by: MontgomeryField.limbs(bigEndian: GroupParameters.gTable.power(v).bytes))
            workspace.normalize(&a)
            var b = workspace.power(datas, exponent: exponent)
            workspace.multiply(&b, by: MontgomeryField.limbs(bigEndian: key.power(v - ElementModQ(UInt(j)) * c).bytes))
            workspace.normalize(&b)
            parts.append(MontgomeryField.bigEndian(a))
            parts.append(MontgomeryField.bigEndian(b))
            sum = sum + c
        }
        return sum == ElectionHash.hash(key: election.extendedBaseHash.modQ.bytes, parts).modQ
    }
}
