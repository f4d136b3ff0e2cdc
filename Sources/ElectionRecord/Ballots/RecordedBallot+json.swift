import ElectionGuard

extension EncryptedBallotJSON {
    /// The JSON of `ballot`, null fields left out as egk writes them.
    public init(_ recorded: RecordedBallot) {
        let ballot = recorded.ballot
        self.init(
            ballot_id: ballot.ballotId, ballot_style_id: ballot.styleId, encrypting_device: ballot.encryptingDevice,
            timestamp: ballot.timestamp, code_baux: Base16.encode(ballot.codeBaux),
            confirmation_code: ballot.confirmationCode.hex, election_id: recorded.electionId.hex,
            contests: zip(ballot.contests, recorded.preEncryptions).map { EncryptedContestJSON($0, preEncryption: $1) },
            state: ballot.state.rawValue, encrypted_sn: recorded.encryptedSerialNumber.map(ElGamalCiphertextJSON.init),
            is_preencrypt: recorded.isPreencrypt, primary_nonce: recorded.primaryNonce?.hex)
    }

    /// The ballot, every number checked (hex, width, range, subgroup) and the state a known name.
    /// - Throws: `ElectionRecordError.invalidValue` naming the field, e.g. `contests[3].selections[1].encrypted_vote.pad`.
    public func recordedBallot(at field: RecordField) throws(ElectionRecordError) -> RecordedBallot {
        guard let state = EncryptedBallot.State(rawValue: state) else {
            throw field["state"].invalid(.unknownName(state, allowed: EncryptedBallot.State.allCases.map(\.rawValue)))
        }
        // The cheap fields first, so that a bad one is reported without checking every ciphertext.
        let codeBaux = try field["code_baux"].bytes(code_baux)
        let confirmationCode = try field["confirmation_code"].uint256(confirmation_code)
        let electionId = try field["election_id"].uint256(election_id)
        let primaryNonce = try primary_nonce.map { (hex) throws(ElectionRecordError) in try field["primary_nonce"].uint256(hex) }
        let serialNumber = try encrypted_sn.map { (json) throws(ElectionRecordError) in
            try json.ciphertext(at: field["encrypted_sn"])
        }
        var contests = [EncryptedContest](), preEncryptions = [PreEncryption?]()
        for (index, contest) in self.contests.enumerated() {
            let at = field["contests"][index]
            contests.append(try contest.contest(at: at))
            preEncryptions.append(try contest.pre_encryption.map { (json) throws(ElectionRecordError) in
                try json.preEncryption(contestId: contest.contest_id, at: at["pre_encryption"])
            })
        }
        let ballot = EncryptedBallot(
            ballotId: ballot_id, styleId: ballot_style_id, encryptingDevice: encrypting_device, timestamp: timestamp,
            codeBaux: codeBaux, confirmationCode: confirmationCode, contests: contests, state: state)
        return RecordedBallot(ballot: ballot, electionId: electionId, encryptedSerialNumber: serialNumber,
                              isPreencrypt: is_preencrypt, primaryNonce: primaryNonce, preEncryptions: preEncryptions)
    }
}

extension EncryptedContestJSON {
    /// The JSON of `contest`.
    public init(_ contest: EncryptedContest, preEncryption: PreEncryption? = nil) {
        self.init(
            contest_id: contest.contestId, sequence_order: contest.sequenceOrder, votes_allowed: contest.votesAllowed,
            contest_hash: contest.contestHash.hex,
            selections: contest.selections.map {
                EncryptedSelectionJSON(selection_id: $0.selectionId, sequence_order: $0.sequenceOrder,
                                       encrypted_vote: ElGamalCiphertextJSON($0.ciphertext), proof: RangeProofJSON($0.proof))
            },
            proof: RangeProofJSON(contest.proof), encrypted_contest_data: HashedElGamalCiphertextJSON(contest.contestData),
            pre_encryption: preEncryption.map(PreEncryptionJSON.init))
    }

    /// The contest, every number checked.
    public func contest(at field: RecordField) throws(ElectionRecordError) -> EncryptedContest {
        var selections = [EncryptedSelection]()
        for (index, selection) in self.selections.enumerated() {
            let at = field["selections"][index]
            selections.append(EncryptedSelection(
                selectionId: selection.selection_id, sequenceOrder: selection.sequence_order,
                ciphertext: try selection.encrypted_vote.ciphertext(at: at["encrypted_vote"]),
                proof: try selection.proof.rangeProof(at: at["proof"])))
        }
        return EncryptedContest(
            contestId: contest_id, sequenceOrder: sequence_order,
            votesAllowed: try field["votes_allowed"].integer(votes_allowed, in: 0...Int.max),
            contestHash: try field["contest_hash"].uint256(contest_hash), selections: selections,
            proof: try proof.rangeProof(at: field["proof"]),
            contestData: try encrypted_contest_data.ciphertext(at: field["encrypted_contest_data"]))
    }
}

extension PreEncryptionJSON {
    /// The JSON of `preEncryption`.
    public init(_ preEncryption: PreEncryption) {
        self.init(
            preencryption_hash: preEncryption.preEncryptionHash.hex,
            all_selection_hashes: preEncryption.allSelectionHashes.map(\.hex),
            selected_vectors: preEncryption.selectedVectors.map {
                SelectionVectorJSON(selection_hash: $0.selectionHash.hex, short_code: $0.shortCode,
                                    encryptions: $0.encryptions.map(ElGamalCiphertextJSON.init))
            })
    }

    /// The pre-encryption data, every hash and ciphertext checked.
    public func preEncryption(contestId: String, at field: RecordField) throws(ElectionRecordError) -> PreEncryption {
        var hashes = [UInt256]()
        for (index, hash) in all_selection_hashes.enumerated() {
            hashes.append(try field["all_selection_hashes"][index].uint256(hash))
        }
        var vectors = [PreEncryption.SelectedVector]()
        for (index, vector) in selected_vectors.enumerated() {
            let at = field["selected_vectors"][index]
            var encryptions = [ElGamalCiphertext]()
            for (j, encryption) in vector.encryptions.enumerated() {
                encryptions.append(try encryption.ciphertext(at: at["encryptions"][j]))
            }
            vectors.append(PreEncryption.SelectedVector(
                selectionHash: try at["selection_hash"].uint256(vector.selection_hash), shortCode: vector.short_code,
                encryptions: encryptions))
        }
        return PreEncryption(contestId: contestId, preEncryptionHash: try field["preencryption_hash"].uint256(preencryption_hash),
                             allSelectionHashes: hashes, selectedVectors: vectors)
    }
}
