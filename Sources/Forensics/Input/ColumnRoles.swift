/// Guesses which header holds what, from words used by common layouts: the Russian CEC protocol (as
/// collected by Shpilkin and Kobak) and English names (registered, issued, valid, Yes/No, ...).
struct ColumnRoles {
    var region: String?
    var group: String?
    var station: String?
    var registered: [String] = []
    var issued: [String] = []
    var found: [String] = []
    var mobile: String?
    var valid: String?
    var invalid: String?
    var options: [String] = []
    var layout: String

    /// Protocol lines that are counts but neither turnout nor votes (received, cancelled, lost ballots…).
    static let bookkeeping = ["полученных", "погашенных", "утраченных", "не учтенных", "неучтенных", "открепительн",
                              "received", "cancelled", "canceled", "lost", "unused", "spoiled copies"]

    init(headers: [String], numeric: [Bool]) {
        let lower = headers.map { $0.lowercased() }
        func first(_ words: [String], numeric wantNumeric: Bool? = nil, excluding: [String] = []) -> String? {
            lower.indices.first { index in
                (wantNumeric == nil || numeric[index] == wantNumeric)
                    && words.contains { lower[index].contains($0) } && !excluding.contains { lower[index].contains($0) }
            }.map { headers[$0] }
        }
        let russian = lower.contains { $0.contains("число избирателей") || $0.contains("число участников") }
        layout = russian ? "Russian CEC protocol" : "generic, from English column names"
        region = first(["region", "регион", "subject", "oblast", "область", "state", "province"], numeric: false)
        group = first(["tik", "тик", "district", "commission", "county", "municipality"], numeric: false)
        station = first(["uik", "уик", "station", "precinct", "polling"], numeric: nil)
        if let registeredColumn = first(
            ["включенных в список", "внесенных в список", "registered", "electorate", "eligible", "voters on list"],
            numeric: true) {
            registered = [registeredColumn]
        }
        issued = lower.indices.filter { numeric[$0] && (lower[$0].contains("бюллетеней, выданных") || lower[$0].contains("issued"))
            && !lower[$0].contains("удостоверен") && !lower[$0].contains("certificate") }
            .map { headers[$0] }
        let mobileColumn = first(["переносных", "mobile", "portable"], numeric: true)
        let stationary = first(["стационарных", "stationary"], numeric: true)
        if let mobileColumn, let stationary {
            found = [mobileColumn, stationary]
        } else if let single = first(["found", "in the boxes", "ballots cast", "обнаруженных"], numeric: true) {
            found = [single]
        }
        mobile = mobileColumn
        invalid = first(["недействительных", "invalid", "rejected", "void"], numeric: true)
        valid = first(["действительных", "valid"], numeric: true, excluding: ["недействительных", "invalid"])
        let used = Set([region, group, station, mobile, valid, invalid].compactMap { $0 } + registered + issued + found)
        let yesNo = ["yes", "no", "да", "нет", "за", "против"]
        let named = lower.indices.filter { index in
            numeric[index] && !used.contains(headers[index])
                && !Self.bookkeeping.contains { lower[index].contains($0) }
                && !lower[index].hasPrefix("число") && !lower[index].contains("number of")
        }
        let exact = named.filter { yesNo.contains(lower[$0]) }
        options = (exact.isEmpty ? named : exact).map { headers[$0] }
    }

    /// The profile as YAML; unknown fields are left as comments to fill in.
    func profile(delimiter: Character) -> String {
        func scalar(_ value: String?) -> String { value.map(ColumnProfile.yamlQuoted) ?? "''  # not found: fill in" }
        func sum(_ names: [String]) -> String? {
            switch names.count {
            case 0: return nil
            case 1: return ColumnProfile.yamlQuoted(names[0])
            default: return "\n" + names.map { "    - \(ColumnProfile.yamlQuoted($0))" }.joined(separator: "\n")
            }
        }
        var lines = ["name: ''  # the election's name", "source:", "  delimiter: \(ColumnProfile.yamlQuoted(delimiter == "\t" ? "\t" : String(delimiter)))", "columns:"]
        lines.append("  region: \(scalar(region))")
        if let group { lines.append("  group: \(ColumnProfile.yamlQuoted(group))") }
        lines.append("  station: \(scalar(station))")
        let registeredValue = sum(registered) ?? scalar(nil)
        lines.append("  registered:" + (registeredValue.hasPrefix("\n") ? registeredValue : " " + registeredValue))
        for (key, value) in [("issued", sum(issued)), ("found", sum(found)), ("mobile", mobile.map(ColumnProfile.yamlQuoted)),
                             ("valid", valid.map(ColumnProfile.yamlQuoted)), ("invalid", invalid.map(ColumnProfile.yamlQuoted))] {
            if let value {
                lines.append("  \(key):" + (value.hasPrefix("\n") ? value : " " + value))
            } else {
                lines.append("  # \(key): not found")
            }
        }
        lines.append("options:")
        if options.isEmpty { lines.append("  # - {name: Yes, column: '...'}  no option columns recognised") }
        for option in options {
            lines.append("  - name: \(ColumnProfile.yamlQuoted(option))")
            lines.append("    column: \(ColumnProfile.yamlQuoted(option))")
        }
        lines.append("# leader: the option the tests examine (default: the one with most votes)")
        lines.append("rules:")
        lines.append("  ballotsMayExceedRegistered: false")
        lines.append("  optionsCoverValid: true")
        return lines.joined(separator: "\n")
    }
}
