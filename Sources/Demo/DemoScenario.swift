import Foundation
import Referendum

/// A synthetic electorate and what each voter does, generated from a seed: the input of
/// `plebiscite demo`. It also counts, in plain text and by the published revote rule, what the
/// decrypted result must be, so the demo can check the whole chain end to end.
public struct DemoScenario: Sendable {
    /// One thing a voter does at a station device.
    public struct Action: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// Encrypt and cast.
            case cast
            /// Encrypt, challenge (the device opens the ballot), then encrypt again and cast.
            case challengeThenCast
        }

        public let time: Date
        public let voterId: String
        public let station: String
        public let device: String
        public let choice: String
        public let kind: Kind
        /// The mobile-box visit this ballot is taken on, for mobile ballots.
        public let visit: String?
    }

    /// A mobile-box trip: requested, carried by officials, watched (or not) by observers.
    public struct Visit: Sendable, Hashable {
        public let id: String
        public let box: String
        public let departs: Date
        public let returns: Date
        public let officials: [String]
        public let observers: [String]
    }

    public let definition: ReferendumDefinition
    /// The register file, CSV.
    public let registerCSV: String
    public let actions: [Action]
    public let visits: [Visit]
    /// The result the decryption must give, by region and option.
    public let expected: [String: [String: Int]]
    /// Each voter's counted ballot: where, in which region, and the choice.
    let counted: [(station: String, region: String, choice: String)]

    /// The counts per region and option that devices record under `paper` (a lying station's devices
    /// record the first option).
    func expectedRecorded(by paper: DemoPaper) -> [String: [String: Int]] {
        var expected = self.expected.mapValues { $0.mapValues { _ in 0 } }
        for ballot in counted { expected[ballot.region]![paper.recorded(ballot.choice, at: ballot.station, definition)]! += 1 }
        return expected
    }

    /// Builds the scenario for `voters` voters of `definition`.
    public init(definition: ReferendumDefinition, voters: Int, seed: UInt64) {
        self.definition = definition
        var random = SeededGenerator(seed: seed)
        let regional = Dictionary(grouping: definition.stations.filter { $0.kind == .regional }, by: { $0.serves[0] })
        let boxes = Dictionary(uniqueKeysWithValues: definition.stations.filter { $0.kind == .mobile }.compactMap { box in
            box.parent.map { ($0, box.id) }
        })
        let weights = definition.regions.map { Double($0.preConflictElectorate ?? 1) }
        var register = ["voter_id,home_region,displaced,home_station"]
        var actions = [Action]()
        var visitsByBox = [String: [Visit]]()
        var ballotsByVisit = [String: Int]()
        var final = [String: (time: Date, channel: BallotChannel, choice: String, region: String, station: String)]()

        func record(_ action: Action, region: String, channel: BallotChannel) {
            actions.append(action)
            let current = final[action.voterId]
            let wins: Bool = switch (current, channel) {
            case (nil, _): true
            case (let c?, .station) where c.channel == .mobile: true
            case (let c?, .mobile) where c.channel == .station: false
            case (let c?, _): action.time > c.time
            }
            if wins { final[action.voterId] = (action.time, channel, action.choice, region, action.station) }
        }

        for index in 0..<voters {
            let voterId = "V\(String(index + 1).leftPadded(to: 7))"
            let regionIndex = random.pick(weights: weights)
            let region = definition.regions[regionIndex].id
            let window = definition.schedule.window(for: region)!
            let displaced = random.uniform() < 0.25
            let stations = regional[region] ?? []
            let home = displaced || stations.isEmpty ? nil : stations[random.below(stations.count)].id
            register.append("\(voterId),\(region),\(displaced ? "yes" : "no"),\(home ?? "")")
            let support = 0.62 + 0.25 * Double((regionIndex * 7 + 3) % 5) / 4
            let trueChoice = random.uniform() < support ? definition.options[0].id : definition.options[1].id
            let device = { (station: String) in "\(station)-B\(1 + random.below(2))" }
            if displaced {
                guard random.uniform() < 0.55 else { continue }
                let external = definition.stations.filter { $0.kind == .external && $0.serves.contains(region) }
                guard !external.isEmpty else { continue }
                let station = external[random.below(external.count)].id
                let kind: Action.Kind = random.uniform() < 0.02 ? .challengeThenCast : .cast
                record(Action(time: random.time(in: window), voterId: voterId, station: station, device: device(station),
                              choice: trueChoice, kind: kind, visit: nil), region: region, channel: .station)
                continue
            }
            guard let home, random.uniform() < 0.70 else { continue }
            if let box = boxes[home], random.uniform() < 0.12 {
                // Collected at the door, under pressure to vote for the second option...
                let time = random.time(in: window, latestFraction: 0.6)
                var visit = visitsByBox[box]?.first { $0.departs <= time && time <= $0.returns && ballotsByVisit[$0.id, default: 0] < 8 }
                if visit == nil {
                    let id = "\(box)-V\(String((visitsByBox[box]?.count ?? 0) + 1).leftPadded(to: 4))"
                    let observed = random.uniform() < 0.7
                    visit = Visit(id: id, box: box, departs: time.addingTimeInterval(-600), returns: time.addingTimeInterval(4 * 3600),
                                  officials: ["official \(1 + random.below(9))", "official \(10 + random.below(9))"],
                                  observers: observed ? ["observer \(1 + random.below(20))"] : [])
                    visitsByBox[box, default: []].append(visit!)
                }
                ballotsByVisit[visit!.id, default: 0] += 1
                record(Action(time: time, voterId: voterId, station: box, device: "\(box)-T1", choice: definition.options[1].id,
                              kind: .cast, visit: visit!.id), region: region, channel: .mobile)
                // ...and, for some, undone later at the station with the voter's own choice.
                if random.uniform() < 0.4 {
                    let later = min(time.addingTimeInterval(Double(3_600 * (6 + random.below(48)))), window.closes.addingTimeInterval(-60))
                    record(Action(time: later, voterId: voterId, station: home, device: device(home), choice: trueChoice,
                                  kind: .cast, visit: nil), region: region, channel: .station)
                }
                continue
            }
            let kind: Action.Kind = random.uniform() < 0.01 ? .challengeThenCast : .cast
            let time = random.time(in: window, latestFraction: 0.9)
            record(Action(time: time, voterId: voterId, station: home, device: device(home), choice: trueChoice, kind: kind, visit: nil),
                   region: region, channel: .station)
            if random.uniform() < 0.02 {
                // A change of mind: the later station ballot counts.
                let other = definition.options.first { $0.id != trueChoice }!.id
                let later = min(time.addingTimeInterval(3_600), window.closes.addingTimeInterval(-60))
                record(Action(time: later, voterId: voterId, station: home, device: device(home), choice: other, kind: .cast, visit: nil),
                       region: region, channel: .station)
            }
        }
        var expected = [String: [String: Int]]()
        for region in definition.regions {
            expected[region.id] = Dictionary(uniqueKeysWithValues: definition.options.map { ($0.id, 0) })
        }
        for outcome in final.values { expected[outcome.region]![outcome.choice]! += 1 }
        self.counted = final.values.map { (station: $0.station, region: $0.region, choice: $0.choice) }
        self.registerCSV = register.joined(separator: "\n") + "\n"
        self.actions = actions.sorted { ($0.time, $0.voterId) < ($1.time, $1.voterId) }
        self.visits = visitsByBox.values.flatMap { $0 }.sorted { $0.id < $1.id }
        self.expected = expected
    }
}

/// The draws the scenario needs.
extension SeededGenerator {
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick(weights: [Double]) -> Int {
        var target = uniform() * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }

    /// A time in the window's daily opening hours (08:00–20:00 at the window's offset), within the
    /// first `latestFraction` of its days.
    mutating func time(in window: ReferendumDefinition.VotingWindow, latestFraction: Double = 1) -> Date {
        let days = max(1, Int((window.closes.timeIntervalSince(window.opens) / 86_400).rounded(.up)))
        let day = below(max(1, Int(Double(days) * latestFraction)))
        let candidate = window.opens.addingTimeInterval(Double(day * 86_400) + uniform() * 12 * 3_600)
        return min(candidate, window.closes.addingTimeInterval(-120))
    }
}

