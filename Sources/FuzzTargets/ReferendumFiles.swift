import ElectionRecord
import Foundation

/// The files of `referendum/`: the first byte of the input picks the file, the rest is its content,
/// decoded as the verifier and `plebiscite track` decode it.
enum ReferendumFiles {
    static let files: [ReferendumRecord.File] = [.referendum, .register, .ballots, .mobileVisits, .totals, .stations, .lifecycle]

    static func run(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let content = Array(bytes.dropFirst())
        let file = files[Int(selector) % files.count]
        let data = Data(content)
        let text = String(decoding: content, as: UTF8.self)
        switch file {
        case .referendum: _ = try? ReferendumRecord.decode(RecordedReferendum.self, file, from: data)
        case .mobileVisits: _ = try? ReferendumRecord.decode([RecordedMobileVisit].self, file, from: data)
        case .totals: _ = try? ReferendumRecord.decode([RecordedTotal].self, file, from: data)
        case .lifecycle: _ = try? ReferendumRecord.decode(RecordedLifecycle.self, file, from: data)
        case .register:
            guard let rows = try? ReferendumRecord.rows(file, text: text, header: RegisterRow.header) else { return }
            for row in rows { _ = try? RegisterRow(fields: row.fields, line: row.line) }
        case .ballots:
            guard let rows = try? ReferendumRecord.rows(file, text: text, header: BallotRow.header) else { return }
            for row in rows { _ = try? BallotRow(fields: row.fields, line: row.line) }
        case .stations:
            _ = try? ReferendumRecord.rows(file, text: text, header: ["region", "station", "kind", "registered", "ballots", "mobile_ballots", "yes", "no"])
        default: return
        }
    }
}
