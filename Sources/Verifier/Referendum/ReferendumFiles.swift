import ElectionRecord
import Foundation

/// The referendum's own files in `referendum/` (docs/referendum-record.md), read before the ballot pass
/// so that the pass can add each counted ballot to its station's count. A file that cannot be read is
/// kept as its error; the rules that need it fail with it.
struct ReferendumFiles: Sendable {
    /// False when the record has no `referendum/` directory: then the R checks do not apply.
    var present = false
    var definition: Result<RecordedReferendum, ReferendumRecordError>?
    var register: Result<[(line: Int, row: RegisterRow)], ReferendumRecordError>?
    var ballots: Result<[(line: Int, row: BallotRow)], ReferendumRecordError>?
    var visits: Result<[RecordedMobileVisit], ReferendumRecordError>?
    var totals: Result<[RecordedTotal], ReferendumRecordError>?
    var results: Result<PublishedResults, ReferendumRecordError>?
    var stations: Result<[(line: Int, fields: [String])], ReferendumRecordError>?
    /// nil when the record has no protocols.json (no paper).
    var paper: Result<RecordedPaper, ReferendumRecordError>?
    /// nil when the record has no audit.json (no risk-limiting audit).
    var audit: Result<RecordedAudit, ReferendumRecordError>?
    /// For each counted ballot, the key of the station count it belongs to ("station/<station>/<region>",
    /// a mobile box counting with its parent station; "remainder/<region>" when its station's count is merged).
    var groupOfBallot = [String: String]()
    /// Which station counts are merged into their region's remainder, as the record's rule says.
    var merge = CellMergeRule(countedPerCell: [:], minimum: 1)

    static func read(_ record: ElectionRecordDirectory) -> ReferendumFiles {
        var files = ReferendumFiles()
        let root = URL(fileURLWithPath: record.root)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(ReferendumRecord.directory).path, isDirectory: &isDirectory),
              isDirectory.boolValue else { return files }
        files.present = true
        files.definition = attempt { try ReferendumRecord.read(RecordedReferendum.self, .referendum, in: root) }
        files.register = attempt {
            try ReferendumRecord.readCSV(.register, in: root, header: RegisterRow.header).map { ($0.line, try RegisterRow(fields: $0.fields, line: $0.line)) }
        }
        files.ballots = attempt {
            try ReferendumRecord.readCSV(.ballots, in: root, header: BallotRow.header).map { ($0.line, try BallotRow(fields: $0.fields, line: $0.line)) }
        }
        files.visits = attempt { try ReferendumRecord.read([RecordedMobileVisit].self, .mobileVisits, in: root) }
        files.totals = attempt { try ReferendumRecord.read([RecordedTotal].self, .totals, in: root) }
        files.results = attempt { try ReferendumRecord.read(PublishedResults.self, .results, in: root) }
        files.stations = attempt { try ReferendumRecord.readCSV(.stations, in: root, header: stationHeader(files.definition)) }
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(path(.protocols)).path) {
            files.paper = attempt { try ReferendumRecord.read(RecordedPaper.self, .protocols, in: root) }
        }
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(path(.audit)).path) {
            files.audit = attempt { try ReferendumRecord.read(RecordedAudit.self, .audit, in: root) }
        }
        if case .success(let definition) = files.definition, case .success(let rows) = files.ballots {
            let parents = Dictionary(definition.stations.map { ($0.id, $0.parent) }, uniquingKeysWith: { first, _ in first })
            let counted = rows.lazy.map(\.row).filter { $0.status == .counted }.map { row in
                (ballot: row.ballotId, station: (parents[row.station] ?? nil) ?? row.station, region: row.region)
            }
            var cells = [String: [String: Int]]()
            for ballot in counted { cells[ballot.region, default: [:]][ballot.station, default: 0] += 1 }
            files.merge = CellMergeRule(countedPerCell: cells, minimum: definition.minimumCellBallots ?? 1)
            for ballot in counted {
                files.groupOfBallot[ballot.ballot] = files.merge.scope(station: ballot.station, region: ballot.region)
            }
        }
        return files
    }

    /// The path of `file` inside the record.
    static func path(_ file: ReferendumRecord.File) -> String { "\(ReferendumRecord.directory)/\(file.rawValue)" }

    /// The scope key of a station's count of a region, as totals.json writes it.
    static func stationScope(_ station: String, region: String) -> String { "station/\(station)/\(region)" }

    /// stations.csv's header: fixed columns, then one per option.
    static func stationHeader(_ definition: Result<RecordedReferendum, ReferendumRecordError>?) -> [String] {
        let options = (try? definition?.get())?.options.map(\.id) ?? ["yes", "no"]
        return ["region", "station", "kind", "registered", "ballots", "mobile_ballots"] + options
    }

    private static func attempt<T>(_ body: () throws -> T) -> Result<T, ReferendumRecordError> {
        do {
            return .success(try body())
        } catch let error as ReferendumRecordError {
            return .failure(error)
        } catch {
            return .failure(ReferendumRecordError(file: ReferendumRecord.directory, field: "(file)", reason: "\(error)"))
        }
    }
}

extension ReferendumRecordError {
    /// The error as a failure of rule `id`.
    func failure(_ id: CheckID) -> CheckFailure {
        CheckFailure(file: file, field: line.map { "line \($0): \(field)" } ?? field, message: "\(id.rawValue) \(reason)")
    }
}

/// `referendum/results.json` as published (the Referendum module's `ReferendumResults`), decoded here
/// independently of the code that wrote it.
struct PublishedResults: Decodable, Sendable {
    struct Region: Decodable, Sendable {
        let id: String
        let registered: Int
        let displacedRegistered: Int
        let preConflictElectorate: Int?
        let coverage: Double?
        let ballots: Int
        let turnout: Double?
        let votes: [String: Int]
        let mobileBallots: Int
        let mobileShare: Double?
    }

    struct Station: Decodable, Sendable {
        let id: String
        let kind: String
        let region: String
        let registered: Int?
        let ballots: Int
        let votes: [String: Int]
        let mobileBallots: Int
        let mobileShare: Double?
    }

    struct Remainder: Decodable, Sendable {
        let region: String
        let stations: [String]
        let registered: Int?
        let ballots: Int
        let votes: [String: Int]
        let mobileBallots: Int
    }

    let options: [String]
    let regions: [Region]
    let stations: [Station]
    /// Absent in records written before small station counts were merged.
    let remainders: [Remainder]?
    let total: [String: Int]
    let totalBallots: Int
}
