import Foundation

/// What the verifier found: one result per check, in the spec's order, and figures about the run.
public struct VerificationReport: Sendable, Hashable, Codable {
    /// How the run went: what was read and how long it took.
    public struct Statistics: Sendable, Hashable, Codable {
        /// Encrypted ballot files read.
        public var ballots = 0
        /// Devices (directories under `encrypted_ballots/`).
        public var devices = 0
        /// Challenged-ballot decryption files read.
        public var challengedBallotFiles = 0
        /// True when subgroup checks were batched and commitments computed by the verifier's own
        /// multi-exponentiation; false for one-by-one verification with ElectionGuard's functions.
        public var batched = false
        /// Concurrent workers.
        public var jobs = 1
        /// Batches of ballot subgroup checks.
        public var subgroupBatches = 0
        /// Batches that failed, whose elements were then checked one by one to name the culprits.
        public var subgroupBatchesFailed = 0
        /// Wall-clock seconds of the whole run.
        public var seconds = 0.0
        /// Wall-clock seconds of the ballot pass.
        public var ballotSeconds = 0.0
        /// Processor seconds (all threads, user and system) of the ballot pass.
        public var ballotCPUSeconds = 0.0
    }

    /// The record's directory as given.
    public let record: String
    /// Every check, in report order.
    public let checks: [CheckResult]
    public let statistics: Statistics

    /// True when no check failed: the exit status is 0 exactly then.
    public var passed: Bool { checks.allSatisfy(\.isPassing) }

    /// The checks that failed.
    public var failures: [CheckResult] { checks.filter { $0.status == .failed } }

    /// The result of check `id`.
    public subscript(id: CheckID) -> CheckResult? { checks.first { $0.id == id } }

    /// The report as JSON: sorted keys, indented.
    public func jsonString() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
