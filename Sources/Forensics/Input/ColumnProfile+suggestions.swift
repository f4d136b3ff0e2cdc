extension ColumnProfile {
    /// The header names closest to `name` (case and white space ignored), best first: what the user
    /// probably meant when `name` is not in the header.
    public static func closestHeaders(to name: String, in header: [String], limit: Int = 3) -> [String] {
        let wanted = Array(simplified(name))
        let cutoff = max(3, wanted.count / 2)
        let ranked = header.enumerated().compactMap { position, candidate -> (Int, Int, String)? in
            let other = simplified(candidate)
            let distance = editDistance(wanted, Array(other))
            let contained = !other.isEmpty && (other.contains(String(wanted)) || String(wanted).contains(other))
            return distance <= cutoff || contained ? (distance, position, candidate) : nil
        }
        return ranked.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.2)
    }

    /// Lower case, quotes of any kind dropped, runs of white space collapsed.
    static func simplified(_ text: String) -> String {
        let quotes: Set<Character> = ["\"", "'", "«", "»", "“", "”", "„", "‘", "’"]
        return text.lowercased().filter { !quotes.contains($0) }
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `text` as a YAML scalar that can be pasted into a profile: single-quoted, quotes inside doubled.
    public static func yamlQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
