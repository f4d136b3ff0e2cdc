import ElectionRecord
import Foundation
import Referendum
import ElectionGuard

/// Runs a `DemoScenario` through the whole life of a referendum on one machine: create, announce,
/// register, key ceremony (guardians from the definition), open, cast on all devices in parallel,
/// close, count, decrypt with the chosen guardians, certify. Time is simulated: every step happens
/// at its scheduled time and every ballot at its planned time.
public struct DemoRunner: Sendable {
    /// What the run produced.
    public struct Outcome: Sendable {
        public let setup: ReferendumSetup
        public let secrets: [GuardianSecret]
        public let cards: [VoterCard]
        public let results: ReferendumResults
        /// Ballots cast, challenged, and the wall-clock seconds of each phase.
        public let castBallots: Int
        public let challengedBallots: Int
        public let timings: [(phase: String, seconds: Double)]
        /// True when every region's decrypted counts equal what the devices were told to record
        /// (the scenario's plaintext counts, or with a lying station what its devices recorded).
        public let matchesExpected: Bool
        /// With paper: the protocols beside the electronic totals, and the audit.
        public let paper: RecordedPaper?
        public let audit: RecordedAudit?
    }

    public let scenario: DemoScenario
    /// Coordinates (1-based) of the guardians who decrypt.
    public let decryptingGuardians: [Int]
    public let seed: UInt64
    /// Paper slips, protocols and a risk-limiting audit; nil for electronic ballots only.
    public let paper: DemoPaper?

    public init(scenario: DemoScenario, decryptingGuardians: [Int], seed: UInt64, paper: DemoPaper? = nil) {
        self.scenario = scenario
        self.decryptingGuardians = decryptingGuardians
        self.seed = seed
        self.paper = paper
    }

