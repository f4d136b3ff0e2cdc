/// Results of checks as they accumulate: how many items each check saw, how many failed, and the first
/// failure in record order. Parallel workers keep their own ledgers and merge them; a failure's
/// `ordinal` (the ballot's place in the record, 0 for record-level files) makes "first" independent of
/// which worker finished first.
struct CheckLedger: Sendable {
    struct Entry: Sendable {
        var checked = 0
        var failed = 0
        var first: (ordinal: Int, failure: CheckFailure)?
        var skipped: String?
        var notes: [String] = []
    }

    private(set) var entries = [CheckID: Entry]()

    init(entries: [CheckID: Entry] = [:]) {
        self.entries = entries
    }

    /// `count` items of `id` were checked and passed.
    mutating func pass(_ id: CheckID, count: Int = 1) {
        entries[id, default: Entry()].checked += count
    }

    /// One item of `id` failed.
    mutating func fail(_ id: CheckID, _ failure: CheckFailure, ordinal: Int = 0) {
        var entry = entries[id, default: Entry()]
        entry.checked += 1
        entry.failed += 1
        if entry.first == nil || ordinal < entry.first!.ordinal { entry.first = (ordinal, failure) }
        entries[id] = entry
    }

    /// One item of `id`: passed when `condition` holds, else failed with `failure`.
    mutating func check(_ id: CheckID, _ condition: Bool, ordinal: Int = 0, _ failure: @autoclosure () -> CheckFailure) {
        if condition { pass(id) } else { fail(id, failure(), ordinal: ordinal) }
    }

    /// `id` has nothing to check in this record, because of `reason`.
    mutating func skip(_ id: CheckID, _ reason: String) {
        entries[id, default: Entry()].skipped = reason
    }

    /// A line of detail for `id` (how it was checked).
    mutating func note(_ id: CheckID, _ text: String) {
        if !(entries[id]?.notes.contains(text) ?? false) { entries[id, default: Entry()].notes.append(text) }
    }

    /// Each check in `ids` fails once: it cannot be made because of `missing`, a missing or bad input.
    mutating func cannotCheck(_ ids: [CheckID], because missing: CheckFailure) {
        for id in ids { fail(id, CheckFailureError(missing).blocking(id)) }
    }

    /// Adds another ledger's counts and keeps the earlier first failure.
    mutating func merge(_ other: CheckLedger) {
        for (id, theirs) in other.entries {
            var entry = entries[id, default: Entry()]
            entry.checked += theirs.checked
            entry.failed += theirs.failed
            if let first = theirs.first, entry.first == nil || first.ordinal < entry.first!.ordinal { entry.first = first }
            if entry.skipped == nil { entry.skipped = theirs.skipped }
            for note in theirs.notes where !entry.notes.contains(note) { entry.notes.append(note) }
            entries[id] = entry
        }
    }

    /// Places every first failure at `ordinal` (a ballot's result reused at another place in the record).
    mutating func restamp(_ ordinal: Int) {
        for id in entries.keys where entries[id]!.first != nil { entries[id]!.first!.ordinal = ordinal }
    }

    /// One result per check, in report order. A check that saw no item is skipped, with its reason if given.
    func results() -> [CheckResult] {
        CheckID.allCases.map { id in
            let entry = entries[id] ?? Entry()
            let status: CheckResult.Status
            if entry.failed > 0 {
                status = .failed
            } else if entry.checked == 0 {
                status = .skipped
            } else {
                status = .passed
            }
            var detail = entry.notes
            if status == .skipped { detail.insert(entry.skipped ?? "nothing in the record to check", at: 0) }
            return CheckResult(id: id, title: id.title, origin: id.origin, status: status, checked: entry.checked,
                               failed: entry.failed, firstFailure: entry.first?.failure,
                               detail: detail.isEmpty ? nil : detail.joined(separator: "; "))
        }
    }
}
