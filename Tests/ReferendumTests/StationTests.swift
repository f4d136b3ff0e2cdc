import TestSupport
import ElectionGuard
import Foundation
import Testing
@testable import Referendum

/// A station's link that calls the central engine directly: the rules without HTTP.
struct EngineLink: StationLink {
    let engine: ReferendumEngine
    let rosters: StationRosters
    let station: String

    func package() async throws -> StationPackage {
        try await engine.stationPackage(try await rosters.roster(of: station, engine: engine))
    }

    func upload(_ upload: StationUpload) async throws -> UploadReceipt {
        // Through JSON, as over the wire.
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let sent = try decoder.decode(StationUpload.self, from: try encoder.encode(upload))
        return try await engine.receive(sent, roster: try await rosters.roster(of: station, engine: engine))
    }
}

/// A station's own machine: its store seeded from its package, its desk, its sync.
struct OfflineStation {
    let engine: ReferendumEngine
    let desk: CastingDesk
    let sync: StationSync
    let link: EngineLink

    static func start(_ central: SmallReferendum.Running, station: String, rosters: StationRosters = StationRosters()) async throws -> OfflineStation {
        let link = EngineLink(engine: central.engine, rosters: rosters, station: station)
        let store = InMemoryStore()
        try await link.package().seed(store)
        let engine = ReferendumEngine(store: store, clock: central.clock)
        return OfflineStation(engine: engine, desk: try await CastingDesk(engine: engine),
                              sync: StationSync(store: store, link: link, clock: central.clock, batchSize: 2), link: link)
    }

    @discardableResult
    func vote(_ credential: String, _ choice: String = "yes", device: String, at station: String? = nil, seed: UInt64 = 1,
              challenge: Bool = false) async throws -> BallotEntry {
        var generator = SeededGenerator(seed: seed)
        let session = try await desk.checkIn(credential: credential, stationId: station ?? desk.definition.owner(ofDevice: device)!.id)
        let pending = try await desk.encrypt(session, choice: choice, deviceId: device, using: &generator)
        return challenge ? try await desk.challenge(pending) : try await desk.cast(pending)
    }
}

