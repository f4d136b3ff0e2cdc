/// Encrypts plaintext ballots for one election (spec 3.3): every selection with its range proof,
/// each contest's total with its limit proof, the contest data, the contest hashes and the
/// confirmation code. Every nonce derives from the ballot's primary nonce ξ_B, so the device that
/// keeps ξ_B can open a challenged ballot and anyone given ξ_B can re-encrypt it to check.
public struct BallotEncryptor: Sendable {
    public let publicKey: ElGamalPublicKey
    public let hashes: BallotHashes
    /// The contests of the ballot style, in sequence order.
    public let contests: [ContestDescription]

    /// - Parameter contests: the contests of the ballot style to encrypt for.
    public init(publicKey: ElGamalPublicKey, extendedBaseHash: UInt256, contests: [ContestDescription],
                dialect: ProtocolDialect = .v2_0_0) {
        self.publicKey = publicKey
        self.hashes = BallotHashes(extendedBaseHash: extendedBaseHash, publicKey: publicKey.key, dialect: dialect)
        self.contests = contests.sorted { $0.sequenceOrder < $1.sequenceOrder }
    }

    /// Encrypts `ballot` with primary nonce `ballotNonce`.
    /// - Parameters:
    ///   - codeBaux: B_aux, hashed into the confirmation code (a `BallotChain`'s `nextBaux` when chaining).
    ///   - state: the state to record; a ballot is usually encrypted as `.unknown` and then cast or challenged.
    /// - Throws: `invalidBallot` for a contest or selection not in the style, or a vote other than 0 or 1.
    public func encrypt(
        _ ballot: PlaintextBallot, ballotNonce: UInt256, codeBaux: [UInt8], device: String, timestamp: Int,
        state: EncryptedBallot.State = .unknown
    ) throws -> EncryptedBallot {
        let byContest = Dictionary(ballot.contests.map { ($0.contestId, $0) }, uniquingKeysWith: { first, _ in first })
        let known = Set(contests.map(\.id))
        if let unknown = ballot.contests.first(where: { !known.contains($0.contestId) }) {
            throw ElectionGuardError.invalidBallot("ballot \(ballot.id): contest \(unknown.contestId) is not on ballot style \(ballot.styleId)")
        }
        let encrypted = try contests.map { contest in
            try encrypt(byContest[contest.id] ?? .init(contestId: contest.id, votes: [:]), contest: contest,
                        ballotId: ballot.id, ballotNonce: ballotNonce)
        }
        let code = hashes.confirmationCode(contestHashes: encrypted.map(\.contestHash), codeBaux: codeBaux)
        return EncryptedBallot(ballotId: ballot.id, styleId: ballot.styleId, encryptingDevice: device,
                               timestamp: timestamp, codeBaux: codeBaux, confirmationCode: code,
                               contests: encrypted, state: state)
    }

    func encrypt(_ plain: PlaintextBallot.Contest, contest: ContestDescription, ballotId: String, ballotNonce: UInt256) throws -> EncryptedContest {
        let known = Set(contest.selections.map(\.id))
        if let unknown = plain.votes.keys.sorted().first(where: { !known.contains($0) }) {
            throw ElectionGuardError.invalidBallot("ballot \(ballotId): selection \(unknown) is not in contest \(contest.id)")
        }
        if let (id, vote) = plain.votes.first(where: { $0.value != 0 && $0.value != 1 }) {
            throw ElectionGuardError.invalidBallot("ballot \(ballotId): selection \(id) has vote \(vote); a vote is 0 or 1")
        }
        let selections = contest.selections.sorted { $0.sequenceOrder < $1.sequenceOrder }
        let voted = selections.filter { plain.votes[$0.id] == 1 }
        let status = ContestData.status(votes: voted.count + plain.writeIns.count, limit: contest.votesAllowed)
        // An over-voted contest is recorded as voting for nothing; what was marked goes into the contest data.
        let overVoted = status == .overVote
        let votes = selections.map { overVoted ? 0 : (plain.votes[$0.id] ?? 0) }
        let nonces = selections.map { hashes.selectionNonce(ballotNonce: ballotNonce, contest: contest, selection: $0) }
        let ciphertexts = zip(votes, nonces).map { publicKey.encrypt($0, nonce: $1) }
        let data = ContestData(status: status, overVotes: overVoted ? voted.map(\.sequenceOrder) : [],
                               writeIns: plain.writeIns)
        return assemble(contest, selections: selections, ciphertexts: ciphertexts, nonces: nonces, votes: votes,
                        data: data, ballotNonce: ballotNonce)
    }

    /// A contest from its selections' ciphertexts (in `selections` order), their nonces and votes: a range
    /// proof (0 or 1) per selection, the proof of the total (the proof is about what the ciphertexts hold:
    /// write-ins count toward the status only), the contest data and the contest hash. Shared by ordinary
    /// and pre-encrypted ballots.
    func assemble(_ contest: ContestDescription, selections: [SelectionDescription], ciphertexts: [ElGamalCiphertext],
                  nonces: [ElementModQ], votes: [Int], data: ContestData, ballotNonce: UInt256) -> EncryptedContest {
        let encryptedSelections = selections.indices.map { k in
            EncryptedSelection(selectionId: selections[k].id, sequenceOrder: selections[k].sequenceOrder, ciphertext: ciphertexts[k],
                               proof: RangeProof.prove(ciphertext: ciphertexts[k], plaintext: votes[k], nonce: nonces[k], limit: 1,
                                                       publicKey: publicKey, extendedBaseHash: hashes.extendedBaseHash))
        }
        let proof = RangeProof.prove(ciphertext: .sum(ciphertexts), plaintext: votes.reduce(0, +), nonce: nonces.reduce(.zero, +),
                                     limit: contest.votesAllowed, publicKey: publicKey, extendedBaseHash: hashes.extendedBaseHash)
        let contestHash = hashes.contestHash(contestId: contest.id, sequenceOrder: contest.sequenceOrder, ciphertexts: ciphertexts)
        return EncryptedContest(contestId: contest.id, sequenceOrder: contest.sequenceOrder,
                                votesAllowed: contest.votesAllowed, contestHash: contestHash, selections: encryptedSelections,
                                proof: proof, contestData: encryptContestData(data, contest: contest, ballotNonce: ballotNonce))
    }

    func encryptContestData(_ data: ContestData, contest: ContestDescription, ballotNonce: UInt256) -> HashedElGamalCiphertext {
        let message = data.encoded(votesAllowed: contest.votesAllowed)
        let nonce = hashes.contestDataNonce(ballotNonce: ballotNonce, contest: contest)
        let pad = GroupParameters.gTable.power(nonce)
        let keys = hashes.contestDataKeys(contestId: contest.id, pad: pad, sharedSecret: publicKey.power(nonce),
                                          numBytes: message.count)
        return keys.encrypt(message, pad: pad)
    }
}
