/// What ballot-workload prints (keys in snake_case). `..._ms_per_ballot` is wall-clock time of the one
/// thread that runs the workload (the script pins it to one core), `..._cpu_ms_per_ballot` its CPU time.
struct WorkloadReport: Encodable {
    struct Contest: Encodable {
        let selections: Int
        let votesAllowed: Int
    }

    struct Setup: Encodable {
        /// Building the fixed-base table of g.
        let gTableS: Double
        /// The key ceremony of 5 guardians with quorum 3, the hashes, and the table of K.
        let keyCeremonyAndKTableS: Double
    }

    struct Exponentiations: Encodable {
        let encrypt: ExponentiationCount
        let verify: ExponentiationCount
        let verifyWithSubgroupChecks: ExponentiationCount
    }

    let implementation: String
    /// "AVX-512 IFMA" or "GMP" (PLEBISCITE_NO_IFMA=1 or a CPU without IFMA).
    let arithmetic: String
    let ballots: Int
    /// The CPUs this process may run on; 1 when pinned.
    let cpusAllowed: Int?
    let guardians: Int
    let quorum: Int
    let contest: Contest
    let setup: Setup
    let encryptMsPerBallot: Double
    let encryptCpuMsPerBallot: Double
    let verifyMsPerBallot: Double
    let verifyCpuMsPerBallot: Double
    /// As `verifyMsPerBallot`, plus the check that every α and β is in Z_p^r (as decoding a record does).
    let verifyWithSubgroupChecksMsPerBallot: Double
    let verifyWithSubgroupChecksCpuMsPerBallot: Double
    let exponentiationsPerBallot: Exponentiations
    let expectedFromBallotShape: Exponentiations
    let exponentiationCountMethod: String
}
