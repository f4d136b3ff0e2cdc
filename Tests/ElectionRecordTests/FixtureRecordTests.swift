import ElectionGuard
@testable import ElectionRecord
import Testing

/// Reads the whole egk record and checks that what was read is what egk meant: the hashes recompute,
/// the guardians' proofs verify, and a ballot's and the tally's proofs verify with the values read.
@Suite("egk record allAvailableJson")
struct FixtureRecordTests {
    let record: ElectionRecordDirectory

    init() throws {
        record = try Fixture.record()
    }

    @Test("constants are the standard group, cofactor zero-padded to 512 bytes")
    func constants() throws {
        let constants = try record.constants()
        #expect(constants.isStandard)
        #expect(constants == ElectionConstants.standard)
        #expect(constants.cofactor.count == 512 && constants.cofactor.prefix(31).allSatisfy { $0 == 0 })
    }

    @Test("H_P, H_M (raw manifest bytes) and H_B recompute to the config's values")
    func configHashes() throws {
        let config = try record.config()
        let manifest = try record.manifest()
        #expect(config.configVersion == "v2.0.0")
        #expect(config.numberOfGuardians == 3 && config.quorum == 3)
        #expect(config.chainConfirmationCodes == false)
        #expect(config.baux0 == Array("device information".utf8))
        #expect(config.metadata["Created by"] == "runFakeKeyCeremony")
        #expect(manifest.bytes == (try Fixture.bytes("manifest.json")))

        let parameterBaseHash = ElectionHashes.parameterBaseHash(.v2_0_0)
        #expect(parameterBaseHash == config.parameterBaseHash)
        let manifestHash = manifest.manifestHash(parameterBaseHash: parameterBaseHash, dialect: .v2_0_0)
        #expect(manifestHash == config.manifestHash)
        #expect(ElectionHashes.baseHash(parameterBaseHash: parameterBaseHash, manifestHash: manifestHash,
                                        guardians: config.numberOfGuardians, quorum: config.quorum, .v2_0_0)
                == config.electionBaseHash)
    }

    @Test("an ElectionConfig built from the manifest reproduces egk's config")
    func configFromManifest() throws {
        let config = try record.config()
        let built = try ElectionConfig(manifest: record.manifest(), guardians: 3, quorum: 3, chainConfirmationCodes: false,
                                       baux0: config.baux0, metadata: config.metadata)
        #expect(built == config)
    }

    @Test("H_E recomputes, K is the product of the guardians' keys, every Schnorr proof verifies")
    func initialized() throws {
        let config = try record.config()
        let initialized = try record.initialized()
        #expect(initialized.guardians.map(\.id) == ["guardian1", "guardian2", "guardian3"])
        #expect(initialized.guardians.map(\.xCoordinate) == [1, 2, 3])
        #expect(initialized.guardians.jointPublicKey == initialized.jointPublicKey)
        let extended = ElectionHashes.extendedBaseHash(
            baseHash: config.electionBaseHash, jointPublicKey: initialized.jointPublicKey,
            commitments: initialized.guardians.map(\.commitments), .v2_0_0)
        #expect(extended == initialized.extendedBaseHash)
        for guardian in initialized.guardians {
            #expect(throws: Never.self) {
                try guardian.validate(quorum: config.quorum, parameterBaseHash: config.parameterBaseHash, dialect: .v2_0_0)
            }
        }
        #expect(ElectionInitialized(config: config, guardians: initialized.guardians.reversed()).extendedBaseHash
                == initialized.extendedBaseHash)
    }

    @Test("a tampered Schnorr response fails validation, so the proof check above can fail")
    func tamperedSchnorrProof() throws {
        let config = try record.config()
        let guardian = try record.initialized().guardians[1]
        var proofs = guardian.coefficientProofs
        proofs[2] = SchnorrProof(publicKey: proofs[2].publicKey, challenge: proofs[2].challenge, response: proofs[2].response + .one)
        let tampered = GuardianPublicKeys(id: guardian.id, xCoordinate: guardian.xCoordinate, coefficientProofs: proofs)
        #expect(throws: ElectionGuardError.self) {
            try tampered.validate(quorum: config.quorum, parameterBaseHash: config.parameterBaseHash, dialect: .v2_0_0)
        }
    }

    @Test("one device, eleven cast ballots, listed lazily and read with every number checked")
    func ballots() throws {
        #expect(record.stage == .decrypted)
        #expect(try record.devices() == [Fixture.device])
        let files = try record.ballotFiles(device: Fixture.device)
        #expect(!files.isChainOrder)
        #expect(try record.ballotChain(device: Fixture.device) == nil)
        let names = files.map(\.name).sorted()
        #expect(names == (1...11).map { "eballot-id-\($0).json" }.sorted())

        let initialized = try record.initialized()
        let manifest = try record.manifest()
        let file = try #require(files.first { $0.name == "eballot-id-3.json" })
        let ballot = try record.ballot(file)
        #expect(file.matches(ballot))
        #expect(ballot.state == .cast && ballot.electionId == initialized.extendedBaseHash)
        #expect(ballot.encryptedSerialNumber != nil && ballot.primaryNonce == nil && !ballot.isPreencrypt)
        #expect(ballot.ballot.contests.count == 20 && ballot.ballot.contests.allSatisfy { $0.selections.count == 5 })

        // The values read are the values egk hashed: contest hashes and the confirmation code recompute.
        let hashes = BallotHashes(extendedBaseHash: initialized.extendedBaseHash, publicKey: initialized.jointPublicKey)
        for contest in ballot.ballot.contests {
            #expect(hashes.contestHash(contestId: contest.contestId, sequenceOrder: contest.sequenceOrder,
                                       ciphertexts: contest.selections.map(\.ciphertext)) == contest.contestHash)
        }
        #expect(hashes.confirmationCode(contestHashes: ballot.ballot.contests.map(\.contestHash), codeBaux: ballot.ballot.codeBaux)
                == ballot.ballot.confirmationCode)
        // And a selection's and a contest's range proofs verify.
        let key = ElGamalPublicKey(initialized.jointPublicKey)
        let contest = ballot.ballot.contests[0]
        #expect(contest.selections[0].proof.verify(ciphertext: contest.selections[0].ciphertext, limit: 1, publicKey: key,
                                                   extendedBaseHash: initialized.extendedBaseHash))
        let limit = try #require(manifest.contest(contest.contestId)).votesAllowed
        #expect(contest.proof.verify(ciphertext: contest.total, limit: limit, publicKey: key,
                                     extendedBaseHash: initialized.extendedBaseHash))
    }

    @Test("the encrypted tally is the product of the cast ballots; tally.json's proofs verify")
    func tallies() throws {
        let initialized = try record.initialized()
        let encrypted = try record.encryptedTally()
        let tally = try record.tally()
        #expect(encrypted.tallyId == "RunWorkflow" && tally.id == "RunWorkflow")
        #expect(encrypted.castBallotIds.count == 11)
        #expect(encrypted.electionId == initialized.extendedBaseHash && tally.electionId == initialized.extendedBaseHash)

        // Only contest1 of each ballot is converted, to spare 2,000 subgroup checks.
        var sums = [String: ElGamalCiphertext]()
        for file in try record.ballotFiles(device: Fixture.device) {
            let ballot = try record.json(EncryptedBallotJSON.self, file.path)
            let index = try #require(ballot.contests.firstIndex { $0.contest_id == "contest1" })
            let contest = try ballot.contests[index].contest(at: RecordField(file: file.path)["contests"][index])
            for selection in contest.selections {
                sums[selection.selectionId] = (sums[selection.selectionId] ?? .zero) + selection.ciphertext
            }
        }
        #expect(sums.count == 5)
        let first = try #require(encrypted.contests.first { $0.contestId == "contest1" })
        for selection in first.selections {
            #expect(sums[selection.selectionId] == selection.ciphertext)
        }

        let key = ElGamalPublicKey(initialized.jointPublicKey)
        let decrypted = try #require(tally.contests.first { $0.contestId == "contest1" })
        #expect(decrypted.contestData == nil)
        var votes = [String: Int]()
        for plaintext in try record.plaintextBallots() {
            for contest in plaintext.contests where contest.contest_id == "contest1" {
                for selection in contest.selections { votes[selection.selection_id, default: 0] += selection.vote }
            }
        }
        #expect(decrypted.selections.map { votes[$0.selectionId] } == decrypted.selections.map(\.tally))
        #expect(decrypted.selections.map(\.tally).reduce(0, +) > 0)
        for (selection, sum) in zip(decrypted.selections, first.selections) {
            #expect(selection.ciphertext == sum.ciphertext)
            #expect(key.power(ElementModQ(UInt(selection.tally))) == selection.bOverM)
            #expect(selection.proof.verify(.ciphertext(selection.ciphertext), share: selection.share, publicKey: key,
                                           extendedBaseHash: initialized.extendedBaseHash))
        }
    }

    @Test("the private trustee files hold the secret behind K and match the plaintext ballots' count")
    func privateData() throws {
        let initialized = try record.initialized()
        let trustees = try record.trustees()
        #expect(trustees.map(\.id) == ["guardian1", "guardian2", "guardian3"])
        #expect(trustees.allSatisfy { $0.polynomialCoefficients.count == 3 })
        let secret = trustees.reduce(ElementModQ.zero) { $0 + $1.polynomialCoefficients[0] }
        #expect(ElementModP.g.power(secret) == initialized.jointPublicKey)
        for (trustee, guardian) in zip(trustees, initialized.guardians) {
            #expect(trustee.decryptingGuardian.xCoordinate == guardian.xCoordinate)
            #expect(ElementModP.g.power(trustee.keyShare) == initialized.guardians.shareKey(of: guardian.xCoordinate))
        }
        let plaintexts = try record.plaintextBallots()
        #expect(plaintexts.count == 11)
        #expect(plaintexts.first { $0.ballot_id == "id-1" }?.sn == 90)
        let ballot = try plaintexts[0].plaintextBallot(at: RecordField(file: "pballot"))
        #expect(ballot.contests.count == 20)
    }
}

