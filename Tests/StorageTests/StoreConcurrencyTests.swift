import ElectionGuard
import Foundation
import Referendum
import Storage
import Testing

/// Many casting sessions at once: nothing lost, nothing twice, every chain one unbroken line.
@Suite("ReferendumStore under concurrent casting")
struct StoreConcurrencyTests {
    @Test("tasks on their own devices: every ballot stored and cast once, every chain complete", arguments: StoreKind.enabled)
    func distinctDevices(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let store = subject.store
            try await Fixtures.prepare(store)
            let devices = 8, perDevice = 12
            try await withThrowingTaskGroup(of: Void.self) { group in
                for device in 0..<devices {
                    group.addTask {
                        var previous: UInt256?
                        for number in 1...perDevice {
                            let entry = Fixtures.entry(String(format: "d%d-%06d", device, number), device: "d\(device)")
                            try await store.append(entry, after: previous)
                            // A retry of the same request, as a device does after a timeout, changes nothing.
                            if number % 5 == 0 { try await store.append(entry, after: previous) }
                            let cast = try await store.decide(ballotId: entry.ballotId, status: .cast, at: Fixtures.moment,
                                                              nonce: nil, choice: nil)
                            #expect(cast.status == .cast)
                            previous = entry.confirmationCode
                        }
                    }
                }
                try await group.waitForAll()
            }
            let stored = try await store.entries(statuses: Set(BallotStatus.allCases), after: nil, limit: 10_000)
            #expect(stored.count == devices * perDevice)
            #expect(stored.allSatisfy { $0.status == .cast })
            #expect(Set(stored.map(\.confirmationCode)).count == stored.count)
            for device in 0..<devices {
                let last = Fixtures.entry(String(format: "d%d-%06d", device, perDevice), device: "d\(device)")
                #expect(try await store.chainHead(device: "d\(device)") == ChainHead(lastCode: last.confirmationCode, length: perDevice))
            }
        }
    }

    /// Sessions race for one device: each reads the chain's end, appends after it, and starts over
    /// when another session got there first. Half the sessions use a second store on the same
    /// data (for PostgreSQL another connection pool, as another server process would).
    @Test("sessions racing on one device: each append extends the chain exactly once", arguments: StoreKind.enabled)
    func racingOnOneDevice(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            try await Fixtures.prepare(subject.store)
            let sessions = 6, perSession = 8
            let links = try await subject.withSecondStore { second in
                try await withThrowingTaskGroup(of: [(previous: UInt256?, code: UInt256)].self) { group in
                    for session in 0..<sessions {
                        let store = session % 2 == 0 ? subject.store : second
                        group.addTask {
                            var links = [(previous: UInt256?, code: UInt256)]()
                            var attempts = 0
                            for number in 1...perSession {
                                let entry = Fixtures.entry("s\(session)-\(number)", device: "shared")
                                while true {
                                    attempts += 1
                                    try #require(attempts < 10_000, "no progress")
                                    let head = try await store.chainHead(device: "shared")
                                    do {
                                        try await store.append(entry, after: head?.lastCode)
                                        links.append((head?.lastCode, entry.confirmationCode))
                                        break
                                    } catch ReferendumError.chainMoved {
                                        await Task.yield()
                                    }
                                }
                                _ = try await store.decide(ballotId: entry.ballotId, status: .cast, at: Fixtures.moment,
                                                           nonce: nil, choice: nil)
                            }
                            return links
                        }
                    }
                    return try await group.reduce(into: []) { $0 += $1 }
                }
            }
            let total = sessions * perSession
            #expect(links.count == total)
            // One line from the start: every code follows exactly one predecessor, nothing forks.
            let next = Dictionary(links.map { ($0.previous?.hex ?? "start", $0.code.hex) }, uniquingKeysWith: { first, _ in first })
            #expect(next.count == total, "two appends after the same code: the chain forked")
            var walked = 0
            var cursor = "start"
            while let code = next[cursor] {
                walked += 1
                cursor = code
            }
            #expect(walked == total)
            let head = try await subject.store.chainHead(device: "shared")
            #expect(head?.length == total)
            #expect(head?.lastCode.hex == cursor)
            let cast = try await subject.store.entries(statuses: [.cast], after: nil, limit: 10_000)
            #expect(cast.count == total)
        }
    }

    @Test("a transition waits for casting in flight: no ballot is appended after the close", arguments: StoreKind.enabled)
    func closeDuringCasting(kind: StoreKind) async throws {
        try await withFreshStore(kind) { subject in
            let store = subject.store
            try await Fixtures.prepare(store)
            let accepted = try await withThrowingTaskGroup(of: [String].self) { group in
                for device in 0..<4 {
                    group.addTask {
                        var accepted = [String]()
                        var previous: UInt256?
                        for number in 1...200 {
                            let entry = Fixtures.entry("c\(device)-\(number)", device: "c\(device)")
                            do {
                                try await store.append(entry, after: previous)
                            } catch ReferendumError.lifecycle(action: "cast", state: .closed, required: [.open]) {
                                break
                            }
                            accepted.append(entry.ballotId)
                            previous = entry.confirmationCode
                        }
                        return accepted
                    }
                }
                try await Task.sleep(for: .milliseconds(30))
                try await store.transition(from: .open, to: .closed, at: Fixtures.moment) { _ in }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            // Every acknowledged append is there, and nothing else came in after the close.
            let stored = try await store.entries(statuses: [.pending], after: nil, limit: 10_000).map(\.ballotId)
            #expect(Set(stored) == Set(accepted))
            #expect(try await store.state() == .closed)
        }
    }
}