@Suite("Stations that vote offline: package, check-in, chained uploads, refusals, revotes")
struct StationTests {
    @Test("a station's package holds its voters by key and pseudonym, the salt and the election, and no voter id, pseudonym key or other station's voter")
    func package() async throws {
        let central = try await SmallReferendum.open()
        let rosters = StationRosters()
        let package = try await EngineLink(engine: central.engine, rosters: rosters, station: "A-1").package()
        let setup = try await central.engine.setup()
        // A-1 serves alpha voters listed at A-1 or at no station (a1, a2, a3, a4); never beta's.
        #expect(package.voters.count == 4)
        #expect(Set(package.voters.map(\.homeRegion)) == ["alpha"])
        let text = String(decoding: try JSONEncoder().encode(package), as: UTF8.self)
        for voter in ["a1", "a2", "b1", "b2"] { #expect(!text.contains("\"\(voter)\""), "voter id \(voter) in the package") }
        #expect(!text.contains(Base16.encode(setup.credentials.pseudonymKey)))
        for card in central.cards.values { #expect(!text.contains(card), "a credential code in the package") }
        #expect(package.credentialSalt == Base16.encode(setup.credentials.salt))
        #expect(package.election.extendedBaseHash == setup.election!.extendedBaseHash)
        let external = try await EngineLink(engine: central.engine, rosters: rosters, station: "EXT").package()
        #expect(Set(external.voters.map(\.pseudonym)) == Set(try await ["a3", "b2"].asyncMap { try await pseudonym($0, central) }))
        await #expect(throws: ReferendumError.self) { _ = try await EngineLink(engine: central.engine, rosters: rosters, station: "A-1-M").package() }
    }

    @Test("offline check-in takes the station's voters by their typed code and refuses everyone else's")
    func offlineCheckIn() async throws {
        let central = try await SmallReferendum.open()
        let station = try await OfflineStation.start(central, station: "A-1")
        let session = try await station.desk.checkIn(credential: central.cards["a1"]!.lowercased(), stationId: "A-1")
        #expect(session.pseudonym == (try await pseudonym("a1", central)))
        await #expect(throws: ReferendumError.unknownCredential) { _ = try await station.desk.checkIn(credential: central.cards["b1"]!, stationId: "A-1") }
        await #expect(throws: ReferendumError.unknownCredential) { _ = try await station.desk.checkIn(credential: "0000-0000-0000-0000-0000-0000", stationId: "A-1") }
    }

    @Test("ballots cast offline arrive in chain order, once, however often the sync runs or is cut")
    func syncOnce() async throws {
        let central = try await SmallReferendum.open()
        let station = try await OfflineStation.start(central, station: "A-1")
        var local = [BallotEntry]()
        for (index, voter) in ["a1", "a2", "a4"].enumerated() {
            local.append(try await station.vote(central.cards[voter]!, device: "A-1-B1", seed: UInt64(index + 1)))
        }
        local.append(try await station.vote(central.cards["a1"]!, "no", device: "A-1-B1", seed: 9, challenge: true))
        let report = try await station.sync.sync()
        #expect(report.sent == 4)
        #expect(try await central.engine.store.chainHead(device: "A-1-B1")?.length == 4)
        for entry in local {
            let stored = try #require(try await central.engine.store.entry(ballotId: entry.ballotId))
            #expect(stored.confirmationCode == entry.confirmationCode && stored.status == entry.status)
        }
        #expect(try await station.sync.sync().sent == 0)
        // The same upload again: a no-op.
        let again = try await station.link.upload(StationUpload(devices: [.init(device: "A-1-B1", stationLength: 4, ballots: local)]))
        #expect(again.received == 0 && again.devices.first?.head?.length == 4)
    }

    @Test("a pending ballot holds back the chain after it until it is decided or abandoned")
    func pendingHoldsBack() async throws {
        let central = try await SmallReferendum.open()
        let station = try await OfflineStation.start(central, station: "A-1")
        try await station.vote(central.cards["a1"]!, device: "A-1-B1", seed: 1)
        var generator = SeededGenerator(seed: 2)
        let session = try await station.desk.checkIn(credential: central.cards["a2"]!, stationId: "A-1")
        _ = try await station.desk.encrypt(session, choice: "yes", deviceId: "A-1-B1", using: &generator)
        let first = try await station.sync.sync()
        #expect(first.sent == 1 && first.waiting == 1)
        try await station.sync.abandonStale(all: true)
        #expect(try await station.sync.sync().sent == 1)
        #expect(try await central.engine.store.entry(ballotId: "A-1-B1-000002")?.status == .abandoned)
    }

    @Test("a broken chain, a missing or reordered ballot, another station's device, a replayed or altered ballot are refused and change nothing")
    func refusals() async throws {
        let central = try await SmallReferendum.open()
        let rosters = StationRosters()
        let station = try await OfflineStation.start(central, station: "A-1", rosters: rosters)
        let ballots = [
            try await station.vote(central.cards["a1"]!, device: "A-1-B1", seed: 1),
            try await station.vote(central.cards["a2"]!, device: "A-1-B1", seed: 2),
            try await station.vote(central.cards["a4"]!, device: "A-1-B1", seed: 3),
        ]
        func upload(_ entries: [BallotEntry], as link: EngineLink = station.link) async throws -> UploadReceipt {
            try await link.upload(StationUpload(devices: [.init(device: "A-1-B1", stationLength: 3, ballots: entries)]))
        }
        // Reordered, or the first one missing.
        await #expect(throws: ReferendumError.uploadConflict(ballotId: "A-1-B1-000002", reason: "the next ballot of A-1-B1 is A-1-B1-000001: a ballot is missing or out of order")) {
            _ = try await upload([ballots[1], ballots[0]])
        }
        #expect(try await central.engine.store.chainHead(device: "A-1-B1") == nil)
        // Another station's token sending A-1's device.
        let external = EngineLink(engine: central.engine, rosters: rosters, station: "EXT")
        await #expect(throws: ReferendumError.notOwnStation(token: "EXT", station: "A-1")) { _ = try await upload([ballots[0]], as: external) }
        _ = try await upload([ballots[0]])
        // Ballot 3 relabelled as ballot 2 (its chain follows ballot 2, not 1): a broken chain.
        let relabelled = relabel(ballots[2], as: "A-1-B1-000002")
        await #expect(throws: ReferendumError.self) { _ = try await upload([relabelled]) }
        // Ballot 1 replayed as the next ballot.
        await #expect(throws: ReferendumError.self) { _ = try await upload([relabel(ballots[0], as: "A-1-B1-000002")]) }
        // Ballot 1 again with another decision.
        let altered = ballots[0].decided(.challenged, at: central.clock.now(), nonce: try UInt256(bytes: [UInt8](repeating: 1, count: 32)), choice: "yes")
        await #expect(throws: ReferendumError.uploadConflict(ballotId: "A-1-B1-000001", reason: "the central server holds another ballot or decision under this id")) {
            _ = try await upload([altered])
        }
        #expect(try await central.engine.store.chainHead(device: "A-1-B1")?.length == 1)
        #expect(try await central.engine.store.entry(ballotId: "A-1-B1-000001")?.status == .cast)
        // A pending ballot, and one whose proof was tampered with.
        let pending = BallotEntry(ballot: ballots[1].ballot.with(state: .unknown), stationId: "A-1", channel: .station, region: "alpha",
                                  pseudonym: ballots[1].pseudonym, encryptedAt: ballots[1].encryptedAt, status: .pending)
        await #expect(throws: ReferendumError.self) { _ = try await upload([pending]) }
        let swapped = tamper(ballots[1])
        await #expect(throws: ReferendumError.self) { _ = try await upload([swapped]) }
        #expect(try await central.engine.store.chainHead(device: "A-1-B1")?.length == 1)
        // Then the true ballots go in.
        _ = try await upload(Array(ballots[1...]))
        #expect(try await central.engine.store.chainHead(device: "A-1-B1")?.length == 3)
    }

