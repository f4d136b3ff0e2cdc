import ElectionGuard
import ElectionRecord
import Foundation

/// The referendum's rules R.1–R.5 (docs/referendum-record.md, "The referendum's rules a verifier
/// checks"), on the files of `referendum/` and on what the ballot pass found in the ElectionGuard files.
enum ReferendumVerification {
    static func run(_ context: VerificationContext, _ files: ReferendumFiles, _ pass: BallotPassResult, tally: DecryptedTallyOrBallot?,
                    options: VerificationOptions, _ ledger: inout CheckLedger) {
        let rules: [CheckID] = [.r1, .r2, .r3, .r4, .r5, .r6, .r7]
        guard files.present else {
            for id in rules { ledger.skip(id, "the record has no referendum/ directory") }
            return
        }
        guard let definition = need(files.definition, rules, &ledger) else { return }
        let facts = ReferendumFacts(definition: definition, register: try? files.register?.get(), rows: try? files.ballots?.get(),
                                    merge: files.merge)
        if let rows = need(files.ballots, [.r1, .r2, .r3, .r5], &ledger) {
            if let register = need(files.register, [.r1, .r3, .r5], &ledger) {
                RevoteRuleVerification.verifyCounting(facts, rows: rows, register: register, &ledger)
                StationRuleVerification.run(facts, rows: rows, visits: need(files.visits, [.r3], &ledger), &ledger)
            }
            RevoteRuleVerification.verifyStates(facts, rows: rows, pass: pass, &ledger)
        }
        let totals = need(files.totals, [.r4, .r5], &ledger)
        switch context.election() {
        case .success(let election):
            if let totals {
                TotalsVerification.run(facts, totals: totals, pass: pass, election: election, tally: tally, options: options, &ledger)
            }
        case .failure(let missing):
            ledger.cannotCheck([.r4], because: missing.failure)
        }
        if let totals, let results = need(files.results, [.r5], &ledger), let stations = need(files.stations, [.r5], &ledger) {
            ResultsVerification.run(facts, totals: totals, results: results, stationRows: stations, &ledger)
        }
        PaperVerification.run(facts, paper: files.paper, totals: totals, rows: try? files.ballots?.get(), &ledger)
        AuditVerification.run(audit: files.audit, paper: try? files.paper?.get(), &ledger)
    }

    /// The file's content, or nil after failing `rules` with its error.
    static func need<T>(_ file: Result<T, ReferendumRecordError>?, _ rules: [CheckID], _ ledger: inout CheckLedger) -> T? {
        switch file {
        case .success(let value): return value
        case .failure(let error):
            for id in rules { ledger.fail(id, error.failure(id)) }
            return nil
        case nil:
            return nil
        }
    }
}

/// Lookups over the referendum's definition, register and ballot list shared by the rules.
struct ReferendumFacts {
    let definition: RecordedReferendum
    let regions: [String: RecordedReferendum.Region]
    let stations: [String: RecordedReferendum.Station]
    let voters: [String: RegisterRow]
    /// Counted rows: what the totals must hold.
    let counted: [BallotRow]
    /// Which station counts the record's rule merges into their region's remainder.
    let merge: CellMergeRule

    static let ballotsFile = "\(ReferendumRecord.directory)/\(ReferendumRecord.File.ballots.rawValue)"
    static let registerFile = "\(ReferendumRecord.directory)/\(ReferendumRecord.File.register.rawValue)"

    init(definition: RecordedReferendum, register: [(line: Int, row: RegisterRow)]?, rows: [(line: Int, row: BallotRow)]?,
         merge: CellMergeRule) {
        self.definition = definition
        self.merge = merge
        regions = Dictionary(definition.regions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        stations = Dictionary(definition.stations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        voters = Dictionary((register ?? []).map { ($0.row.pseudonym, $0.row) }, uniquingKeysWith: { first, _ in first })
        counted = (rows ?? []).map(\.row).filter { $0.status == .counted }
    }

    /// The selection id of `option` in `region`'s contest ("<region>-<option>").
    func selectionId(region: String, option: String) -> String {
        definition.selectionIdFormat.replacingOccurrences(of: "<region>", with: region).replacingOccurrences(of: "<option>", with: option)
    }

    /// The station whose count a ballot of `station` belongs to: a mobile box's parent, else itself.
    func tallyStation(_ station: String) -> String { stations[station]?.parent ?? station }

    /// A failure at a line of ballots.csv.
    static func row(_ id: CheckID, _ line: Int, _ field: String, _ message: String) -> CheckFailure {
        CheckFailure(file: ballotsFile, field: "line \(line): \(field)", message: "\(id.rawValue) \(message)")
    }
}
