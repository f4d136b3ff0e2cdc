import Foundation
import ElectionGuard

/// The checks of one ballot a station hands in, before the store appends it: where it may stand in
/// its device's chain, and that it is a well-formed ballot of this election made for a voter the
/// station serves. The store then checks again, in the append's transaction, that the chain still
/// ends where this check read it (`StoreRules.append`).
public struct UploadRules: Sendable {
    public let definition: ReferendumDefinition
    public let election: ElectionSetup
    let publicKey: ElGamalPublicKey
    let hashes: BallotHashes

    public init(definition: ReferendumDefinition, election: ElectionSetup) {
        self.definition = definition
        self.election = election
        publicKey = ElGamalPublicKey(election.jointPublicKey)
        hashes = BallotHashes(extendedBaseHash: election.extendedBaseHash, publicKey: election.jointPublicKey)
    }

    /// Whether a ballot already received under this id is the one sent again (a repeated upload):
    /// same code, same decision.
    /// - Throws: `uploadConflict` when it differs.
    public static func requireSame(_ sent: BallotEntry, as stored: BallotEntry) throws {
        guard stored.confirmationCode == sent.confirmationCode, stored.status == sent.status,
              stored.revealedNonce == sent.revealedNonce, stored.pseudonym == sent.pseudonym else {
            throw ReferendumError.uploadConflict(ballotId: sent.ballotId, reason: "the central server holds another ballot or decision under this id")
        }
    }

    /// Checks that `entry` comes next on `owner`'s device after `head` (as the central server holds
    /// it), and that it is a ballot of this election for a voter `roster` serves.
    /// - Throws: `uploadConflict` for a ballot missing before it, out of order or not chained to the
    ///   previous code; `invalidInput` for a ballot that is not well formed (naming the field);
    ///   `wrongStation` for a voter the station does not serve.
    public func check(_ entry: BallotEntry, device: String, owner: ReferendumDefinition.Station, after head: ChainHead?,
                      roster: StationRoster) throws {
        let ballot = entry.ballot
        let id = String(entry.ballotId.prefix(ReferendumDefinition.maximumInputLength + 8))
        func invalid(_ field: String, _ reason: String) -> ReferendumError {
            .invalidInput(field: "ballot \(id): \(field)", reason: reason)
        }
        guard entry.deviceId == device else { throw invalid("encryptingDevice", "the ballot was made on another device than its batch's (\(device))") }
        let expected = BallotEntry.ballotId(device: device, sequence: (head?.length ?? 0) + 1)
        guard entry.ballotId == expected else {
            throw ReferendumError.uploadConflict(ballotId: id, reason: "the next ballot of \(device) is \(expected): a ballot is missing or out of order")
        }
        let chain = BallotChain(initialBaux: election.baux0, extendedBaseHash: election.extendedBaseHash, lastCode: head?.lastCode)
        guard ballot.codeBaux == chain.nextBaux else {
            throw ReferendumError.uploadConflict(ballotId: id, reason: "its chain does not follow the device's last code: the chain is broken")
        }
        guard entry.stationId == owner.id, entry.channel == (owner.kind == .mobile ? .mobile : .station) else {
            throw invalid("stationId", "a ballot of device \(device) is made at \(owner.id), channel \(owner.kind == .mobile ? "mobile" : "station")")
        }
        guard entry.status != .pending else { throw invalid("status", "hand in decided ballots only (cast, challenged or abandoned)") }
        guard ballot.state == entry.status.ballotState else { throw invalid("ballot.state", "does not match status \(entry.status.rawValue)") }
        guard entry.status == .abandoned || entry.decidedAt != nil else { throw invalid("decidedAt", "a cast or challenged ballot says when") }
        if entry.status == .challenged {
            guard entry.revealedNonce != nil, let choice = entry.revealedChoice, definition.options.contains(where: { $0.id == choice }) else {
                throw invalid("revealedNonce", "a challenged ballot carries its nonce and an option of this referendum")
            }
        } else if entry.revealedNonce != nil || entry.revealedChoice != nil {
            throw invalid("revealedNonce", "only a challenged ballot is opened")
        }
        guard (entry.mobileVisitId != nil) == (owner.kind == .mobile) else {
            throw invalid("mobileVisitId", "a mobile box's ballot names its visit, and only such a ballot")
        }
        guard let voter = roster.voters[entry.pseudonym] else {
            throw ReferendumError.wrongStation(station: owner.id, reason: "ballot \(id) is for a voter this station does not serve")
        }
        try owner.requireServes(voter)
        guard entry.region == voter.homeRegion else { throw invalid("region", "is not the voter's home region") }
        try requireWellFormed(ballot, region: entry.region, invalid: invalid)
    }

    /// The ballot is one contest, the region's, with its options, valid proofs, and a contest hash and
    /// confirmation code that follow from its ciphertexts (spec 3.3, verifications 4, 5 and 6).
    func requireWellFormed(_ ballot: EncryptedBallot, region: String, invalid: (String, String) -> ReferendumError) throws {
        guard ballot.styleId == definition.ballotStyle(for: region) else { throw invalid("styleId", "is not \(definition.ballotStyle(for: region))") }
        guard let contest = definition.contest(for: region), ballot.contests.count == 1, let sent = ballot.contests.first,
              sent.contestId == contest.id, sent.sequenceOrder == contest.sequenceOrder, sent.votesAllowed == contest.votesAllowed else {
            throw invalid("contests", "a ballot holds its region's one contest")
        }
        let selections = contest.selections.sorted { $0.sequenceOrder < $1.sequenceOrder }
        guard sent.selections.map(\.selectionId) == selections.map(\.id),
              sent.selections.map(\.sequenceOrder) == selections.map(\.sequenceOrder) else {
            throw invalid("selections", "are not the contest's options in order")
        }
        for selection in sent.selections {
            guard selection.proof.verify(ciphertext: selection.ciphertext, limit: 1, publicKey: publicKey,
                                         extendedBaseHash: election.extendedBaseHash) else {
                throw invalid("selection \(selection.selectionId).proof", "the range proof does not verify")
            }
        }
        guard sent.proof.verify(ciphertext: sent.total, limit: contest.votesAllowed, publicKey: publicKey,
                                extendedBaseHash: election.extendedBaseHash) else {
            throw invalid("contest.proof", "the proof of the contest's total does not verify")
        }
        let contestHash = hashes.contestHash(contestId: contest.id, sequenceOrder: contest.sequenceOrder, ciphertexts: sent.selections.map(\.ciphertext))
        guard contestHash == sent.contestHash else { throw invalid("contestHash", "does not follow from the ciphertexts") }
        guard hashes.confirmationCode(contestHashes: [contestHash], codeBaux: ballot.codeBaux) == ballot.confirmationCode else {
            throw invalid("confirmationCode", "does not follow from the contest hash and the chain")
        }
    }
}