    @Test("the same voter at two offline stations casts two ballots: after the count one counts, the other is superseded, and the record shows both")
    func twoOfflineStations() async throws {
        let central = try await SmallReferendum.open()
        let rosters = StationRosters()
        let home = try await OfflineStation.start(central, station: "A-1", rosters: rosters)
        let external = try await OfflineStation.start(central, station: "EXT", rosters: rosters)
        // a3 is displaced from alpha: A-1 and EXT both serve it. First at EXT, later at A-1.
        let early = try await external.vote(central.cards["a3"]!, "no", device: "EXT-B1", at: "EXT", seed: 1)
        central.clock.set(SmallReferendum.duringVoting.addingTimeInterval(3_600))
        let late = try await home.vote(central.cards["a3"]!, "yes", device: "A-1-B1", seed: 2)
        // The polls close before either station syncs: ballots made before the close still arrive.
        try await central.engine.close()
        central.clock.set(SmallReferendum.afterVoting)
        #expect(try await home.sync.sync().sent == 1)
        #expect(try await external.sync.sync().sent == 1)
        #expect(try await home.engine.store.state() == .closed, "the station closes when the central server has")
        let count = try await central.engine.count()
        #expect(count.resolution.counted.contains(late.ballotId))
        #expect(!count.resolution.counted.contains(early.ballotId))
        var generator = SeededGenerator(seed: 5)
        _ = try await central.engine.decrypt(with: central.secrets, using: &generator)
        try await central.engine.certify(by: ["Commission"], statement: "test")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("station-record-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try await RecordPublisher.publish(central.engine, to: directory)
        let ballots = try String(contentsOfFile: "\(directory)/referendum/ballots.csv", encoding: .utf8)
        let rows = ballots.split(separator: "\n")
        #expect(rows.contains { $0.contains(late.ballotId) && $0.contains("counted") })
        #expect(rows.contains { $0.contains(early.ballotId) && $0.contains("superseded") })
    }

    @Test("after the count no station's ballot is received")
    func afterCount() async throws {
        let central = try await SmallReferendum.open()
        let station = try await OfflineStation.start(central, station: "A-1")
        try await station.vote(central.cards["a1"]!, device: "A-1-B1")
        try await central.engine.close()
        _ = try await central.engine.count()
        await #expect(throws: ReferendumError.lifecycle(action: "receive a station's ballots", state: .counted, required: [.open, .closed])) {
            _ = try await station.sync.sync()
        }
    }

    func pseudonym(_ voterId: String, _ central: SmallReferendum.Running) async throws -> String {
        try await central.engine.setup().credentials.pseudonym(of: voterId)
    }

    /// The entry under another ballot id, its ciphertexts and chain unchanged.
    func relabel(_ entry: BallotEntry, as ballotId: String) -> BallotEntry {
        let ballot = entry.ballot
        return BallotEntry(ballot: EncryptedBallot(ballotId: ballotId, styleId: ballot.styleId, encryptingDevice: ballot.encryptingDevice,
                                                   timestamp: ballot.timestamp, codeBaux: ballot.codeBaux, confirmationCode: ballot.confirmationCode,
                                                   contests: ballot.contests, state: ballot.state),
                           stationId: entry.stationId, channel: entry.channel, region: entry.region, pseudonym: entry.pseudonym,
                           encryptedAt: entry.encryptedAt, status: entry.status, decidedAt: entry.decidedAt)
    }

    /// The entry with its two selections' ciphertexts swapped (proofs kept): no longer a valid ballot.
    func tamper(_ entry: BallotEntry) -> BallotEntry {
        let ballot = entry.ballot
        let contest = ballot.contests[0]
        let selections = contest.selections
        let swapped = [
            EncryptedSelection(selectionId: selections[0].selectionId, sequenceOrder: selections[0].sequenceOrder, ciphertext: selections[1].ciphertext, proof: selections[0].proof),
            EncryptedSelection(selectionId: selections[1].selectionId, sequenceOrder: selections[1].sequenceOrder, ciphertext: selections[0].ciphertext, proof: selections[1].proof),
        ]
        let altered = EncryptedContest(contestId: contest.contestId, sequenceOrder: contest.sequenceOrder, votesAllowed: contest.votesAllowed,
                                       contestHash: contest.contestHash, selections: swapped, proof: contest.proof, contestData: contest.contestData)
        return BallotEntry(ballot: EncryptedBallot(ballotId: ballot.ballotId, styleId: ballot.styleId, encryptingDevice: ballot.encryptingDevice,
                                                   timestamp: ballot.timestamp, codeBaux: ballot.codeBaux, confirmationCode: ballot.confirmationCode,
                                                   contests: [altered], state: ballot.state),
                           stationId: entry.stationId, channel: entry.channel, region: entry.region, pseudonym: entry.pseudonym,
                           encryptedAt: entry.encryptedAt, status: entry.status, decidedAt: entry.decidedAt)
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result = [T]()
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
