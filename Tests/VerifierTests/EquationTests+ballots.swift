import ElectionGuard
import ElectionRecord
import Foundation
import TestSupport
import Testing
@testable import Verifier

/// The verifier's own ballot equations (7, 12.C, 15–18) against the producer and egk's records.
@Suite("the verifier's own ballot equations agree with the producer")
struct BallotEquationTests {
    typealias T = EquationTests

    @Test("7.A, 7.B: every contest hash and confirmation code of egk's record, as BallotHashes computes them")
    func contestHashesAndCodes() throws {
        let initialized = try T.egk.initialized()
        let he = initialized.extendedBaseHash, key = initialized.jointPublicKey
        let producer = BallotHashes(extendedBaseHash: he, publicKey: key, dialect: .v2_0_0)
        var ballots = 0
        for files in try T.egk.allBallotFiles() {
            for file in files {
                let ballot = try T.egk.ballot(file).ballot
                let chis = ballot.contests.map { contest in
                    let chi = ConfirmationCodeEquations.contestHash(extendedBaseHash: he, jointKey: key, sequenceOrder: contest.sequenceOrder,
                                                                    ciphertexts: contest.selections.map(\.ciphertext))
                    #expect(chi == contest.contestHash && chi == producer.contestHash(
                        contestId: contest.contestId, sequenceOrder: contest.sequenceOrder, ciphertexts: contest.selections.map(\.ciphertext)))
                    #expect(ConfirmationCodeEquations.contestHash(extendedBaseHash: T.flipped(he, at: 3), jointKey: key,
                                                                  sequenceOrder: contest.sequenceOrder,
                                                                  ciphertexts: contest.selections.map(\.ciphertext)) != chi)
                    return chi
                }
                let code = ConfirmationCodeEquations.confirmationCode(extendedBaseHash: he, contestHashes: chis, codeBaux: ballot.codeBaux)
                #expect(code == ballot.confirmationCode && code == producer.confirmationCode(contestHashes: chis, codeBaux: ballot.codeBaux))
                #expect(ConfirmationCodeEquations.confirmationCode(extendedBaseHash: he, contestHashes: chis,
                                                                   codeBaux: T.flipped(ballot.codeBaux, at: 2)) != code)
                ballots += 1
            }
        }
        #expect(ballots == 11)
    }

    @Test("7.D–7.G: egk's chained device: H₀, every B_aux, the closing hash, as BallotChain computes them")
    func chain() throws {
        let config = try T.chained.config(), he = try T.chained.initialized().extendedBaseHash
        let device = try #require(try T.chained.devices().first)
        let record = try #require(try T.chained.ballotChain(device: device))
        let head = ConfirmationCodeEquations.chainHead(extendedBaseHash: he, baux0: config.baux0)
        var producer = BallotChain(initialBaux: config.baux0, extendedBaseHash: he)
        #expect(head.bytes == record.baux0 && head == producer.head)
        #expect(ConfirmationCodeEquations.chainHead(extendedBaseHash: he, baux0: T.flipped(config.baux0)) != head)
        let byId = Dictionary(uniqueKeysWithValues: try T.chained.ballots(device: device).map { try $0.get().ballot }.map { ($0.ballotId, $0) })
        var previous: UInt256?
        for id in record.ballotIds {
            let ballot = try #require(byId[id])
            let baux = ConfirmationCodeEquations.chainedBaux(previousCode: previous, extendedBaseHash: he, baux0: config.baux0)
            #expect(baux == ballot.codeBaux && baux == producer.nextBaux)
            #expect(ConfirmationCodeEquations.chainedBaux(previousCode: previous, extendedBaseHash: he, baux0: T.flipped(config.baux0, at: 9)) != baux)
            producer.append(ballot.confirmationCode)
            previous = ballot.confirmationCode
        }
        #expect(record.ballotIds.count == 11 && previous == record.lastConfirmationCode)
        let closing = ConfirmationCodeEquations.closingHash(lastCode: previous, extendedBaseHash: he, baux0: config.baux0)
        #expect(closing == record.closingHash && closing == producer.closingCode)
        #expect(ConfirmationCodeEquations.closingHash(lastCode: T.flipped(try #require(previous)), extendedBaseHash: he,
                                                      baux0: config.baux0) != closing)
        let empty = BallotChain(initialBaux: config.baux0, extendedBaseHash: he)
        #expect(ConfirmationCodeEquations.closingHash(lastCode: nil, extendedBaseHash: he, baux0: config.baux0) == empty.closingCode)
    }

    /// A ballot of egk's style encrypted by the producer: a normal contest, an over-voted one with a
    /// write-in, a blank one.
    static func encrypted() throws -> (EncryptedBallot, PlaintextBallot, [ContestDescription], UInt256, ElGamalPublicKey, UInt256) {
        let initialized = try T.egk.initialized(), key = try T.key(T.egk)
        let contests = try #require(try T.egk.manifest().contests(forBallotStyle: "ballotStyle"))
        let first = contests[0], second = contests[1]
        let plain = PlaintextBallot(id: "nonce-1", styleId: "ballotStyle", contests: [
            .init(contestId: first.id, votes: [first.selections[2].id: 1]),
            .init(contestId: second.id, votes: [second.selections[0].id: 1, second.selections[3].id: 1], writeIns: ["Ada"]),
        ])
        var generator = SeededGenerator(seed: 1212)
        let nonce = UInt256.random(using: &generator)
        let encryptor = BallotEncryptor(publicKey: key, extendedBaseHash: initialized.extendedBaseHash, contests: contests, dialect: .v2_0_0)
        let ballot = try encryptor.encrypt(plain, ballotNonce: nonce, codeBaux: [1, 2, 3], device: "d", timestamp: 0, state: .challenged)
        return (ballot, plain, contests, nonce, key, initialized.extendedBaseHash)
    }

    @Test("12.C: a producer's ballot opens with its nonce to its votes and contest data; one byte changed, it does not")
    func nonceOpening() throws {
        let (ballot, plain, contests, nonce, key, he) = try Self.encrypted()
        let producer = BallotHashes(extendedBaseHash: he, publicKey: key.key, dialect: .v2_0_0)
        let opened = try BallotEncryptor(publicKey: key, extendedBaseHash: he, contests: contests, dialect: .v2_0_0).decrypt(ballot, ballotNonce: nonce)
        for (contest, description) in zip(ballot.contests, contests.sorted { $0.sequenceOrder < $1.sequenceOrder }) {
            let expected = try #require(opened.contests.first { $0.contestId == contest.contestId })
            for selection in contest.selections {
                let selectionDescription = try #require(description.selections.first { $0.id == selection.selectionId })
                let xi = NonceOpeningEquations.selectionNonce(primaryNonce: nonce, contestSequence: contest.sequenceOrder,
                                                               selectionSequence: selection.sequenceOrder, extendedBaseHash: he)
                #expect(xi == producer.selectionNonce(ballotNonce: nonce, contest: description, selection: selectionDescription))
                #expect(NonceOpeningEquations.selectionNonce(primaryNonce: T.flipped(nonce, at: 8), contestSequence: contest.sequenceOrder,
                                                             selectionSequence: selection.sequenceOrder, extendedBaseHash: he) != xi)
                #expect(NonceOpeningEquations.vote(selection.ciphertext, nonce: xi, jointKey: key) == expected.votes[selection.selectionId])
                #expect(NonceOpeningEquations.vote(selection.ciphertext, nonce: xi + .one, jointKey: key) == nil)
            }
            let dataNonce = NonceOpeningEquations.contestDataNonce(primaryNonce: nonce, contestSequence: contest.sequenceOrder, extendedBaseHash: he)
            #expect(dataNonce == producer.contestDataNonce(ballotNonce: nonce, contest: description))
            #expect(NonceOpeningEquations.contestDataNonce(primaryNonce: T.flipped(nonce, at: 8), contestSequence: contest.sequenceOrder,
                                                           extendedBaseHash: he) != dataNonce)
            let data = contest.contestData
            let plaintext = try #require(NonceOpeningEquations.openContestData(data, contestId: contest.contestId, beta: key.power(dataNonce),
                                                                               jointKey: key.key, extendedBaseHash: he))
            let message = try #require(ContestDataMessage(decoding: plaintext))
            #expect(message.status.rawValue == UInt64(expected.contestData.status.rawValue))
            #expect(message.overVotes == expected.contestData.overVotes && message.writeIns == expected.contestData.writeIns)
            #expect(message.encoded(votesAllowed: description.votesAllowed) == plaintext)
            #expect(plaintext == expected.contestData.encoded(votesAllowed: description.votesAllowed))
            let bent = HashedElGamalCiphertext(c0: data.c0, c1: T.flipped(data.c1, at: 7), c2: data.c2, numBytes: data.numBytes)
            #expect(NonceOpeningEquations.openContestData(bent, contestId: contest.contestId, beta: key.power(dataNonce),
                                                          jointKey: key.key, extendedBaseHash: he) == nil)
        }
        #expect(plain.contests.count == 2 && opened.contests[1].contestData.status == .overVote, "an over-voted contest is among them")
    }

    @Test("12.C: the whole opening passes the producer's ballot and fails it with a byte of the nonce changed")
    func openingStep() throws {
        let (ballot, _, contests, nonce, key, he) = try Self.encrypted()
        let election = Election(manifest: try T.egk.manifest(), publicKey: key, extendedBaseHash: he, chaining: false, baux0: [], dialect: .v2_0_0)
        let recorded = RecordedBallot(ballot: ballot, electionId: he, primaryNonce: nonce)
        var ledger = CheckLedger()
        ChallengedBallotVerification.openWithNonce(recorded, nonce: nonce, path: "b.json", ordinal: 0, election: election,
                                                   styleContests: contests, &ledger)
        #expect(ledger.entries[.v12C]?.checked == 1 && ledger.entries[.v12C]?.failed == 0)
        var broken = CheckLedger()
        ChallengedBallotVerification.openWithNonce(recorded, nonce: T.flipped(nonce, at: 31), path: "b.json", ordinal: 0, election: election,
                                                   styleContests: contests, &broken)
        #expect(broken.entries[.v12C]?.failed == 1)
        #expect(broken.entries[.v12C]?.first?.failure.field == "contests[0].selections[0].encrypted_vote")
    }

    @Test("the contest-data message: the producer's encodings, read and written again byte for byte")
    func contestDataMessage() throws {
        let cases: [ContestData] = [
            ContestData(status: .normal), ContestData(status: .nullVote), ContestData(status: .underVote, writeIns: ["Émile"]),
            ContestData(status: .overVote, overVotes: [1, 3, 200], writeIns: ["a", "b"]),
        ]
        for data in cases {
            for limit in [1, 2, 3] {
                let bytes = data.encoded(votesAllowed: limit)
                let message = try #require(ContestDataMessage(decoding: bytes))
                #expect(message.encoded(votesAllowed: limit) == bytes)
                #expect(message.status.rawValue == UInt64(data.status.rawValue) && message.overVotes == data.overVotes
                        && message.writeIns == data.writeIns)
                #expect(ContestDataMessage(decoding: T.flipped(bytes, at: 0)).map { $0.encoded(votesAllowed: limit) } != bytes)
            }
        }
        #expect(ContestDataMessage(status: .normal).problem(votes: [0, 1], sequenceOrders: [1, 2], limit: 1) == nil)
        #expect(ContestDataMessage(status: .normal).problem(votes: [0, 0], sequenceOrders: [1, 2], limit: 1) != nil)
        #expect(ContestDataMessage(status: .overVote, overVotes: [1, 2]).problem(votes: [0, 0], sequenceOrders: [1, 2], limit: 1) == nil)
        #expect(ContestDataMessage(status: .overVote, overVotes: [2, 1]).problem(votes: [0, 0], sequenceOrders: [1, 2], limit: 1) != nil)
    }

    @Test("17.A–17.C, 18.A: a producer's pre-encrypted ballot, as BallotHashes and RecordedPreEncryptedBallot.verify see it")
    func preEncryption() throws {
        let (path, file) = try PreEncryptedBallotTests.recordWithPreEncryptedBallot()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let record = try ElectionRecordDirectory(root: path)
        let initialized = try record.initialized(), key = try T.key(record)
        let he = initialized.extendedBaseHash
        let producer = BallotHashes(extendedBaseHash: he, publicKey: key.key, dialect: .v2_0_0)
        let json = try record.json(EncryptedBallotJSON.self, file)
        let recorded = try json.recordedBallot(at: RecordField(file: file))
        let data = recorded.preEncryptions.compactMap { $0 }
        let contests = try #require(try record.manifest().contests(forBallotStyle: recorded.ballot.styleId))
        for (contest, pre) in zip(recorded.ballot.contests, data) {
            let description = try #require(contests.first { $0.id == contest.contestId })
            for vector in pre.selectedVectors {
                let psi = PreEncryptionEquations.selectionHash(vector.encryptions, extendedBaseHash: he, jointKey: key.key)
                #expect(psi == vector.selectionHash && psi == producer.selectionHash(vector.encryptions))
                #expect(PreEncryptionEquations.shortCode(psi) == vector.shortCode)
                #expect(PreEncryptionEquations.selectionHash(vector.encryptions, extendedBaseHash: T.flipped(he), jointKey: key.key) != psi)
            }
            let chi = PreEncryptionEquations.contestHash(sequenceOrder: description.sequenceOrder, selectionHashes: pre.allSelectionHashes,
                                                         extendedBaseHash: he, jointKey: key.key)
            #expect(chi == pre.preEncryptionHash && chi == producer.preEncryptionContestHash(contest: description, selectionHashes: pre.allSelectionHashes))
            let bentHashes = [T.flipped(pre.allSelectionHashes[0], at: 31)] + pre.allSelectionHashes.dropFirst()
            #expect(PreEncryptionEquations.contestHash(sequenceOrder: description.sequenceOrder, selectionHashes: bentHashes,
                                                       extendedBaseHash: he, jointKey: key.key) != chi)
        }
        let code = PreEncryptionEquations.confirmationCode(contestHashes: data.map(\.preEncryptionHash), codeBaux: recorded.ballot.codeBaux,
                                                           extendedBaseHash: he)
        #expect(code == recorded.ballot.confirmationCode)
        #expect(PreEncryptionEquations.confirmationCode(contestHashes: data.map(\.preEncryptionHash),
                                                        codeBaux: T.flipped(recorded.ballot.codeBaux), extendedBaseHash: he) != code)
        let election = Election(manifest: try record.manifest(), publicKey: key, extendedBaseHash: he, chaining: false, baux0: [], dialect: .v2_0_0)
        #expect(PreEncryptedBallotVerification.problem(recorded.ballot, data: data, contests: contests, election: election) == nil)
        #expect((try? RecordedPreEncryptedBallot(ballot: recorded.ballot, contests: data).verify(hashes: producer, contests: contests)) != nil)
        var bent = data
        let first = bent[0].selectedVectors[0]
        bent[0] = RecordedPreEncryption(contestId: bent[0].contestId, preEncryptionHash: bent[0].preEncryptionHash,
                                        allSelectionHashes: bent[0].allSelectionHashes,
                                        selectedVectors: [.init(selectionHash: first.selectionHash, shortCode: (first.shortCode.first == "0" ? "1" : "0") + first.shortCode.dropFirst(),
                                                                encryptions: first.encryptions)] + bent[0].selectedVectors.dropFirst())
        #expect(PreEncryptedBallotVerification.problem(recorded.ballot, data: bent, contests: contests, election: election)?.hasPrefix("18.A") == true)
    }
}
