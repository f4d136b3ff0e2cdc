import ElectionGuard
import Testing

@Suite("Known answers: parameters and base hashes")
struct ParametersVectorTests {
    let vector: ParametersVector

    init() throws { vector = try loadVector("ParametersTestVector") }

    @Test("the standard group is the vector's p, q and g, byte for byte")
    func group() {
        let primes = vector.parameter_base_hash.primes
        #expect(Base16.encode(GroupParameters.largePrime) == primes.large_prime, "ParametersTestVector.primes.large_prime")
        #expect(Base16.encode(GroupParameters.smallPrime) == primes.small_prime, "ParametersTestVector.primes.small_prime")
        #expect(Base16.encode(GroupParameters.generator) == primes.generator, "ParametersTestVector.primes.generator")
    }

    @Test("H_P")
    func parameterBaseHash() {
        #expect(vector.parameter_base_hash.protocolVersion == ProtocolDialect.egkVectors.version)
        #expect(ElectionHashes.parameterBaseHash(.egkVectors).hex == vector.parameter_base_hash.expected,
                "ParametersTestVector.parameter_base_hash.expected")
    }

    @Test("H_B")
    func baseHash() throws {
        let input = vector.election_base_hash
        let hash = ElectionHashes.baseHash(
            parameterBaseHash: try u256(input.parameterBaseHash, "election_base_hash.parameterBaseHash"),
            manifestHash: try u256(input.manifest_hash, "election_base_hash.manifest_hash"),
            guardians: input.numberOfGuardians, quorum: input.quorum,
            date: input.date, jurisdiction: input.jurisdiction_info, .egkVectors)
        #expect(hash.hex == input.expected, "ParametersTestVector.election_base_hash.expected")
    }
}
