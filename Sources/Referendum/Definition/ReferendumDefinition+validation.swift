import Foundation

extension ReferendumDefinition {
    /// A rule the definition breaks: where (a field path) and why.
    public struct Problem: Sendable, Hashable {
        public let path: [String]
        public let reason: String
    }

    /// Every rule the definition breaks, in file order; empty when it is sound.
    public func problems() -> [Problem] {
        var problems = [Problem]()
        func problem(_ path: [String], _ reason: String) { problems.append(Problem(path: path, reason: reason)) }
        let identifier = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

        if (try? identifier.wholeMatch(in: id)) == nil { problem(["id"], "use letters, digits, '.', '_' or '-'") }
        if question.isEmpty { problem(["question"], "the question needs a text in at least one language") }

        if options.count < 2 { problem(["options"], "a referendum needs at least two options") }
        for (index, id) in duplicates(options.map(\.id)) { problem(["options", "\(index)", "id"], "option \(id) appears twice") }
        for (index, option) in options.enumerated() where (try? identifier.wholeMatch(in: option.id)) == nil {
            problem(["options", "\(index)", "id"], "use letters, digits, '.', '_' or '-'")
        }

        if regions.isEmpty { problem(["regions"], "at least one region votes") }
        for (index, id) in duplicates(regions.map(\.id)) { problem(["regions", "\(index)", "id"], "region \(id) appears twice") }
        for (index, region) in regions.enumerated() {
            if (try? identifier.wholeMatch(in: region.id)) == nil {
                problem(["regions", "\(index)", "id"], "use letters, digits, '.', '_' or '-'")
            }
            if TimeZone(identifier: region.timeZone) == nil {
                problem(["regions", "\(index)", "time_zone"], "\(region.timeZone) is not a time zone identifier (like Europe/Kyiv)")
            }
            if let size = region.registerSize, size < 0 { problem(["regions", "\(index)", "register_size"], "cannot be negative") }
            if let size = region.preConflictElectorate, size <= 0 {
                problem(["regions", "\(index)", "pre_conflict_electorate"], "must be positive")
            }
            if schedule.window(for: region.id) == nil {
                problem(["schedule", "voting"], "region \(region.id) has no voting window")
            }
        }

        let regionIds = Set(regions.map(\.id))
        let stationsById = Dictionary(stations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        if stations.isEmpty { problem(["stations"], "at least one station") }
        for (index, id) in duplicates(stations.map(\.id)) { problem(["stations", "\(index)", "id"], "station \(id) appears twice") }
        for (index, station) in stations.enumerated() {
            let path = ["stations", "\(index)"]
            if (try? identifier.wholeMatch(in: station.id)) == nil { problem(path + ["id"], "use letters, digits, '.', '_' or '-'") }
            if station.serves.isEmpty { problem(path + ["serves"], "name the region or regions whose voters vote here") }
            for region in station.serves where !regionIds.contains(region) {
                problem(path + ["serves"], "unknown region \(region)")
            }
            switch station.kind {
            case .regional:
                if station.serves.count != 1 { problem(path + ["serves"], "a regional station serves exactly its own region") }
                if station.parent != nil { problem(path + ["parent"], "only a mobile box has a parent station") }
            case .external:
                if station.parent != nil { problem(path + ["parent"], "only a mobile box has a parent station") }
            case .mobile:
                guard let parent = station.parent else {
                    problem(path + ["parent"], "a mobile box belongs to a regional station: name it")
                    break
                }
                guard let parentStation = stationsById[parent], parentStation.kind == .regional else {
                    problem(path + ["parent"], "\(parent) is not a regional station")
                    break
                }
                if station.serves != parentStation.serves {
                    problem(path + ["serves"], "a mobile box serves the region of its station \(parent)")
                }
            }
        }

        for (index, window) in schedule.voting.enumerated() {
            let path = ["schedule", "voting", "\(index)"]
            if !regionIds.contains(window.region) { problem(path + ["region"], "unknown region \(window.region)") }
            if window.closes <= window.opens { problem(path + ["closes"], "closes before it opens") }
            if window.opens <= schedule.announced { problem(path + ["opens"], "opens before the referendum is announced") }
        }
        for (index, region) in duplicates(schedule.voting.map(\.region)) {
            problem(["schedule", "voting", "\(index)", "region"], "region \(region) has two voting windows")
        }
        if let count = schedule.count, let lastClose = schedule.voting.map(\.closes).max(), count < lastClose {
            problem(["schedule", "count"], "counting starts before the last polls close")
        }
        if let certification = schedule.certification, let count = schedule.count, certification < count {
            problem(["schedule", "certification"], "certification is due before counting starts")
        }

        if guardians.count < 1 { problem(["guardians", "count"], "at least one guardian") }
        if !(1...max(guardians.count, 1)).contains(guardians.quorum) {
            problem(["guardians", "quorum"], "the quorum must be between 1 and the \(guardians.count) guardians")
        }
        if let names = guardians.names {
            if names.count != guardians.count { problem(["guardians", "names"], "\(names.count) names for \(guardians.count) guardians") }
            for (index, name) in duplicates(names) { problem(["guardians", "names", "\(index)"], "guardian \(name) appears twice") }
        }
        if let threshold = minimumCellBallots, !(1...1_000).contains(threshold) {
            problem(["minimum_cell_ballots"], "must be between 1 (publish every station) and 1000")
        }
        return problems
    }

    /// The index and value of every element that repeats an earlier one.
    private func duplicates(_ values: [String]) -> [(Int, String)] {
        var seen = Set<String>()
        return values.enumerated().compactMap { index, value in seen.insert(value).inserted ? nil : (index, value) }
    }
}
