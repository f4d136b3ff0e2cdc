import CExponentiationCounter
import ElectionGuard

/// 4096-bit exponentiations (256-bit exponents) of one kind of work, split by method.
struct ExponentiationCount: Encodable, Equatable {
    /// Through a fixed-base table (g or K): about 25 modular multiplications each.
    var fixedBase = 0
    /// mpz_powm: a variable base and a public exponent.
    var variableBase = 0
    /// mpz_powm_sec: a variable base and a secret exponent.
    var variableBaseSecret = 0

    var total: Int { fixedBase + variableBase + variableBaseSecret }

    private enum CodingKeys: String, CodingKey { case fixedBase, variableBase, variableBaseSecret, total }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fixedBase, forKey: .fixedBase)
        try container.encode(variableBase, forKey: .variableBase)
        try container.encode(variableBaseSecret, forKey: .variableBaseSecret)
        try container.encode(total, forKey: .total)
    }

    static let method = """
        counted while the timed loops run, by counter.c in CExponentiationCounter, which takes GMP's calls \
        from ElectionGuard and forwards them: mpz_powm and mpz_powm_sec calls are the variable-base ones; \
        fixed-base ones are half the mpz_init2 calls for 8256 bits (FixedBaseTable.power makes two such \
        working integers); divided by the ballots; expected_from_ballot_shape is the same count derived \
        from the ballot's contests and limits and the code paths of BallotEncryptor and RangeProof. \
        Only GMP's calls are seen: with AVX-512 IFMA arithmetic the counts are zero (run with PLEBISCITE_NO_IFMA=1)
        """

    /// The calls counted since the last take, averaged over `ballots` (rounded down).
    static func take(perBallot ballots: Int) -> ExponentiationCount {
        let counts = plebiscite_gmp_counts_take()
        return ExponentiationCount(fixedBase: Int(counts.table_working_integers) / 2 / ballots,
                                   variableBase: Int(counts.powm) / ballots,
                                   variableBaseSecret: Int(counts.powm_sec) / ballots)
    }

    /// Encrypting a ballot: per selection g^ξ and K^(σ+ξ) and a range proof with limit 1; per contest a
    /// range proof with limit L and the contest data's g^ξ and K^ξ. A range proof with limit L makes
    /// g^u_j and K^(...) for each j in 0...L.
    static func encryption(of ballot: EncryptedBallot) -> ExponentiationCount {
        var count = ExponentiationCount()
        for contest in ballot.contests {
            count.fixedBase += contest.selections.count * (2 + 2 * 2) + 2 * (contest.votesAllowed + 1) + 2
        }
        return count
    }

    /// Verifying a ballot: a range proof with limit L recomputes g^v_j·α^c_j and K^(...)·β^c_j for each
    /// j in 0...L; selections have L = 1, contests their votes allowed. With subgroup checks, α^q and β^q
    /// for every selection as well.
    static func verification(of ballot: EncryptedBallot, subgroupChecks: Bool) -> ExponentiationCount {
        var count = ExponentiationCount()
        for contest in ballot.contests {
            let proofTerms = contest.selections.count * 2 + (contest.votesAllowed + 1)
            count.fixedBase += 2 * proofTerms
            count.variableBase += 2 * proofTerms + (subgroupChecks ? 2 * contest.selections.count : 0)
        }
        return count
    }
}
