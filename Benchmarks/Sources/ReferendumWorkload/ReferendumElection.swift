import ElectionGuard

/// The election every benchmark measures: one referendum contest with the selections "yes" and "no" and
/// one vote allowed, 5 guardians with quorum 3, keys from a full key ceremony (spec 3.2), hashes in the
/// `.v2_0_0` dialect. scripts/peer_workload.py builds the same shape on the Python peer.
public struct ReferendumElection: Sendable {
    public static let guardianCount = 5
    public static let quorum = 3
    public static let styleId = "referendum-style"

    /// The key ceremony's public record and the guardians' key shares.
    public let ceremony: KeyCeremony.Result
    /// K with its fixed-base table.
    public let publicKey: ElGamalPublicKey
    public let extendedBaseHash: UInt256
    public let contest: ContestDescription
    public let encryptor: BallotEncryptor

    /// Runs the key ceremony and prepares encryption (the table of K is built here, once).
    /// - Throws: what `KeyCeremony.run` throws; with honest guardians it does not.
    public init<R: RandomNumberGenerator>(using generator: inout R) throws {
        let dialect = ProtocolDialect.v2_0_0
        let parameterBaseHash = ElectionHashes.parameterBaseHash(dialect)
        let guardians = (1...Self.guardianCount).map { x in
            KeyCeremonyGuardian.generate(id: "guardian-\(x)", xCoordinate: x, quorum: Self.quorum,
                                         parameterBaseHash: parameterBaseHash, dialect: dialect, using: &generator)
        }
        ceremony = try KeyCeremony.run(guardians: guardians, quorum: Self.quorum, using: &generator)
        publicKey = ElGamalPublicKey(ceremony.jointPublicKey)
        contest = ContestDescription(
            id: "referendum", sequenceOrder: 1, votesAllowed: 1,
            selections: [SelectionDescription(id: "yes", sequenceOrder: 1), SelectionDescription(id: "no", sequenceOrder: 2)]
        )
        let manifestHash = ElectionHashes.manifestHash(
            parameterBaseHash: parameterBaseHash, manifest: Array(#"{"contests":["referendum"]}"#.utf8), dialect)
        let baseHash = ElectionHashes.baseHash(
            parameterBaseHash: parameterBaseHash, manifestHash: manifestHash,
            guardians: Self.guardianCount, quorum: Self.quorum, dialect)
        extendedBaseHash = ElectionHashes.extendedBaseHash(
            baseHash: baseHash, jointPublicKey: ceremony.jointPublicKey,
            commitments: ceremony.guardians.map(\.commitments), dialect)
        encryptor = BallotEncryptor(publicKey: publicKey, extendedBaseHash: extendedBaseHash,
                                    contests: [contest], dialect: dialect)
    }

    /// Ballot `number`: "yes" when even, "no" when odd (the peer workload alternates the same way).
    public func plaintextBallot(_ number: Int) -> PlaintextBallot {
        let choice = number.isMultiple(of: 2) ? "yes" : "no"
        return PlaintextBallot(id: "ballot-\(number)", styleId: Self.styleId,
                               contests: [.init(contestId: contest.id, votes: [choice: 1])])
    }

    /// Encrypts `ballot` with its proofs, contest data and confirmation code (`BallotEncryptor.encrypt`).
    public func encrypt(_ ballot: PlaintextBallot, nonce: UInt256) throws -> EncryptedBallot {
        try encryptor.encrypt(ballot, ballotNonce: nonce, codeBaux: Array("plebiscite-benchmark".utf8),
                              device: "benchmark", timestamp: 1_767_225_600)
    }

    /// A fresh primary nonce ξ_B.
    public static func randomNonce<R: RandomNumberGenerator>(using generator: inout R) -> UInt256 {
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        for _ in 0..<4 { withUnsafeBytes(of: generator.next()) { bytes.append(contentsOf: $0) } }
        return try! UInt256(bytes: bytes)
    }
}
