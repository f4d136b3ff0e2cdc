// storage-load: casts ballots into a store from several devices at once (append, then decide
// cast), printing a line for each ballot only after the store acknowledged it, and a summary with
// the rate at the end. StorageTests kills it with SIGKILL mid-run and checks that every ballot it
// printed is in the database; scripts/storage-throughput.sh times it.
//
//   storage-load prepare <sqlite:PATH | postgres://...>
//   storage-load <sqlite:PATH | postgres://...> <devices> <ballots per device, 0 = until killed>
//                [--separate-commits] [--quiet]
//
// `prepare` makes the open referendum the casting needs. Every ballot carries the same real
// encrypted contest (two selections with range proofs), so that rows have the size of real ones.
import Foundation
import ElectionGuard
import Referendum
import Storage

@main
struct StorageLoad {
    let location: String
    let devices: Int
    let perDevice: Int
    let groupCommit: Bool
    let quiet: Bool
    let contests: [EncryptedContest]

    static func main() async {
        let arguments = CommandLine.arguments
        do {
            if arguments.count == 3, arguments[1] == "prepare" {
                try await withStore(at: arguments[2], groupCommit: false) { try await prepare($0) }
            } else if arguments.count >= 4, let devices = Int(arguments[2]), let perDevice = Int(arguments[3]) {
                let load = StorageLoad(location: arguments[1], devices: devices, perDevice: perDevice,
                                       groupCommit: !arguments.contains("--separate-commits"),
                                       quiet: arguments.contains("--quiet"), contests: try makeContests())
                try await withStore(at: load.location, groupCommit: load.groupCommit) { try await load.run($0) }
            } else {
                FileHandle.standardError.write(Data("""
                    usage: storage-load prepare <sqlite:PATH | postgres://...>
                           storage-load <sqlite:PATH | postgres://...> <devices> <ballots per device> [--separate-commits] [--quiet]

                    """.utf8))
                exit(2)
            }
        } catch {
            FileHandle.standardError.write(Data("storage-load: \(error)\n".utf8))
            exit(1)
        }
    }

    /// Casts on every device at once and prints the rate.
    func run(_ store: any ReferendumStore) async throws {
        let start = ContinuousClock.now
        let prefix = "load\(getpid())"
        // Ballots are stamped inside the referendum's voting window: the stores refuse any other time.
        guard let window = try await store.loadSetup()?.definition.schedule.window(for: "alpha") else {
            throw ReferendumError.storage("prepare the store first: no referendum with region alpha")
        }
        let at = window.opens.addingTimeInterval(60)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for device in 0..<devices { group.addTask { try await cast(on: "A-1-\(prefix)-d\(device)", store: store, at: at) } }
            try await group.waitForAll()
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let ballots = devices * perDevice
        print("ballots \(ballots) devices \(devices) group-commit \(groupCommit) seconds \(String(format: "%.2f", seconds))"
              + " ballots/s \(String(format: "%.0f", Double(ballots) / seconds))")
    }

    /// Casts on one device until done, reporting each acknowledged ballot.
    func cast(on device: String, store: any ReferendumStore, at date: Date) async throws {
        var number = 0
        var generator = SystemRandomNumberGenerator()
        let parent = getppid()
        while perDevice == 0 || number < perDevice {
            // Casting until killed ends when the process that started it is gone.
            if perDevice == 0, getppid() != parent { exit(3) }
            number += 1
            let head = try await store.chainHead(device: device)
            let ballot = EncryptedBallot(ballotId: "\(device)-\(number)", styleId: "alpha", encryptingDevice: device,
                                         timestamp: Int(date.timeIntervalSince1970), codeBaux: [],
                                         confirmationCode: UInt256.random(using: &generator), contests: contests, state: .unknown)
            let entry = BallotEntry(ballot: ballot, stationId: "A-1", channel: .station, region: "alpha",
                                    pseudonym: "p-\(ballot.ballotId)", encryptedAt: date, status: .pending)
            try await store.append(entry, after: head?.lastCode)
            _ = try await store.decide(ballotId: entry.ballotId, status: .cast, at: date, nonce: nil, choice: nil)
            if !quiet { FileHandle.standardOutput.write(Data("committed \(entry.ballotId) \(entry.confirmationCode.hex)\n".utf8)) }
        }
    }

    /// One encrypted contest, to give every ballot a real size.
    static func makeContests() throws -> [EncryptedContest] {
        let contest = ContestDescription(id: "alpha", sequenceOrder: 1, votesAllowed: 1,
                                         selections: [.init(id: "alpha-yes", sequenceOrder: 1), .init(id: "alpha-no", sequenceOrder: 2)])
        let key = ElGamalKeyPair(secretKey: ElementModQ(12_345)).publicKey
        let encryptor = BallotEncryptor(publicKey: key, extendedBaseHash: try UInt256(hex: String(repeating: "AB", count: 32)),
                                        contests: [contest])
        let plaintext = PlaintextBallot(id: "template", styleId: "alpha",
                                        contests: [.init(contestId: "alpha", votes: ["alpha-yes": 1])])
        return try encryptor.encrypt(plaintext, ballotNonce: try UInt256(hex: String(repeating: "01", count: 32)), codeBaux: [],
                                     device: "template", timestamp: 0).contests
    }

    /// Creates a referendum and opens it, as far as the store is concerned.
    static func prepare(_ store: any ReferendumStore) async throws {
        let definition = try ReferendumDefinition.parse("""
            id: load
            title: {en: Load}
            question: {en: Yes or no?}
            options:
              - {id: "yes", text: {en: "Yes"}}
              - {id: "no", text: {en: "No"}}
            regions:
              - {id: alpha, name: {en: Alpha}, time_zone: Europe/Kyiv}
            stations:
              - {id: A-1, kind: regional, serves: [alpha], location: "Alpha school"}
            schedule:
              announced: 2026-08-01T12:00:00+03:00
              voting:
                - {region: alpha, opens: 2026-09-01T08:00:00+03:00, closes: 2026-09-03T20:00:00+03:00}
            guardians: {count: 3, quorum: 2}
            revote_rule: station-over-mobile-then-latest
            """)
        var generator = SystemRandomNumberGenerator()
        try await store.create(ReferendumSetup(definition: definition, credentials: .generate(using: &generator), createdAt: Date()))
        try await store.transition(from: .draft, to: .open, at: Date()) { _ in }
    }

    /// Opens the store at `location` (a postgres:// URL, or an SQLite path with or without `sqlite:`) for `body`.
    static func withStore(at location: String, groupCommit: Bool,
                          _ body: @Sendable (any ReferendumStore) async throws -> Void) async throws {
        let database = location.hasPrefix("sqlite:") ? String(location.dropFirst("sqlite:".count)) : location
        let opened = try StoreLocation.open(database, maximumConnections: 8, groupCommit: groupCommit)
        try await opened.whileRunning { try await body(opened.store) }
    }
}
