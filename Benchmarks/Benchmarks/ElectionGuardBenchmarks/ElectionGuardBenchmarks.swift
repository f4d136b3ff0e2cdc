import Benchmark
import ElectionGuard
import ReferendumWorkload

/// The ElectionGuard operations a referendum's throughput depends on, on the election of
/// `ReferendumElection` (one yes/no contest, 5 guardians, quorum 3). Run with `swift package benchmark`
/// from Benchmarks/ (always a release build).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        warmupIterations: 2,
        maxDuration: .seconds(3),
        maxIterations: 1_000
    )

    exponentiationBenchmarks()
    ballotBenchmarks()
    guardianBenchmarks()
}

/// One 4096-bit exponentiation with a 256-bit exponent, by each method ElectionGuard has.
func exponentiationBenchmarks() {
    Benchmark("modexp variable base, public exponent (power)") { benchmark in
        let exponents = Fixtures.exponents, base = Fixtures.variableBase
        for _ in benchmark.scaledIterations { blackHole(base.power(exponents.randomElement()!)) }
    }
    Benchmark("modexp variable base, secret exponent (powerSecret)") { benchmark in
        let exponents = Fixtures.exponents, base = Fixtures.variableBase
        for _ in benchmark.scaledIterations { blackHole(base.powerSecret(exponents.randomElement()!)) }
    }
    Benchmark("modexp g via fixed-base table (gTable.power)") { benchmark in
        let exponents = Fixtures.exponents
        for _ in benchmark.scaledIterations { blackHole(GroupParameters.gTable.power(exponents.randomElement()!)) }
    }
    Benchmark("modexp g via fixed-base table, 12-bit window (46 MB; a candidate default)") { benchmark in
        let exponents = Fixtures.exponents, table = Fixtures.wideGTable
        for _ in benchmark.scaledIterations { blackHole(table.power(exponents.randomElement()!)) }
    }
    Benchmark("modexp K via fixed-base table (ElGamalPublicKey.power)") { benchmark in
        let exponents = Fixtures.exponents, key = Fixtures.election.publicKey
        for _ in benchmark.scaledIterations { blackHole(key.power(exponents.randomElement()!)) }
    }
}

/// Encrypting and verifying one yes/no ballot, one at a time.
func ballotBenchmarks() {
    Benchmark("encrypt+prove one yes/no ballot") { benchmark in
        let election = Fixtures.election
        var generator = SystemRandomNumberGenerator()
        for _ in benchmark.scaledIterations {
            let nonce = ReferendumElection.randomNonce(using: &generator)
            let ballot = election.plaintextBallot(Int.random(in: 0...1, using: &generator))
            blackHole(try election.encrypt(ballot, nonce: nonce))
        }
    }
    Benchmark("verify one yes/no ballot (range proofs, contest proof, confirmation code)") { benchmark in
        let verification = BallotVerification(election: Fixtures.election), ballot = Fixtures.ballot
        for _ in benchmark.scaledIterations {
            let failures = verification.failures(of: ballot)
            precondition(failures.isEmpty, "the benchmark ballot does not verify: \(failures)")
        }
    }
}

/// What the guardians do once per election: the key ceremony, and decrypting a tally value.
func guardianBenchmarks() {
    Benchmark("key ceremony, 5 guardians, quorum 3", configuration: .init(maxDuration: .seconds(10), maxIterations: 20)) { _ in
        var generator = SystemRandomNumberGenerator()
        let parameterBaseHash = ElectionHashes.parameterBaseHash()
        let guardians = (1...5).map { x in
            KeyCeremonyGuardian.generate(id: "guardian-\(x)", xCoordinate: x, quorum: 3,
                                         parameterBaseHash: parameterBaseHash, using: &generator)
        }
        blackHole(try KeyCeremony.run(guardians: guardians, quorum: 3, using: &generator))
    }
    Benchmark("threshold decryption of one ciphertext, guardians 1, 3, 5 of 5") { _ in
        let election = Fixtures.election, present = Fixtures.presentGuardians
        var generator = SystemRandomNumberGenerator()
        let values = try ThresholdDecryption.decrypt(
            [Fixtures.ballot.contests[0].total], guardians: present, publicKeys: election.ceremony.guardians,
            quorum: ReferendumElection.quorum, publicKey: election.publicKey,
            extendedBaseHash: election.extendedBaseHash, discreteLog: Fixtures.discreteLog, bound: 1,
            using: &generator)
        precondition(values.map(\.value) == [1], "the ballot's contest total decrypts to 1")
    }
}

/// Built once, at first use: every benchmark shares one election.
enum Fixtures {
    static let election: ReferendumElection = {
        var generator = SystemRandomNumberGenerator()
        return try! ReferendumElection(using: &generator)
    }()

    static let ballot: EncryptedBallot = {
        var generator = SystemRandomNumberGenerator()
        return try! election.encrypt(election.plaintextBallot(0), nonce: ReferendumElection.randomNonce(using: &generator))
    }()

    /// A variable base: a share ciphertext's C0 from the key ceremony, an element of Z_p^r like any α.
    static let variableBase = election.ceremony.shares[0].ciphertext.c0

    /// g's table with 12-bit windows: 22 multiplications a power instead of 25, for about 3.4 times the memory.
    static let wideGTable = FixedBaseTable(base: .g, windowBits: 12)

    /// 64 random exponents; each iteration picks one, so that the measurements do not all repeat one input.
    static let exponents: [ElementModQ] = (0..<64).map { _ in ElementModQ.random() }

    static let presentGuardians = election.ceremony.keyShares.filter { [1, 3, 5].contains($0.xCoordinate) }

    static let discreteLog = DiscreteLog(base: election.publicKey.key, stride: 16)
}
