import ElectionGuard
import ElectionRecord
import Foundation

/// Writes the certified referendum's public record (certified -> published): the ElectionGuard 2.0
/// files in egk's layout and the referendum's own files (docs/referendum-record.md). The record is
/// built in a staging directory and renamed into place, so a failure leaves nothing half-written.
/// No secret goes in: no credential, no voter id, no guardian key, no nonce of a cast ballot.
public enum RecordPublisher {
    /// What was written.
    public struct Summary: Sendable, Hashable {
        public let path: String
        public let ballots: Int
        public let devices: Int
        public let bytes: Int
    }

    /// Publishes to `path`.
    /// - Parameter replacing: replace an existing record at `path` (refused otherwise).
    @discardableResult
    public static func publish(_ engine: ReferendumEngine, to path: String, replacing: Bool = false, batchSize: Int = 2_000) async throws -> Summary {
        let setup = try await engine.setup()
        try Lifecycle.check(.publish, in: setup.state)
        guard let election = setup.election, let count = setup.count, let decryption = setup.decryption else {
            throw ReferendumError.counting("the record needs the key ceremony, the count and the decryption")
        }
        let store = engine.store
        let definition = setup.definition
        let manifest = try ElectionManifest(bytes: election.manifest)
        let config = try ElectionConfig(manifest: manifest, guardians: election.guardians.count, quorum: election.quorum,
                                        chainConfirmationCodes: true, baux0: election.baux0,
                                        metadata: ["Created by": "plebiscite", "referendum": definition.id])
        let initialized = ElectionInitialized(jointPublicKey: election.jointPublicKey, extendedBaseHash: election.extendedBaseHash,
                                              guardians: election.guardians, metadata: [:])
        guard config.electionBaseHash == election.baseHash else {
            throw ReferendumError.counting("the base hash recomputed from the manifest differs from the ceremony's")
        }
        var ballotRows = [String]()
        var chains = [String: (ids: [String], last: UInt256)]()
        var ballots = 0
        try await ElectionRecordWriter.write(to: path, replacing: replacing) { writer in
            try writer.write(directory: RecordLayout.encryptedBallots)
            try writer.write(constants: .standard)
            try writer.write(manifest: manifest)
            try writer.write(config: config)
            try writer.write(initialized: initialized)

            var after: String?
            while true {
                let batch = try await store.entries(statuses: Set(BallotStatus.allCases), after: after, limit: batchSize)
                guard let last = batch.last else { break }
                // Encoding a ballot's JSON is the costly part: do it on every core, then write in order.
                let files = try encodeConcurrently(batch) { entry in
                    let (state, _) = disposition(of: entry, resolution: count.resolution)
                    let recorded = RecordedBallot(ballot: entry.ballot.with(state: state), electionId: election.extendedBaseHash,
                                                  primaryNonce: entry.status == .challenged ? entry.revealedNonce : nil)
                    return (try RecordLayout.encryptedBallot(device: entry.deviceId, ballotId: entry.ballotId),
                            try RecordJSON.encode(EncryptedBallotJSON(recorded), file: entry.ballotId))
                }
                for (entry, file) in zip(batch, files) {
                    let (_, row) = disposition(of: entry, resolution: count.resolution)
                    try writer.write(bytes: file.bytes, to: file.path)
                    ballotRows.append(BallotRow(
                        ballotId: entry.ballotId, confirmationCode: entry.confirmationCode.hex, device: entry.deviceId,
                        station: entry.stationId, channel: entry.channel.rawValue, region: entry.region, pseudonym: entry.pseudonym,
                        encryptedAt: entry.encryptedAt, decidedAt: entry.decidedAt, status: row,
                        supersededBy: count.resolution.supersededBy[entry.ballotId], mobileVisit: entry.mobileVisitId).csvLine)
                    // Ballot ids carry the device's sequence, so sorting them gives the chain order.
                    chains[entry.deviceId, default: ([], entry.confirmationCode)].ids.append(entry.ballotId)
                    ballots += 1
                }
                after = last.ballotId
            }
            for (device, chain) in chains {
                let head = try await store.chainHead(device: device)
                let ordered = chain.ids.sorted()
                let lastCode = head?.lastCode ?? chain.last
                let chainState = BallotChain(initialBaux: election.baux0, extendedBaseHash: election.extendedBaseHash, lastCode: lastCode)
                // As egk writes it: `baux0` holds H₀, the chain's first B_aux.
                try writer.write(ballotChain: BallotChainRecord(
                    encryptingDevice: device, baux0: chainState.head.bytes, ballotIds: ordered,
                    lastConfirmationCode: lastCode, chaining: true, closingHash: chainState.closingCode))
            }

            let regionTotals = zip(count.totals, decryption.values).filter { if case .region = $0.0.scope { true } else { false } }
            let contests = definition.contests
            try writer.write(encryptedTally: EncryptedTally(
                tallyId: definition.id,
                contests: contests.map { contest in
                    .init(contestId: contest.id, sequenceOrder: contest.sequenceOrder, selections: contest.selections.map { selection in
                        let option = definition.option(region: contest.id, selectionId: selection.id)
                        let total = regionTotals.first { $0.0.scope == .region(contest.id) && $0.0.option == option }!
                        return .init(selectionId: selection.id, sequenceOrder: selection.sequenceOrder, ciphertext: total.0.ciphertext)
                    })
                },
                castBallotIds: count.resolution.counted.sorted(), electionId: election.extendedBaseHash))
            try writer.write(tally: DecryptedTallyOrBallot(
                id: definition.id,
                contests: contests.map { contest in
                    .init(contestId: contest.id, selections: contest.selections.map { selection in
                        let option = definition.option(region: contest.id, selectionId: selection.id)
                        let (total, value) = regionTotals.first { $0.0.scope == .region(contest.id) && $0.0.option == option }!
                        return .init(selectionId: selection.id, ciphertext: total.ciphertext, decrypted: value)
                    })
                },
                electionId: election.extendedBaseHash))

            try await writeReferendumFiles(writer, setup: setup, store: store, count: count, decryption: decryption, ballotRows: ballotRows)
        }
        try await store.transition(from: .certified, to: .published, at: engine.clock.now()) { _ in }
        return Summary(path: path, ballots: ballots, devices: chains.count, bytes: directorySize(path))
    }

