import ElectionGuard
import ElectionRecord
import Foundation
import Testing
@testable import Verifier

/// Each equation the verifier computes itself (Sources/Verifier/Steps/Equations) agrees with the
/// producer, ElectionGuard's composites, and with the values egk published in its records, and stops
/// agreeing when one byte of its input changes. This file: verifications 1–4 and 8–14.
@Suite("the verifier's own equations agree with the producer")
struct EquationTests {
    static let egk = try! ElectionRecordDirectory(root: Records.egk)
    static let chained = try! ElectionRecordDirectory(root: Records.egkChained)

    /// `bytes` with the byte at `index` changed.
    static func flipped(_ bytes: [UInt8], at index: Int = 0) -> [UInt8] {
        var copy = bytes
        copy[index] ^= 0x01
        return copy
    }

    static func flipped(_ value: UInt256, at index: Int = 0) -> UInt256 {
        try! UInt256(bytes: flipped(value.bytes, at: index))
    }

    static func key(_ record: ElectionRecordDirectory) throws -> ElGamalPublicKey {
        PublicKeyCache.key(try record.initialized().jointPublicKey)
    }

    @Test("1.F–1.H: H_P, H_M and H_B are egk's published values and the producer's")
    func parameterHashes() throws {
        let config = try Self.egk.config(), manifest = try Self.egk.manifest()
        let hp = ParameterHashes.parameterBaseHash()
        #expect(hp == config.parameterBaseHash && hp == ElectionHashes.parameterBaseHash(.v2_0_0))
        #expect(ParameterHashes.parameterBaseHash(p: Self.flipped(GroupParameters.largePrime, at: 100)) != hp)

        let hm = ParameterHashes.manifestHash(manifest.bytes, parameterBaseHash: hp)
        #expect(hm == config.manifestHash && hm == manifest.manifestHash(parameterBaseHash: hp, dialect: .v2_0_0))
        #expect(ParameterHashes.manifestHash(Self.flipped(manifest.bytes, at: 10), parameterBaseHash: hp) != hm)

        let hb = ParameterHashes.baseHash(parameterBaseHash: hp, manifestHash: hm, guardians: config.numberOfGuardians, quorum: config.quorum)
        #expect(hb == config.electionBaseHash)
        #expect(hb == ElectionHashes.baseHash(parameterBaseHash: hp, manifestHash: hm, guardians: config.numberOfGuardians,
                                              quorum: config.quorum, .v2_0_0))
        #expect(ParameterHashes.baseHash(parameterBaseHash: hp, manifestHash: Self.flipped(hm, at: 31),
                                         guardians: config.numberOfGuardians, quorum: config.quorum) != hb)
    }

    @Test("2.1, 2.C, 3.B, 4.A: every Schnorr proof of both egk records, K and H_E")
    func guardianKeys() throws {
        for record in [Self.egk, Self.chained] {
            let initialized = try record.initialized(), config = try record.config()
            let hp = ParameterHashes.parameterBaseHash()
            var proofs = 0
            for guardian in initialized.guardians {
                for (j, proof) in guardian.coefficientProofs.enumerated() {
                    let holds = GuardianKeyEquations.schnorrHolds(commitment: proof.publicKey, challenge: proof.challenge, response: proof.response,
                                                                  guardian: guardian.xCoordinate, index: j, parameterBaseHash: hp)
                    #expect(holds && holds == proof.verify(guardian: guardian.xCoordinate, index: j, parameterBaseHash: hp))
                    let bent = try ElementModQ(bytes: Self.flipped(proof.challenge.bytes, at: 31))
                    #expect(!GuardianKeyEquations.schnorrHolds(commitment: proof.publicKey, challenge: bent, response: proof.response,
                                                               guardian: guardian.xCoordinate, index: j, parameterBaseHash: hp))
                    #expect(!GuardianKeyEquations.schnorrHolds(commitment: proof.publicKey, challenge: proof.challenge, response: proof.response,
                                                               guardian: guardian.xCoordinate + 1, index: j, parameterBaseHash: hp))
                    proofs += 1
                }
            }
            #expect(proofs == config.numberOfGuardians * config.quorum)
            let keys = initialized.guardians.map(\.publicKey)
            #expect(GuardianKeyEquations.jointKey(keys) == initialized.jointPublicKey)
            #expect(GuardianKeyEquations.jointKey(Array(keys.dropLast())) != initialized.jointPublicKey)

            let he = GuardianKeyEquations.extendedBaseHash(baseHash: config.electionBaseHash, jointKey: initialized.jointPublicKey)
            #expect(he == initialized.extendedBaseHash)
            #expect(he == ElectionHashes.extendedBaseHash(baseHash: config.electionBaseHash, jointPublicKey: initialized.jointPublicKey,
                                                          commitments: [], .v2_0_0))
            #expect(GuardianKeyEquations.extendedBaseHash(baseHash: Self.flipped(config.electionBaseHash), jointKey: initialized.jointPublicKey) != he)
        }
    }

    @Test("8.A, 8.B: the product of egk's CAST ballots is its encrypted tally and ElGamalCiphertext.sum")
    func aggregation() throws {
        let tally = try Self.egk.encryptedTally()
        var products = [String: ElGamalCiphertext](), producer = [String: [ElGamalCiphertext]]()
        for files in try Self.egk.allBallotFiles() {
            for file in files {
                let ballot = try Self.egk.ballot(file).ballot
                guard ballot.state == .cast else { continue }
                for contest in ballot.contests {
                    for selection in contest.selections {
                        let key = contest.contestId + "/" + selection.selectionId
                        products[key] = AggregationEquations.product(products[key] ?? AggregationEquations.none, selection.ciphertext)
                        producer[key, default: []].append(selection.ciphertext)
                    }
                }
            }
        }
        var compared = 0
        for contest in tally.contests {
            for selection in contest.selections {
                let key = contest.contestId + "/" + selection.selectionId
                let product = try #require(products[key])
                #expect(product == selection.ciphertext && product == ElGamalCiphertext.sum(producer[key] ?? []))
                compared += 1
            }
        }
        #expect(compared == 100)
        let one = try #require(tally.contests.first?.selections.first?.ciphertext)
        #expect(AggregationEquations.product(one, ElGamalCiphertext(pad: .g, data: .one)) != one)
    }

    @Test("9.1–9.3, 9.B, 10.A: every decryption proof of egk's tally, as DecryptionProof.verify")
    func tallyDecryptions() throws {
        let key = try Self.key(Self.egk), he = try Self.egk.initialized().extendedBaseHash
        var proofs = 0
        for contest in try Self.egk.tally().contests {
            for selection in contest.selections {
                let holds = DecryptionEquations.selectionProofHolds(
                    ciphertext: selection.ciphertext, value: selection.bOverM, challenge: selection.proof.challenge,
                    response: selection.proof.response, jointKey: key, extendedBaseHash: he)
                #expect(holds && holds == selection.proof.verify(.ciphertext(selection.ciphertext), share: selection.share,
                                                                 publicKey: key, extendedBaseHash: he))
                #expect(DecryptionEquations.isPower(selection.bOverM, of: selection.tally, jointKey: key))
                #expect(!DecryptionEquations.isPower(selection.bOverM, of: selection.tally + 1, jointKey: key))
                let bent = try ElementModQ(bytes: Self.flipped(selection.proof.response.bytes, at: 31))
                #expect(!DecryptionEquations.selectionProofHolds(
                    ciphertext: selection.ciphertext, value: selection.bOverM, challenge: selection.proof.challenge,
                    response: bent, jointKey: key, extendedBaseHash: he))
                proofs += 1
            }
        }
        #expect(proofs == 100)
        #expect(!DecryptionEquations.isPower(.one, of: -1, jointKey: key))
    }

    @Test("12.B, 14.B: egk's challenged-ballot decryptions, selections and contest data, as DecryptionProof.verify")
    func challengedDecryptions() throws {
        let key = try Self.key(Self.chained), he = try Self.chained.initialized().extendedBaseHash
        var selections = 0, data = 0
        for file in Self.chained.challengedBallotFiles() {
            for contest in try Self.chained.challengedBallot(file).contests {
                for selection in contest.selections {
                    let holds = DecryptionEquations.selectionProofHolds(
                        ciphertext: selection.ciphertext, value: selection.bOverM, challenge: selection.proof.challenge,
                        response: selection.proof.response, jointKey: key, extendedBaseHash: he)
                    #expect(holds && holds == selection.proof.verify(.ciphertext(selection.ciphertext), share: selection.share,
                                                                     publicKey: key, extendedBaseHash: he))
                    selections += 1
                }
                guard let opened = contest.contestData else { continue }
                let holds = DecryptionEquations.contestDataProofHolds(
                    opened.ciphertext, beta: opened.beta, challenge: opened.proof.challenge, response: opened.proof.response,
                    jointKey: key, extendedBaseHash: he)
                #expect(holds && holds == opened.proof.verify(.contestData(opened.ciphertext), share: opened.beta, publicKey: key,
                                                              extendedBaseHash: he))
                let c = opened.ciphertext
                let bent = HashedElGamalCiphertext(c0: c.c0, c1: Self.flipped(c.c1, at: 5), c2: c.c2, numBytes: c.numBytes)
                #expect(!DecryptionEquations.contestDataProofHolds(
                    bent, beta: opened.beta, challenge: opened.proof.challenge, response: opened.proof.response,
                    jointKey: key, extendedBaseHash: he))
                data += 1
            }
        }
        #expect(selections > 0 && data > 0)
    }
}