/// A voter with egk's record (no referendum/ files) finds a code in the ballot files themselves.
@Suite("confirmation codes in egk's record")
struct ConfirmationCodeLookupTests {
    @Test("each ballot's code finds that ballot, cast or challenged; a changed digit finds nothing")
    func egkRecord() throws {
        let record = try Fixture.record()
        var seen = Set<EncryptedBallot.State>()
        for files in try record.allBallotFiles() {
            for file in files {
                let ballot = try record.ballot(file).ballot
                let typed = ballot.confirmationCode.hex.lowercased().enumerated()
                    .map { $0.offset % 8 == 7 ? "\($0.element) " : "\($0.element)" }.joined()
                let code = try #require(ConfirmationCodeLookup.normalize(typed))
                let matches = try ConfirmationCodeLookup.find(code, inRecordAt: record.root)
                #expect(matches == [.init(row: nil, line: nil, file: file.path, state: ballot.state, fileAgrees: true)], "\(file)")
                seen.insert(ballot.state)
            }
        }
        #expect(seen.contains(.cast))
        let first = try #require(try record.allBallotFiles().first?.first { _ in true })
        var changed = Array(try record.ballot(first).ballot.confirmationCode.hex)
        changed[10] = changed[10] == "0" ? "1" : "0"
        #expect(try ConfirmationCodeLookup.find(String(changed), inRecordAt: record.root).isEmpty)
        #expect(ConfirmationCodeLookup.normalize(String(changed.dropLast())) == nil)
        #expect(ConfirmationCodeLookup.normalize(String(changed.dropLast()) + "G") == nil)
    }
}
