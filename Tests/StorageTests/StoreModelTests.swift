import TestSupport
import ElectionGuard
import Foundation
import Referendum
import Storage
import Testing

/// Each store against the in-memory reference: the same random sequence of appends, decisions and
/// transitions, valid and not, must give the same answers, the same errors and the same contents.
@Suite("ReferendumStore against the in-memory reference")
struct StoreModelTests {
    enum Outcome: Equatable {
        case done
        case entry(BallotEntry)
        case refused(ReferendumError)
    }

    static func outcome(_ operation: () async throws -> Outcome) async -> Outcome {
        do {
            return try await operation()
        } catch let error as ReferendumError {
            return .refused(error)
        } catch {
            return .refused(.storage("unexpected \(type(of: error)): \(error)"))
        }
    }

    @Test("random operations give the reference's outcomes", arguments: StoreKind.enabled.filter { $0 != .memory })
    func sameAsReference(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let reference = InMemoryStore()
            let store = subject.store
            try await Fixtures.prepare(reference, state: .keysReady)
            try await Fixtures.prepare(store, state: .keysReady)
            var generator = SeededGenerator(seed: 2026)
            var known = [BallotEntry]()
            var counters = [String: Int]()
            var states = [LifecycleState.keysReady]
            for step in 0..<160 {
                let choice = Int.random(in: 0..<100, using: &generator)
                let device = "dev\(Int.random(in: 0..<3, using: &generator))"
                let head = try await reference.chainHead(device: device)
                let operation: @Sendable (any ReferendumStore) async throws -> Outcome
                let label: String
                switch choice {
                case 0..<8:
                    // Mostly onward to open and back to open, sometimes from a stale state.
                    let current = try await reference.state() ?? .draft
                    let from = Int.random(in: 0..<4, using: &generator) == 0 ? states.randomElement(using: &generator)! : current
                    let to: LifecycleState = current == .open ? .closed : .open
                    label = "transition \(from) -> \(to)"
                    operation = { store in
                        try await store.transition(from: from, to: to, at: Fixtures.moment.addingTimeInterval(Double(step))) { _ in }
                        return .done
                    }
                    states.append(to)
                case 8..<50:
                    counters[device, default: 0] += 1
                    let entry = Fixtures.entry(String(format: "%@-%04d", device, counters[device]!), device: device,
                                               encryptedAt: Fixtures.moment.addingTimeInterval(Double(step) / 3))
                    let previous = Int.random(in: 0..<6, using: &generator) == 0 ? known.randomElement(using: &generator)?.confirmationCode : head?.lastCode
                    label = "append \(entry.ballotId)"
                    known.append(entry)
                    operation = { store in
                        try await store.append(entry, after: previous)
                        return .done
                    }
                case 50..<58 where !known.isEmpty:
                    let existing = known.randomElement(using: &generator)!
                    let impostor = Int.random(in: 0..<2, using: &generator) == 0
                    let entry = impostor ? Fixtures.entry(existing.ballotId, device: existing.deviceId, code: UInt64(step)) : existing
                    label = "append again \(entry.ballotId)\(impostor ? " with another code" : "")"
                    operation = { store in
                        try await store.append(entry, after: head?.lastCode)
                        return .done
                    }
                default:
                    let ballotId = known.isEmpty || Int.random(in: 0..<10, using: &generator) == 0
                        ? "unknown-\(step)" : known.randomElement(using: &generator)!.ballotId
                    let status = BallotStatus.allCases.randomElement(using: &generator)!
                    let nonce = status == .challenged ? UInt256.random(using: &generator) : nil
                    label = "decide \(ballotId) \(status)"
                    operation = { store in
                        .entry(try await store.decide(ballotId: ballotId, status: status, at: Fixtures.moment.addingTimeInterval(Double(step)),
                                                      nonce: nonce, choice: nonce == nil ? nil : "yes"))
                    }
                }
                let expected = await Self.outcome { try await operation(reference) }
                let actual = await Self.outcome { try await operation(store) }
                #expect(actual == expected, "step \(step): \(label)")
            }
            let everything = Set(BallotStatus.allCases)
            #expect(try await store.entries(statuses: everything, after: nil, limit: 1_000)
                    == reference.entries(statuses: everything, after: nil, limit: 1_000))
            #expect(Set(try await store.summaries()) == Set(await reference.summaries()))
            #expect(try await store.loadSetup() == reference.loadSetup())
            for device in ["dev0", "dev1", "dev2"] {
                #expect(try await store.chainHead(device: device) == reference.chainHead(device: device))
            }
        }
    }
}
