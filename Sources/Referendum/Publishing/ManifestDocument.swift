import Foundation

/// The ElectionGuard manifest (egk's manifest.json) of a referendum: one contest per region, one
/// selection per option, one ballot style per region. Its bytes are hashed into H_M as written.
struct ManifestDocument {
    let definition: ReferendumDefinition

    /// The manifest as egk-style JSON text (4-space indentation, no trailing newline).
    var bytes: [UInt8] { Array(text.utf8) }

    var text: String {
        let d = definition
        let units = d.regions.map { region in
            object([("object_id", string(region.id)), ("name", string(region.name.text())), ("type", string("state")),
                    ("contact_information", "null")])
        }
        let candidates = d.regions.flatMap { region in
            d.options.map { option in
                object([("object_id", string(d.selectionId(region: region.id, option: option.id))),
                        ("name", string(option.text.text())), ("party_id", "null"), ("image_url", "null"), ("is_write_in", "false")])
            }
        }
        let contests = d.contests.map { contest in
            object([
                ("object_id", string(contest.id)), ("sequence_order", "\(contest.sequenceOrder)"),
                ("electoral_district_id", string(contest.id)), ("vote_variation", string("one_of_m")),
                ("number_elected", "1"), ("votes_allowed", "\(contest.votesAllowed)"),
                ("name", string(d.question.text())),
                ("ballot_selections", array(contest.selections.map { selection in
                    object([("object_id", string(selection.id)), ("sequence_order", "\(selection.sequenceOrder)"),
                            ("candidate_id", string(selection.id))])
                })),
                ("ballot_title", string(d.title.text())), ("ballot_subtitle", "null"),
            ])
        }
        let styles = d.regions.map { region in
            object([("object_id", string(d.ballotStyle(for: region.id))), ("geopolitical_unit_ids", array([string(region.id)])),
                    ("party_ids", array([])), ("image_url", "null")])
        }
        let window = (d.schedule.voting.map(\.opens).min(), d.schedule.voting.map(\.closes).max())
        let iso = ISO8601DateFormatter()
        return indent(object([
            ("election_scope_id", string(d.id)), ("spec_version", string("v2.0.0")), ("type", string("special")),
            ("start_date", string(window.0.map(iso.string(from:)) ?? "")), ("end_date", string(window.1.map(iso.string(from:)) ?? "")),
            ("geopolitical_units", array(units)), ("parties", array([])), ("candidates", array(candidates)),
            ("contests", array(contests)), ("ballot_styles", array(styles)),
            ("name", array(d.title.keys.sorted().map { object([("value", string(d.title[$0]!)), ("language", string($0))]) })),
            ("contact_information", "null"),
        ]))
    }

    private func string(_ value: String) -> String {
        String(decoding: try! JSONEncoder().encode(value), as: UTF8.self)
    }

    private func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(string($0.0)): \($0.1)" }.joined(separator: ",") + "}"
    }

    private func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    /// Re-indents compact JSON with 4 spaces per level.
    private func indent(_ compact: String) -> String {
        var out = "", level = 0, inString = false, escaped = false
        let characters = Array(compact)
        var index = 0
        func newline() { out += "\n" + String(repeating: "    ", count: level) }
        while index < characters.count {
            let c = characters[index]
            if inString {
                out.append(c)
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else {
                switch c {
                case "\"": inString = true; out.append(c)
                case "{", "[":
                    let closing: Character = c == "{" ? "}" : "]"
                    if index + 1 < characters.count, characters[index + 1] == closing {
                        out += String([c, closing]); index += 1
                    } else {
                        out.append(c); level += 1; newline()
                    }
                case "}", "]": level -= 1; newline(); out.append(c)
                case ",": out.append(c); newline()
                case ":": out += ": "
                default: out.append(c)
                }
            }
            index += 1
        }
        return out
    }
}
