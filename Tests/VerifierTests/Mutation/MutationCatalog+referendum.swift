import ElectionRecord
import Foundation
@testable import Verifier

extension MutationCatalog {
    static let ballotsCSV = "referendum/ballots.csv"
    static let registerCSV = "referendum/register.csv"
    static let stationsCSV = "referendum/stations.csv"

    /// Single cells of ballots.csv, register.csv and stations.csv; rows dropped and duplicated; a visit
    /// that loses a ballot; a total dropped.
    mutating func referendumMutations(count: Int) throws -> [Mutation] {
        var mutations = [Mutation]()
        let rows = try record.text(Self.ballotsCSV).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let register = try record.text(Self.registerCSV).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let voted = Set(rows.map { $0[6] })
        let stationRows = try record.text(Self.stationsCSV).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let regions = Array(Set(register.map { $0[1] })).sorted()
        let definition = try JSONSerialization.jsonObject(with: try record.data("referendum/referendum.json")) as! [String: Any]
        let stations = (definition["stations"] as! [[String: Any]]).map { ($0["id"] as! String, $0["kind"] as! String, $0["serves"] as! [String]) }

        func cell(_ file: String, line: Int, column: Int, to value: String, _ expected: Set<CheckID>, _ what: String) {
            mutations.append(Mutation(name: "\(file) line \(line + 2) \(what): -> \(value)", expected: expected) { record in
                try record.editLines(file) { lines in
                    var fields = lines[line + 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    fields[column] = value
                    lines[line + 1] = fields.joined(separator: ",")
                }
            })
        }
        for _ in 0..<count {
            let line = Int(random.next() % UInt64(rows.count))
            let row = rows[line]
            switch random.next() % 10 {
            case 0:
                let statuses = ["counted", "superseded", "challenged", "abandoned"].filter { $0 != row[9] }
                cell(Self.ballotsCSV, line: line, column: 9, to: pick(statuses), [.r1, .r2], "status")
            case 1: cell(Self.ballotsCSV, line: line, column: 1, to: flipDigit(row[1], at: 5), [.r2], "confirmation_code")
            case 2: cell(Self.ballotsCSV, line: line, column: 2, to: row[2] + "X", [.r2], "device")
            case 3:
                let other = stations.filter { !$0.2.contains(row[5]) }.map(\.0)
                cell(Self.ballotsCSV, line: line, column: 3, to: pick(other), [.r3], "station")
            case 4: cell(Self.ballotsCSV, line: line, column: 4, to: row[4] == "station" ? "mobile" : "station", [.r1, .r3], "channel")
            case 5: cell(Self.ballotsCSV, line: line, column: 5, to: pick(regions.filter { $0 != row[5] }), [.r1, .r2, .r3], "region")
            case 6: cell(Self.ballotsCSV, line: line, column: 6, to: flipDigit(row[6], at: 9), [.r1], "pseudonym")
            case 7:
                let seconds = Int(row[7].dropLast().suffix(2))!
                cell(Self.ballotsCSV, line: line, column: 7, to: row[7].dropLast(3) + String(format: "%02d", (seconds + 5) % 60) + "Z", [.r2], "encrypted_at")
            case 8: cell(Self.ballotsCSV, line: line, column: 8, to: row[8].isEmpty ? "2026-12-24T00:00:00Z" : "2027" + row[8].dropFirst(4), [.r3], "decided_at")
            default:
                let voters = register.enumerated().filter { voted.contains($0.element[0]) }
                let (index, voter) = pick(voters)
                switch random.next() % 4 {
                case 0: cell(Self.registerCSV, line: index, column: 0, to: flipDigit(voter[0], at: 3), [.r1], "pseudonym")
                case 1: cell(Self.registerCSV, line: index, column: 1, to: pick(regions.filter { $0 != voter[1] }), [.r1, .r5], "region")
                case 2: cell(Self.registerCSV, line: index, column: 2, to: voter[2] == "yes" ? "no" : "yes", [.r3, .r5], "displaced")
                default:
                    let homes = Set(stationRows.map { $0[1] }).filter { home in stations.contains { $0.0 == home && $0.1 == "regional" } && home != voter[3] }.sorted()
                    cell(Self.registerCSV, line: index, column: 3, to: voter[3].isEmpty ? pick(homes) : "", [.r3, .r5], "home_station")
                }
            }
        }
        // stations.csv numbers.
        for _ in 0..<max(1, count / 5) {
            let line = Int(random.next() % UInt64(stationRows.count))
            let column = 4 + Int(random.next() % UInt64(stationRows[line].count - 4))
            cell(Self.stationsCSV, line: line, column: column, to: String((Int(stationRows[line][column]) ?? 0) + 1), [.r5], "column \(column)")
        }
        mutations.append(Mutation(name: "ballots.csv: a row dropped", expected: [.r2]) { record in
            try record.editLines(Self.ballotsCSV) { $0.remove(at: 3) }
        })
        mutations.append(Mutation(name: "ballots.csv: a row twice", expected: [.r2]) { record in
            try record.editLines(Self.ballotsCSV) { $0.append($0[2]) }
        })
        if let index = register.firstIndex(where: { voted.contains($0[0]) }) {
            mutations.append(Mutation(name: "register.csv: a voter who voted dropped", expected: [.r1]) { record in
                try record.editLines(Self.registerCSV) { $0.remove(at: index + 1) }
            })
        }
        mutations.append(Mutation(name: "register.csv: a row twice", expected: [.r1]) { record in
            try record.editLines(Self.registerCSV) { $0.append($0[1]) }
        })
        mutations.append(Mutation(name: "totals.json: a total dropped", expected: [.r4]) { record in
            try record.editJSON("referendum/totals.json") { object in
                var totals = object as! [Any]
                totals.remove(at: 1)
                object = totals
            }
        })
        // Small station counts: the threshold lowered after the count, a merged station left out of its remainder.
        mutations.append(Mutation(name: "referendum.json: minimum_cell_ballots 1 (nothing should have been merged)", expected: [.r4]) { record in
            try record.editJSON("referendum/referendum.json") { setJSON(&$0, at: [.key("minimum_cell_ballots")], to: 1) }
        })
        let results = try JSONSerialization.jsonObject(with: try record.data("referendum/results.json")) as! [String: Any]
        if let remainders = results["remainders"] as? [[String: Any]], let index = remainders.firstIndex(where: { ($0["stations"] as! [Any]).count > 1 }) {
            mutations.append(Mutation(name: "results.json: a merged station dropped from its remainder", expected: [.r5]) { record in
                try record.editJSON("referendum/results.json") { object in
                    var stations = (remainders[index]["stations"] as! [Any])
                    stations.removeLast()
                    setJSON(&object, at: [.key("remainders"), .index(index), .key("stations")], to: stations)
                }
            })
        }
        let visits = try JSONSerialization.jsonObject(with: try record.data("referendum/mobile-visits.json")) as! [[String: Any]]
        if let index = visits.firstIndex(where: { !($0["ballot_ids"] as! [Any]).isEmpty }) {
            mutations.append(Mutation(name: "mobile-visits.json: a visit loses its ballot", expected: [.r3]) { record in
                try record.editJSON("referendum/mobile-visits.json") { setJSON(&$0, at: [.index(index), .key("ballot_ids")], to: [Any]()) }
            })
        }
        return mutations
    }
}
