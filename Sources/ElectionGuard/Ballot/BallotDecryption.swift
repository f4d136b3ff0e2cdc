/// What a ballot held: the vote for each selection and each contest's data.
public struct DecryptedBallot: Sendable, Hashable {
    public struct Contest: Sendable, Hashable {
        public let contestId: String
        /// Votes by selection id.
        public let votes: [String: Int]
        public let contestData: ContestData

        public init(contestId: String, votes: [String: Int], contestData: ContestData) {
            self.contestId = contestId
            self.votes = votes
            self.contestData = contestData
        }
    }

    public let ballotId: String
    public let contests: [Contest]

    public init(ballotId: String, contests: [Contest]) {
        self.ballotId = ballotId
        self.contests = contests
    }
}

extension BallotHashes {
    /// Opens a contest's data with β = K^ξ (known to whoever holds the nonce) or β = C0^s (from the guardians).
    /// - Throws: `macMismatch` when the data was altered or β is wrong; `invalidBallot` when it does not parse.
    public func decryptContestData(_ data: HashedElGamalCiphertext, contestId: String, beta: ElementModP) throws -> ContestData {
        let keys = contestDataKeys(contestId: contestId, pad: data.c0, sharedSecret: beta, numBytes: data.numBytes)
        guard let message = keys.decrypt(data) else { throw ElectionGuardError.macMismatch(what: "contest \(contestId) data") }
        return try ContestData(decoding: message)
    }
}

extension BallotEncryptor {
    /// Opens `ballot` with its primary nonce (spec 3.6.5): re-derives every selection nonce, checks that
    /// each pad is g^ξ, and reads each vote from β / K^ξ.
    /// - Throws: `invalidBallot` when a pad does not match the nonce or a value is not 0 or 1;
    ///   `macMismatch` for altered contest data.
    public func decrypt(_ ballot: EncryptedBallot, ballotNonce: UInt256) throws -> DecryptedBallot {
        let descriptions = Dictionary(uniqueKeysWithValues: contests.map { ($0.id, $0) })
        let contests = try ballot.contests.map { contest in
            guard let description = descriptions[contest.contestId] else {
                throw ElectionGuardError.invalidBallot("ballot \(ballot.ballotId): contest \(contest.contestId) is not on its style")
            }
            let selectionsById = Dictionary(uniqueKeysWithValues: description.selections.map { ($0.id, $0) })
            var votes = [String: Int]()
            for selection in contest.selections {
                let field = "ballot \(ballot.ballotId) contest \(contest.contestId) selection \(selection.selectionId)"
                guard let selectionDescription = selectionsById[selection.selectionId] else {
                    throw ElectionGuardError.invalidBallot("\(field): not in the contest")
                }
                let nonce = hashes.selectionNonce(ballotNonce: ballotNonce, contest: description, selection: selectionDescription)
                guard selection.ciphertext.pad == GroupParameters.gTable.power(nonce) else {
                    throw ElectionGuardError.invalidBallot("\(field): the pad is not g to the nonce")
                }
                let power = selection.ciphertext.decryptToPower(nonce: nonce, publicKey: publicKey)
                if power == .one {
                    votes[selection.selectionId] = 0
                } else if power == publicKey.key {
                    votes[selection.selectionId] = 1
                } else {
                    throw ElectionGuardError.invalidBallot("\(field): the ciphertext holds neither 0 nor 1")
                }
            }
            let dataNonce = hashes.contestDataNonce(ballotNonce: ballotNonce, contest: description)
            let data = try hashes.decryptContestData(contest.contestData, contestId: contest.contestId,
                                                     beta: publicKey.power(dataNonce))
            return DecryptedBallot.Contest(contestId: contest.contestId, votes: votes, contestData: data)
        }
        return DecryptedBallot(ballotId: ballot.ballotId, contests: contests)
    }
}