    /// `encode` applied to every entry on all cores, results in input order.
    static func encodeConcurrently(
        _ entries: [BallotEntry], _ encode: @Sendable (BallotEntry) throws -> (path: String, bytes: [UInt8])
    ) throws -> [(path: String, bytes: [UInt8])] {
        let results = Results(count: entries.count)
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            results.set(index, Result { try encode(entries[index]) })
        }
        return try results.values.map { try $0!.get() }
    }

    /// Slots filled from several threads, one slot per thread at a time.
    final class Results: @unchecked Sendable {
        // @unchecked: each index is written by exactly one iteration, under `lock`.
        private let lock = NSLock()
        private(set) var values: [Result<(path: String, bytes: [UInt8]), any Error>?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Result<(path: String, bytes: [UInt8]), any Error>) { lock.withLock { values[index] = value } }
    }

    /// The egk state and the published status of an entry.
    static func disposition(of entry: BallotEntry, resolution: RevoteResolution) -> (EncryptedBallot.State, BallotRow.Status) {
        let outcome = entry.outcome(under: resolution)
        return switch outcome {
        case .counted: (.cast, outcome)
        case .challenged: (.challenged, outcome)
        case .superseded, .abandoned: (.unknown, outcome)
        }
    }

    static func writeReferendumFiles(
        _ writer: ElectionRecordWriter, setup: ReferendumSetup, store: any ReferendumStore, count: CountResult,
        decryption: DecryptionResult, ballotRows: [String]
    ) async throws {
        let directory = ReferendumRecord.directory
        func file(_ name: ReferendumRecord.File) -> String { "\(directory)/\(name.rawValue)" }
        func json<T: Encodable>(_ value: T, _ name: ReferendumRecord.File) throws {
            try writer.write(bytes: Array(try ReferendumRecord.encoder().encode(value)), to: file(name))
        }
        let definition = setup.definition
        try json(definition.recorded, .referendum)

        var register = [RegisterRow.header.joined(separator: ",")]
        var after: String?
        while true {
            let voters = try await store.voters(after: after, limit: 10_000)
            guard let last = voters.last else { break }
            register += voters.map { RegisterRow(pseudonym: $0.pseudonym, region: $0.homeRegion, displaced: $0.displaced,
                                                  homeStation: $0.homeStation).csvLine }
            after = last.voterId
        }
        try writer.write(bytes: Array((register.joined(separator: "\n") + "\n").utf8), to: file(.register))
        try writer.write(bytes: Array(([BallotRow.header.joined(separator: ",")] + ballotRows).joined(separator: "\n").utf8 + [10]),
                         to: file(.ballots))

        try json(try await store.mobileVisits().map {
            RecordedMobileVisit(id: $0.id, box: $0.stationId, requestedAt: $0.requestedAt, request: $0.request, officials: $0.officials,
                                observers: $0.observers, departedAt: $0.departedAt, returnedAt: $0.returnedAt, ballotIds: $0.ballotIds)
        }, .mobileVisits)
        try json(zip(count.totals, decryption.values).map { total, value in
            RecordedTotal(scope: total.scope.key, option: total.option, ballots: total.ballots, pad: total.ciphertext.pad.hex,
                          data: total.ciphertext.data.hex, value: value.value, bOverM: value.power.hex,
                          challenge: value.proof.challenge.hex, response: value.proof.response.hex)
        }, .totals)
        let summaries = try await store.summaries()
        let results = try ReferendumResults.compute(setup: setup, register: try await store.registerCounts(), summaries: summaries)
        try json(results, .results)
        try writer.write(bytes: Array(results.stationCSV.utf8), to: file(.stations))
        try json(TurnoutTimeline.compute(summaries: summaries, definition: definition), .turnout)
        if let paper = setup.paper, !paper.protocols.isEmpty {
            let paperReport = PaperReport.compute(setup: setup, results: results, summaries: summaries)
            try json(paperReport, .protocols)
            try writer.write(bytes: Array(PaperReport.csv(paperReport, definition: definition, register: try await store.registerCounts()).utf8),
                             to: file(.protocolsCSV))
        }
        if let audit = setup.paper?.audit { try json(audit, .audit) }
        let ids = definition.guardians.ids
        let decryptedBy = setup.decryption?.guardians.compactMap { ids.indices.contains($0 - 1) ? ids[$0 - 1] : nil }
        try json(RecordedLifecycle(changes: setup.history.map { .init(state: $0.state.rawValue, at: $0.at) },
                                   certifiedBy: setup.certification?.by ?? [], certificationStatement: setup.certification?.statement,
                                   decryptedBy: decryptedBy,
                                   droppedGuardians: (setup.decryption?.dropped ?? []).map { .init(guardian: $0.guardianId, reason: $0.reason, at: $0.at) }),
                 .lifecycle)
    }

    static func directorySize(_ path: String) -> Int {
        guard let enumerator = FileManager.default.enumerator(at: URL(fileURLWithPath: path), includingPropertiesForKeys: [.fileSizeKey]) else { return 0 }
        var total = 0
        for case let url as URL in enumerator { total += (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0 }
        return total
    }
}

extension ReferendumDefinition {
    /// The definition as `referendum/referendum.json` publishes it.
    public var recorded: RecordedReferendum {
        RecordedReferendum(
            id: id, title: title, question: question, options: options.map { .init(id: $0.id, text: $0.text) },
            regions: regions.map { region in
                let window = schedule.window(for: region.id)!
                return .init(id: region.id, name: region.name, timeZone: region.timeZone, contestId: region.id,
                             ballotStyleId: ballotStyle(for: region.id), preConflictElectorate: region.preConflictElectorate,
                             opens: window.opens, closes: window.closes)
            },
            stations: stations.map { .init(id: $0.id, kind: $0.kind.rawValue, serves: $0.serves, parent: $0.parent, location: $0.location) },
            announced: schedule.announced, guardians: guardians.count, quorum: guardians.quorum, revoteRule: revoteRule.rawValue,
            minimumCellBallots: cellThreshold)
    }
}