    /// Runs everything on `store`; `progress` hears (ballots done, ballots planned) while casting.
    public func run(store: any ReferendumStore, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> Outcome {
        let definition = scenario.definition
        let clock = ManualClock(definition.schedule.announced.addingTimeInterval(-86_400))
        let engine = ReferendumEngine(store: store, clock: clock)
        var generator = SeededGenerator(seed: seed)
        var timings = [(String, Double)]()
        func timed<T>(_ phase: String, _ body: () async throws -> T) async rethrows -> T {
            let start = Date()
            let value = try await body()
            timings.append((phase, Date().timeIntervalSince(start)))
            return value
        }

        try await engine.create(definition, using: &generator)
        clock.set(definition.schedule.announced)
        try await engine.announce()
        let cards = try await timed("register") {
            try await engine.importRegister(csv: scenario.registerCSV, file: "demo-register.csv", using: &generator)
        }
        let secrets = try await timed("key ceremony") { try await engine.runCeremony(using: &generator) }
        let opens = definition.schedule.voting.map(\.opens).min()!
        clock.set(opens.addingTimeInterval(-3_600))
        try await engine.open()

        let desk = try await CastingDesk(engine: engine)
        let credentials = Dictionary(uniqueKeysWithValues: cards.map { ($0.voterId, $0.credential) })
        for visit in scenario.visits {
            _ = try await desk.startVisit(id: visit.id, stationId: visit.box, request: "request logged by the station secretary",
                                          requestedAt: visit.departs.addingTimeInterval(-1_800), officials: visit.officials,
                                          observers: visit.observers, at: visit.departs)
        }
        let byDevice = Dictionary(grouping: scenario.actions, by: \.device)
        let total = scenario.actions.count
        let counter = ProgressCounter()
        let baseSeed = generator.next()
        let paper = self.paper
        let (cast, challenged, sheets) = try await timed("casting") {
            try await withThrowingTaskGroup(of: (Int, Int, [DemoPaper.Sheet]).self) { group in
                for (index, (_, actions)) in byDevice.sorted(by: { $0.key < $1.key }).enumerated() {
                    group.addTask {
                        var generator = SeededGenerator(seed: baseSeed &+ UInt64(index) &* 0x9E37_79B9)
                        var cast = 0, challenged = 0, sheets = [DemoPaper.Sheet]()
                        for action in actions.sorted(by: { $0.time < $1.time }) {
                            let choice = paper?.recorded(action.choice, at: action.station, definition) ?? action.choice
                            let session = try await desk.checkIn(credential: credentials[action.voterId]!, stationId: action.station, at: action.time)
                            let visit = action.visit.map { id in scenario.visits.first { $0.id == id }! }
                            let mobileVisit = visit.map {
                                MobileVisit(id: $0.id, stationId: $0.box, requestedAt: $0.departs, request: "", officials: $0.officials,
                                            observers: $0.observers, departedAt: $0.departs)
                            }
                            if action.kind == .challengeThenCast {
                                let first = try await desk.encrypt(session, choice: action.choice, deviceId: action.device,
                                                                   visit: mobileVisit, at: action.time, using: &generator)
                                _ = try await desk.challenge(first, at: action.time)
                                challenged += 1
                            }
                            let pending = try await desk.encrypt(session, choice: choice, deviceId: action.device,
                                                                 visit: mobileVisit, at: action.time, using: &generator)
                            let entry = try await desk.cast(pending, at: action.time)
                            cast += 1
                            if paper != nil {
                                sheets.append(.init(ballotId: entry.ballotId, station: definition.tallyStation(of: action.station), region: session.region,
                                                    choice: action.choice, mobile: action.visit != nil))
                            }
                            progress(counter.increment(), total)
                        }
                        return (cast, challenged, sheets)
                    }
                }
                var sums = (0, 0, [DemoPaper.Sheet]())
                for try await (cast, challenged, sheets) in group { sums = (sums.0 + cast, sums.1 + challenged, sums.2 + sheets) }
                return sums
            }
        }
        let stored = try await store.mobileVisits()
        for visit in scenario.visits {
            if let current = stored.first(where: { $0.id == visit.id }) { _ = try await desk.endVisit(current, at: visit.returns) }
        }
        clock.set(definition.schedule.voting.map(\.closes).max()!.addingTimeInterval(60))
        try await engine.close()
        try await timed("count") { _ = try await engine.count() }
        let present = secrets.filter { decryptingGuardians.contains($0.xCoordinate) }
        try await timed("decryption") { _ = try await engine.decrypt(with: present, using: &generator) }
        let setup = try await engine.setup()
        let results = try ReferendumResults.compute(setup: setup, register: try await store.registerCounts(),
                                                    summaries: try await store.summaries())
        let expected = paper.map { scenario.expectedRecorded(by: $0) } ?? scenario.expected
        let matches = results.regions.allSatisfy { region in expected[region.id] == region.votes }
        var paperReport: RecordedPaper?, audit: RecordedAudit?
        if let paper {
            try await timed("paper") {
                let superseded = Set(try await engine.setup().count?.resolution.supersededBy.keys.map { $0 } ?? [])
                try await engine.enterProtocols(DemoPaper.protocols(sheets, superseded: superseded, options: definition.options.map(\.id)))
                audit = try await DemoPaper.audit(engine, paper, sheets: sheets)
                paperReport = try await engine.paperReport()
            }
        }
        clock.set(definition.schedule.certification ?? clock.now().addingTimeInterval(86_400))
        try await engine.certify(by: ["Central referendum commission (demo)"],
                                 statement: matches ? "The decrypted counts equal the demo's plaintext counts."
                                                    : "WARNING: the decrypted counts differ from the demo's plaintext counts.")
        return Outcome(setup: try await engine.setup(), secrets: secrets, cards: cards, results: results, castBallots: cast,
                       challengedBallots: challenged, timings: timings, matchesExpected: matches, paper: paperReport, audit: audit)
    }
}

/// Counts finished ballots across tasks.
final class ProgressCounter: @unchecked Sendable {
    // @unchecked: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int { lock.withLock { value += 1; return value } }
}
