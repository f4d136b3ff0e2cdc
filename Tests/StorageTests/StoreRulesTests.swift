import TestSupport
import ElectionGuard
import Foundation
import Referendum
import Storage
import Testing

/// The rules of `ReferendumStore`, on every store: the same calls give the same answers and the
/// same errors as the in-memory reference.
@Suite("ReferendumStore rules, on every store")
struct StoreRulesTests {
    @Test("a referendum is created once, read back exactly, and moved only from the state it is in", arguments: StoreKind.enabled)
    func referendumLifecycle(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let store = subject.store
            #expect(try await store.loadSetup() == nil)
            #expect(try await store.state() == nil)
            await #expect(throws: ReferendumError.noReferendum) {
                try await store.transition(from: .draft, to: .announced, at: Fixtures.moment) { _ in }
            }
            let setup = try Fixtures.setup()
            try await store.create(setup)
            #expect(try await store.loadSetup() == setup)
            await #expect(throws: ReferendumError.referendumExists) {
                try await store.create(try Fixtures.setup(seed: 2))
            }
            #expect(try await store.loadSetup() == setup, "the refused create changed nothing")

            let later = Fixtures.moment.addingTimeInterval(86_400.5)
            try await store.transition(from: .draft, to: .announced, at: later) { $0.certification = nil }
            await #expect(throws: ReferendumError.lifecycle(action: "move to keys-ready", state: .announced, required: [.draft])) {
                try await store.transition(from: .draft, to: .keysReady, at: later) { $0.history = [] }
            }
            let announced = try #require(try await store.loadSetup())
            #expect(announced.state == .announced)
            #expect(try await store.state() == .announced)
            #expect(announced.history.map(\.state) == [.draft, .announced])
            #expect(announced.history.last?.at == later)

            // The update runs in the same transaction; a transition to the same state only updates.
            var generator = SeededGenerator(seed: 99)
            let credentials = Credentials.generate(using: &generator)
            try await store.transition(from: .announced, to: .announced, at: later) { $0.credentials = credentials }
            let updated = try #require(try await store.loadSetup())
            #expect(updated.credentials == credentials)
            #expect(updated.history.count == 2)
        }
    }

    @Test("ballots are appended and decided only while the polls are open, except to abandon", arguments: StoreKind.enabled)
    func stateGating(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let store = subject.store
            let first = Fixtures.entry("d1-000001", device: "d1")
            await #expect(throws: ReferendumError.lifecycle(action: "cast", state: .draft, required: [.open])) {
                try await store.append(first, after: nil)
            }
            try await Fixtures.prepare(store, state: .keysReady)
            await #expect(throws: ReferendumError.lifecycle(action: "cast", state: .keysReady, required: [.open])) {
                try await store.append(first, after: nil)
            }
            #expect(try await store.entry(ballotId: first.ballotId) == nil)
            #expect(try await store.chainHead(device: "d1") == nil)

            try await store.transition(from: .keysReady, to: .open, at: Fixtures.moment) { _ in }
            try await store.append(first, after: nil)
            let second = Fixtures.entry("d1-000002", device: "d1")
            try await store.append(second, after: first.confirmationCode)
            let third = Fixtures.entry("d1-000003", device: "d1")
            try await store.append(third, after: second.confirmationCode)
            let cast = try await store.decide(ballotId: first.ballotId, status: .cast, at: Fixtures.moment, nonce: nil, choice: nil)

            try await store.transition(from: .open, to: .closed, at: Fixtures.moment) { _ in }
            await #expect(throws: ReferendumError.lifecycle(action: "cast", state: .closed, required: [.open])) {
                try await store.append(Fixtures.entry("d1-000004", device: "d1"), after: third.confirmationCode)
            }
            await #expect(throws: ReferendumError.lifecycle(action: "cast", state: .closed, required: [.open])) {
                _ = try await store.decide(ballotId: second.ballotId, status: .cast, at: Fixtures.moment, nonce: nil, choice: nil)
            }
            await #expect(throws: ReferendumError.lifecycle(action: "challenge", state: .closed, required: [.open])) {
                _ = try await store.decide(ballotId: second.ballotId, status: .challenged, at: Fixtures.moment, nonce: nil, choice: "yes")
            }
            // Asking again for what is already so answers with the stored entry, even when closed.
            #expect(try await store.decide(ballotId: first.ballotId, status: .cast, at: .distantFuture, nonce: nil, choice: nil) == cast)
            let abandoned = try await store.decide(ballotId: second.ballotId, status: .abandoned, at: Fixtures.moment,
                                                   nonce: nil, choice: nil)
            #expect(abandoned == second.decided(.abandoned, at: Fixtures.moment))
            #expect(try await store.entry(ballotId: second.ballotId) == abandoned)
            await #expect(throws: ReferendumError.ballotAlreadyDecided(ballotId: first.ballotId, state: "cast")) {
                _ = try await store.decide(ballotId: first.ballotId, status: .abandoned, at: Fixtures.moment, nonce: nil, choice: nil)
            }
            #expect(try await store.chainHead(device: "d1") == ChainHead(lastCode: third.confirmationCode, length: 3))
        }
    }

    @Test("a station's decided ballot is appended while open or closed, decided inside its window, and refused after the count", arguments: StoreKind.enabled)
    func decidedAppend(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let store = subject.store
            try await Fixtures.prepare(store, state: .closed)
            let cast = Fixtures.entry("s1-000001", device: "s1").decided(.cast, at: Fixtures.moment.addingTimeInterval(60))
            await #expect(throws: ReferendumError.lifecycle(action: "cast", state: .closed, required: [.open])) {
                try await store.append(Fixtures.entry("s1-000001", device: "s1"), after: nil)
            }
            let late = Fixtures.entry("s1-000001", device: "s1").decided(.cast, at: SmallReferendumText.afterVoting)
            await #expect(throws: ReferendumError.self) { try await store.append(late, after: nil) }
            #expect(try await store.chainHead(device: "s1") == nil)
            try await store.append(cast, after: nil)
            #expect(try await store.entry(ballotId: cast.ballotId) == cast)
            #expect(try await store.chainHead(device: "s1") == ChainHead(lastCode: cast.confirmationCode, length: 1))
            try await store.transition(from: .closed, to: .counted, at: Fixtures.moment) { _ in }
            let next = Fixtures.entry("s1-000002", device: "s1").decided(.abandoned, at: Fixtures.moment)
            await #expect(throws: ReferendumError.lifecycle(action: "receive a station's ballots", state: .counted, required: [.open, .closed])) {
                try await store.append(next, after: cast.confirmationCode)
            }
            #expect(try await store.chainHead(device: "s1")?.length == 1)
        }
    }

    @Test("appending the same ballot again changes nothing; another ballot on a moved chain is refused", arguments: StoreKind.enabled)
    func appendIdempotentAndChained(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let store = subject.store
            try await Fixtures.prepare(store)
            let first = Fixtures.entry("d1-000001", device: "d1")
            try await store.append(first, after: nil)
            try await store.append(first, after: nil)
            try await store.append(first, after: Fixtures.zeroCode)
            #expect(try await store.chainHead(device: "d1") == ChainHead(lastCode: first.confirmationCode, length: 1))

            let impostor = Fixtures.entry("d1-000001", device: "d1", code: 99)
            await #expect(throws: ReferendumError.ballotConflict("ballot d1-000001 exists with another confirmation code")) {
                try await store.append(impostor, after: first.confirmationCode)
            }
            let stale = Fixtures.entry("d1-000002", device: "d1")
            await #expect(throws: ReferendumError.chainMoved(device: "d1")) {
                try await store.append(stale, after: nil)
            }
            await #expect(throws: ReferendumError.chainMoved(device: "d1")) {
                try await store.append(stale, after: stale.confirmationCode)
            }
            #expect(try await store.entry(ballotId: stale.ballotId) == nil, "a refused append stores nothing")
            #expect(try await store.entry(ballotId: first.ballotId) == first)
            #expect(try await store.chainHead(device: "d1") == ChainHead(lastCode: first.confirmationCode, length: 1))

            try await store.append(stale, after: first.confirmationCode)
            #expect(try await store.chainHead(device: "d1") == ChainHead(lastCode: stale.confirmationCode, length: 2))
            // Another device's chain starts on its own.
            let other = Fixtures.entry("d2-000001", device: "d2")
            await #expect(throws: ReferendumError.chainMoved(device: "d2")) {
                try await store.append(other, after: first.confirmationCode)
            }
            try await store.append(other, after: nil)
            #expect(try await store.chainHead(device: "d2") == ChainHead(lastCode: other.confirmationCode, length: 1))
            #expect(try await store.summaries().count == 3)
        }
    }

    @Test("deciding is idempotent per status and final once decided", arguments: StoreKind.enabled)
    func decideRules(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let store = subject.store
            try await Fixtures.prepare(store)
            await #expect(throws: ReferendumError.unknownBallot("nope")) {
                _ = try await store.decide(ballotId: "nope", status: .cast, at: Fixtures.moment, nonce: nil, choice: nil)
            }
            let a = Fixtures.entry("d1-000001", device: "d1")
            let b = Fixtures.entry("d1-000002", device: "d1")
            try await store.append(a, after: nil)
            try await store.append(b, after: a.confirmationCode)
            let castAt = Fixtures.moment.addingTimeInterval(12.345_678)
            let cast = try await store.decide(ballotId: a.ballotId, status: .cast, at: castAt, nonce: nil, choice: nil)
            #expect(cast == a.decided(.cast, at: castAt))
            #expect(cast.ballot.state == .cast)
            #expect(try await store.decide(ballotId: a.ballotId, status: .cast, at: .distantPast, nonce: nil, choice: nil) == cast)
            await #expect(throws: ReferendumError.ballotAlreadyDecided(ballotId: a.ballotId, state: "cast")) {
                _ = try await store.decide(ballotId: a.ballotId, status: .challenged, at: castAt, nonce: Fixtures.zeroCode, choice: "no")
            }

            let nonce = try UInt256(hex: String(repeating: "C3", count: 32))
            let challenged = try await store.decide(ballotId: b.ballotId, status: .challenged, at: castAt, nonce: nonce, choice: "no")
            #expect(challenged.revealedNonce == nonce)
            #expect(challenged.revealedChoice == "no")
            #expect(challenged.ballot.state == .challenged)
            #expect(try await store.entry(ballotId: b.ballotId) == challenged)
            #expect(try await store.entry(confirmationCode: b.confirmationCode) == challenged)
            await #expect(throws: ReferendumError.ballotAlreadyDecided(ballotId: b.ballotId, state: "challenged")) {
                _ = try await store.decide(ballotId: b.ballotId, status: .cast, at: castAt, nonce: nil, choice: nil)
            }
        }
    }

    @Test("voters are added all or none, found by credential and counted per region and station", arguments: StoreKind.enabled)
    func register(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let store = subject.store
            try await Fixtures.prepare(store, state: .announced)
            let voters = [Fixtures.voter("a1"), Fixtures.voter("a2"), Fixtures.voter("a3", displaced: true, station: nil),
                          Fixtures.voter("a4", station: nil), Fixtures.voter("b1", region: "beta", station: "B-1"),
                          Fixtures.voter("b2", region: "beta", station: "B-1")]
            try await store.addVoters(voters)
            try await store.addVoters([])
            #expect(try await store.voterIds() == Set(voters.map(\.voterId)))
            #expect(try await store.voter(credentialKey: "key-a3") == voters[2])
            #expect(try await store.voter(credentialKey: "key-b1") == voters[4])
            #expect(try await store.voter(credentialKey: "key-zz") == nil)
            let expected = RegisterCounts(registered: ["alpha": 4, "beta": 2], displaced: ["alpha": 1],
                                          byHomeStation: ["A-1": 2, "B-1": 2])
            #expect(try await store.registerCounts() == expected)

            // An id already registered, or twice in one import: nothing of the import is stored.
            await #expect(throws: ReferendumError.register(file: "(store)", line: 0, field: "voter_id", reason: "voter a2 is already registered")) {
                try await store.addVoters([Fixtures.voter("c1", region: "beta", station: nil), Fixtures.voter("a2")])
            }
            await #expect(throws: ReferendumError.register(file: "(store)", line: 0, field: "voter_id", reason: "voter c2 is already registered")) {
                try await store.addVoters([Fixtures.voter("c2", region: "beta"), Fixtures.voter("c3"), Fixtures.voter("c2")])
            }
            #expect(try await store.voterIds() == Set(voters.map(\.voterId)))
            #expect(try await store.voter(credentialKey: "key-c1") == nil)
            #expect(try await store.registerCounts() == expected)

            let many = (0..<3_000).map { Fixtures.voter(String(format: "m%05d", $0), region: $0 % 3 == 0 ? "beta" : "alpha",
                                                        displaced: $0 % 7 == 0, station: $0 % 2 == 0 ? nil : "A-1") }
            try await store.addVoters(many)
            let counts = try await store.registerCounts()
            #expect(counts.registered == ["alpha": 4 + 2_000, "beta": 2 + 1_000])
            #expect(counts.displaced["alpha", default: 0] + counts.displaced["beta", default: 0] == 1 + many.filter(\.displaced).count)
            #expect(counts.byHomeStation["A-1"] == 2 + 1_500)
            #expect(try await store.voter(credentialKey: "key-m02999") == many.last)
        }
    }

    @Test("ballots page in id order by status, after an id", arguments: StoreKind.enabled)
    func paging(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let store = subject.store
            try await Fixtures.prepare(store)
            var generator = SeededGenerator(seed: 11)
            var heads = [String: UInt256]()
            var all = [BallotEntry]()
            // Ids in an order unlike their sort order, over three devices.
            for number in (0..<40).shuffled(using: &generator) {
                let device = "dev\(number % 3)"
                let entry = Fixtures.entry(String(format: "b-%03d", number), device: device)
                try await store.append(entry, after: heads[device])
                heads[device] = entry.confirmationCode
                all.append(entry)
            }
            var expected = [String: BallotEntry]()
            for entry in all { expected[entry.ballotId] = entry }
            for (index, entry) in all.enumerated() where index % 4 != 0 {
                let status: BallotStatus = index % 4 == 3 ? .challenged : .cast
                expected[entry.ballotId] = try await store.decide(ballotId: entry.ballotId, status: status, at: Fixtures.moment,
                                                                  nonce: status == .challenged ? Fixtures.zeroCode : nil,
                                                                  choice: status == .challenged ? "yes" : nil)
            }
            for statuses: Set<BallotStatus> in [[.cast], [.pending], [.cast, .challenged], Set(BallotStatus.allCases), [.abandoned], []] {
                var paged = [BallotEntry]()
                var after: String?
                while true {
                    let page = try await store.entries(statuses: statuses, after: after, limit: 7)
                    #expect(page.count <= 7)
                    guard let last = page.last else { break }
                    paged += page
                    after = last.ballotId
                }
                let wanted = expected.values.filter { statuses.contains($0.status) }.sorted { $0.ballotId < $1.ballotId }
                #expect(paged == wanted, "statuses \(statuses.map(\.rawValue).sorted())")
            }
            #expect(try await store.entries(statuses: [.cast], after: "b-035", limit: 100).map(\.ballotId)
                    == expected.values.filter { $0.status == .cast && $0.ballotId > "b-035" }.map(\.ballotId).sorted())
            #expect(try await store.entries(statuses: [.cast], after: nil, limit: 0).isEmpty)
        }
    }

    @Test("ballots appended on one visit from stale copies of it are all listed; a returned visit takes none", arguments: StoreKind.enabled)
    func visitBallots(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let store = subject.store
            try await Fixtures.prepare(store)
            let visit = Fixtures.visit("visit-1")
            try await store.saveMobileVisit(visit)
            // Two devices each hold the visit as it was when they started: neither may drop the other's ballot.
            let first = Fixtures.entry("mob1-000001", device: "mob1", station: "A-1-M", channel: .mobile, visit: visit.id)
            let second = Fixtures.entry("mob2-000001", device: "mob2", station: "A-1-M", channel: .mobile, visit: visit.id)
            try await store.append(first, after: nil, visit: visit)
            try await store.append(second, after: nil, visit: visit)
            try await store.append(second, after: nil, visit: visit)
            #expect(try await store.mobileVisits().first?.ballotIds == [first.ballotId, second.ballotId])
            // Returned from a copy read before those ballots: they stay listed, and the visit takes no more.
            try await store.saveMobileVisit(visit.returned(at: Fixtures.moment.addingTimeInterval(7_200)))
            #expect(try await store.mobileVisits().first?.ballotIds == [first.ballotId, second.ballotId])
            let late = Fixtures.entry("mob3-000001", device: "mob3", station: "A-1-M", channel: .mobile, visit: visit.id)
            await #expect(throws: ReferendumError.mobileVisit("visit visit-1 has already returned")) {
                try await store.append(late, after: nil, visit: visit)
            }
            #expect(try await store.entry(ballotId: late.ballotId) == nil, "the refused ballot is not stored either")
            #expect(try await store.mobileVisits().first?.returnedAt != nil)
        }
    }

    @Test("what is stored reads back exactly: entries, summaries, visits", arguments: StoreKind.enabled)
    func roundTrips(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let store = subject.store
            try await Fixtures.prepare(store)
            let visit = Fixtures.visit("visit-1")
            try await store.saveMobileVisit(visit)
            #expect(try await store.mobileVisits() == [visit])

            let mobile = Fixtures.entry("mob-000001", device: "mob", station: "A-1-M", channel: .mobile, pseudonym: "pseud-π ü",
                                        encryptedAt: Fixtures.moment.addingTimeInterval(0.000_001), visit: visit.id)
            let withBallot = visit.adding(mobile.ballotId)
            try await store.append(mobile, after: nil, visit: withBallot)
            #expect(try await store.entry(ballotId: mobile.ballotId) == mobile)
            #expect(try await store.entry(confirmationCode: mobile.confirmationCode) == mobile)
            #expect(try await store.entry(confirmationCode: Fixtures.zeroCode) == nil)
            #expect(try await store.entry(ballotId: "none") == nil)
            #expect(try await store.mobileVisits() == [withBallot])
            let returned = withBallot.returned(at: Fixtures.moment.addingTimeInterval(7_200.75))
            try await store.saveMobileVisit(returned)
            try await store.saveMobileVisit(Fixtures.visit("visit-0", returned: true))
            #expect(try await store.mobileVisits() == [Fixtures.visit("visit-0", returned: true), returned])

            let external = Fixtures.entry("ext-000001", device: "ext", station: "EXT", region: "beta")
            try await store.append(external, after: nil)
            let cast = try await store.decide(ballotId: external.ballotId, status: .cast,
                                              at: Fixtures.moment.addingTimeInterval(1e-6), nonce: nil, choice: nil)
            let entries = try await store.entries(statuses: Set(BallotStatus.allCases), after: nil, limit: 10)
            #expect(entries == [cast, mobile])
            #expect(entries.first?.ballot.contests == Fixtures.contests)
            #expect(Set(try await store.summaries()) == Set([cast.summary, mobile.summary]))
        }
    }

    @Test("a guardian's round is written once; rounds read back in order", arguments: StoreKind.enabled)
    func decryptionRounds(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let store = subject.store
            try await Fixtures.prepare(store, state: .counted)
            let element = ElementModP.g.powerSecret(ElementModQ(77))
            let partial = PartialDecryption(guardianId: "g2", xCoordinate: 2, share: element, commitmentA: element, commitmentB: .g)
            let rounds = [
                GuardianDecryptionRound(guardianId: "g2", xCoordinate: 2, round: .partials, partials: [partial, partial]),
                GuardianDecryptionRound(guardianId: "g1", xCoordinate: 1, round: .partials, partials: [partial]),
                GuardianDecryptionRound(guardianId: "g2", xCoordinate: 2, round: .responses, responses: [ElementModQ(5), ElementModQ(6)]),
            ]
            for round in rounds { try await store.saveDecryptionRound(round) }
            await #expect(throws: ReferendumError.guardian(id: "g2", reason: "round 1 was already submitted")) {
                try await store.saveDecryptionRound(GuardianDecryptionRound(guardianId: "g2", xCoordinate: 2, round: .partials))
            }
            #expect(try await store.decryptionRounds() == rounds)
        }
    }
}
