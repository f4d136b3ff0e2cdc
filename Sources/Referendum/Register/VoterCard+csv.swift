extension VoterCard {
    /// Voter cards as CSV for printing: `voter_id,home_region,credential`. Secret: whoever holds it can vote.
    /// A voter id comes from the register as it was given, so its cell is made safe for spreadsheets.
    public static func csv(_ cards: [VoterCard]) -> String {
        (["voter_id,home_region,credential"] + cards.map { [$0.voterId, $0.homeRegion, $0.credential].map(csvCell).joined(separator: ",") })
            .joined(separator: "\n") + "\n"
    }
}

/// One CSV cell that a spreadsheet shows as the text it is: a cell beginning with `=`, `+`, `-`, `@`,
/// a tab or a carriage return would be read as a formula, so it gets a leading apostrophe (OWASP's
/// advice on CSV injection); a cell holding a comma, a quote or a line break is quoted, quotes doubled.
public func csvCell(_ text: String) -> String {
    var cell = text
    if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { cell = "'" + cell }
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
