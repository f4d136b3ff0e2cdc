import ElectionGuard
import Foundation
import ReferendumWorkload

/// One run of the workload: set up the election, then encrypt every ballot, then verify every ballot
/// twice (without and with subgroup checks), each loop timed on its own.
struct WorkloadRun {
    let ballots: Int

    /// - Throws: `WorkloadError` when a ballot fails to verify (the figures would mean nothing).
    func measure() throws -> WorkloadReport {
        var generator = SystemRandomNumberGenerator()
        let gTableTime = Stopwatch.time { _ = GroupParameters.gTable }
        var election: ReferendumElection?
        let electionTime = try Stopwatch.time { election = try ReferendumElection(using: &generator) }
        guard let election else { fatalError("set by the closure above") }
        let verification = BallotVerification(election: election)

        let plaintexts = (0..<ballots).map(election.plaintextBallot)
        let nonces = (0..<ballots).map { _ in ReferendumElection.randomNonce(using: &generator) }
        for warmUp in 0..<2 {
            let ballot = try election.encrypt(plaintexts[warmUp % ballots], nonce: nonces[warmUp % ballots])
            try check(verification.failuresDecoding(ballot))
        }

        _ = ExponentiationCount.take(perBallot: 1)
        var encrypted = [EncryptedBallot]()
        encrypted.reserveCapacity(ballots)
        let encryptTime = try Stopwatch.time {
            for index in 0..<ballots { encrypted.append(try election.encrypt(plaintexts[index], nonce: nonces[index])) }
        }
        let encryptCount = ExponentiationCount.take(perBallot: ballots)

        var failures = [String]()
        let verifyTime = Stopwatch.time {
            for ballot in encrypted { failures += verification.failures(of: ballot) }
        }
        let verifyCount = ExponentiationCount.take(perBallot: ballots)
        try check(failures)

        let decodingTime = Stopwatch.time {
            for ballot in encrypted { failures += verification.failuresDecoding(ballot) }
        }
        let decodingCount = ExponentiationCount.take(perBallot: ballots)
        try check(failures)

        let sample = encrypted[0]
        let encrypt = encryptTime.millisecondsPer(ballots), verify = verifyTime.millisecondsPer(ballots)
        let decoding = decodingTime.millisecondsPer(ballots)
        return WorkloadReport(
            implementation: "Plebiscite ElectionGuard (Swift, spec 2.0, \(GroupParameters.arithmetic))",
            arithmetic: GroupParameters.arithmetic,
            ballots: ballots,
            cpusAllowed: Self.cpusAllowed(),
            guardians: ReferendumElection.guardianCount,
            quorum: ReferendumElection.quorum,
            contest: .init(selections: election.contest.selections.count, votesAllowed: election.contest.votesAllowed),
            setup: .init(gTableS: gTableTime.wallSeconds.rounded(places: 3),
                         keyCeremonyAndKTableS: electionTime.wallSeconds.rounded(places: 3)),
            encryptMsPerBallot: encrypt.wall,
            encryptCpuMsPerBallot: encrypt.cpu,
            verifyMsPerBallot: verify.wall,
            verifyCpuMsPerBallot: verify.cpu,
            verifyWithSubgroupChecksMsPerBallot: decoding.wall,
            verifyWithSubgroupChecksCpuMsPerBallot: decoding.cpu,
            exponentiationsPerBallot: .init(encrypt: encryptCount, verify: verifyCount,
                                            verifyWithSubgroupChecks: decodingCount),
            expectedFromBallotShape: .init(
                encrypt: .encryption(of: sample),
                verify: .verification(of: sample, subgroupChecks: false),
                verifyWithSubgroupChecks: .verification(of: sample, subgroupChecks: true)),
            exponentiationCountMethod: ExponentiationCount.method
        )
    }

    private func check(_ failures: [String]) throws {
        if !failures.isEmpty { throw WorkloadError.ballotDoesNotVerify(failures) }
    }

    /// The number of CPUs the scheduler may run this process on, from Linux's "Cpus_allowed_list" ("0", "0-1,3");
    /// nil elsewhere.
    static func cpusAllowed() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") })
        else { return nil }
        var count = 0
        for range in line.dropFirst("Cpus_allowed_list:".count).split(separator: ",") {
            let bounds = range.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard let first = bounds.first else { return nil }
            count += (bounds.last ?? first) - first + 1
        }
        return count
    }
}

/// Why a workload run stops.
enum WorkloadError: Error, CustomStringConvertible {
    /// An encrypted ballot failed a check; the figures of such a run would measure a bug.
    case ballotDoesNotVerify([String])

    var description: String {
        switch self {
        case .ballotDoesNotVerify(let failures): "a ballot does not verify: \(failures.joined(separator: "; "))"
        }
    }
}
