import ElectionGuard

/// The record's files, each at its place in egk's layout.
extension ElectionRecordWriter {
    /// `constants.json`.
    public func write(constants: ElectionConstants = .standard) throws(ElectionRecordError) {
        try write(json: ElectionConstantsJSON(constants), to: RecordLayout.constants)
    }

    /// `manifest.json`: the manifest's bytes exactly as they are, since H_M hashes them.
    public func write(manifest: ElectionManifest) throws(ElectionRecordError) {
        try write(bytes: manifest.bytes, to: RecordLayout.manifest)
    }

    /// `election_config.json`.
    public func write(config: ElectionConfig) throws(ElectionRecordError) {
        try write(json: ElectionConfigJSON(config), to: RecordLayout.config)
    }

    /// `election_initialized.json`.
    public func write(initialized: ElectionInitialized) throws(ElectionRecordError) {
        try write(json: ElectionInitializedJSON(initialized), to: RecordLayout.initialized)
    }

    /// `encrypted_ballots/<device>/eballot-<ballot_id>.json`, the device being the ballot's encrypting device.
    /// - Throws: `invalidName` for a device or id that cannot name a file, `duplicate` for a ballot
    ///   already written on that device.
    public func append(_ ballot: RecordedBallot) throws(ElectionRecordError) {
        let file = try RecordLayout.encryptedBallot(device: ballot.encryptingDevice, ballotId: ballot.ballotId)
        try write(json: EncryptedBallotJSON(ballot), to: file)
    }

    /// `encrypted_ballots/<device>/ballot_chain.json`. egk then reads exactly the ballots it lists.
    public func write(ballotChain: BallotChainRecord) throws(ElectionRecordError) {
        for id in ballotChain.ballotIds { _ = try RecordLayout.component(id) }
        try write(json: BallotChainJSON(ballotChain), to: RecordLayout.ballotChain(device: ballotChain.encryptingDevice))
    }

    /// `encrypted_tally.json`.
    public func write(encryptedTally: EncryptedTally) throws(ElectionRecordError) {
        try write(json: EncryptedTallyJSON(encryptedTally), to: RecordLayout.encryptedTally)
    }

    /// `tally.json`.
    public func write(tally: DecryptedTallyOrBallot) throws(ElectionRecordError) {
        try write(json: DecryptedTallyOrBallotJSON(tally), to: RecordLayout.tally)
    }

    /// `challenged_ballots/dballot-<ballot_id>.json`, named by the decryption's `id` (the ballot id).
    public func write(challengedBallot: DecryptedTallyOrBallot) throws(ElectionRecordError) {
        try write(json: DecryptedTallyOrBallotJSON(challengedBallot), to: RecordLayout.challengedBallot(challengedBallot.id))
    }

    /// `private_data/trustees/decryptingTrustee-<guardian_id>.json`. Private: never publish a record holding it.
    public func write(trustee: DecryptingTrustee) throws(ElectionRecordError) {
        try write(json: DecryptingTrusteeJSON(trustee), to: RecordLayout.trustee(trustee.id))
    }

    /// `private_data/input/pballot-<ballot_id>.json`. Private: never publish a record holding it.
    public func write(plaintextBallot: PlaintextBallotJSON) throws(ElectionRecordError) {
        try write(json: plaintextBallot, to: RecordLayout.plaintextBallot(plaintextBallot.ballot_id))
    }
}
