import ElectionGuard
import ElectionRecord
import Foundation

/// What the verifier found for ballot files it has already verified, so that verifying a record again
/// after it changed (a record that grows during the voting days, or the mutation tests) re-verifies
/// only the ballots whose file changed.
///
/// An entry is keyed by an HMAC-SHA-256 over everything the ballot's own checks depend on: the file's
/// path and exact bytes, H_E, K, the manifest's bytes, and the mode (batched or not). Checks across ballots (duplicates, chains, the tally,
/// the referendum's rules) are always made again. Pass the same cache to successive verifications.
public final class VerificationCache: @unchecked Sendable {
    // @unchecked: `entries` is only touched under `lock`.
    private let lock = NSLock()
    private var entries = [UInt256: BallotPassResult]()

    /// An empty cache.
    public init() {}

    /// Ballot files remembered.
    public var count: Int { lock.withLock { entries.count } }

    subscript(key: UInt256) -> BallotPassResult? {
        get { lock.withLock { entries[key] } }
        set { lock.withLock { entries[key] = newValue } }
    }

    /// The key of a ballot file's result.
    /// - Parameter fingerprint: `BallotVerification.fingerprint` of the election.
    static func key(_ work: BallotWork, bytes: [UInt8], fingerprint: UInt256, batch: Bool) -> UInt256 {
        var message = Array(work.file.path.utf8) + [0, batch ? 1 : 0]
        message += bytes
        return ElectionHash.hmac(key: fingerprint.bytes, message: message)
    }
}

extension BallotVerification {
    /// A hash of the election values a ballot's checks depend on: H_E, K and the manifest's bytes.
    var fingerprint: UInt256 {
        ElectionHash.hash(key: election.extendedBaseHash.bytes, [election.publicKey.key, election.manifest.bytes])
    }
}

extension BallotPassResult {
    /// This one ballot's result as if found at `work`'s place in the record.
    func restamped(as work: BallotWork) -> BallotPassResult {
        var copy = self
        copy.ledger = ledger.restamped(ordinal: work.ordinal)
        copy.summaries = summaries.map { summary in
            var moved = BallotSummary(ordinal: work.ordinal, file: work.file, chainPosition: work.chainPosition)
            moved.ballotId = summary.ballotId
            moved.state = summary.state
            moved.confirmationCode = summary.confirmationCode
            moved.codeBaux = summary.codeBaux
            moved.contestIds = summary.contestIds
            moved.timestamp = summary.timestamp
            moved.decoded = summary.decoded
            return moved
        }
        return copy
    }
}

extension CheckLedger {
    /// The same ledger with every first failure placed at `ordinal`.
    func restamped(ordinal: Int) -> CheckLedger {
        var copy = self
        copy.restamp(ordinal)
        return copy
    }
}
