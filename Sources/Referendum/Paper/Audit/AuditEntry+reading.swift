import ElectionRecord
import Foundation

extension AuditEntry {
    /// The largest audit entry read.
    public static let maximumBytes = 4 << 20

    /// Reads what the audit board entered, as YAML or JSON: for batch comparison a list of batch
    /// counts (`- {batch: station/A-1/alpha, ballots: 812, votes: {yes: 700, no: 100}}`), for ballot
    /// polling a mapping from each drawn ballot's ticket to the option read, or `invalid`.
    /// - Throws: `ReferendumError.definition` naming the file, line and field.
    public static func read(_ text: String, file: String, method: RecordedAudit.Method) throws -> AuditEntry {
        guard text.utf8.count <= maximumBytes else {
            throw ReferendumError.definition(file: file, line: nil, field: "(file)", reason: "larger than \(maximumBytes) bytes")
        }
        let document = try YAMLDocument(text: text, file: file)
        switch method {
        case .batchComparison: return .batches(try document.decodeWithLiteralKeys([RecordedAudit.Batch].self))
        case .ballotPolling: return .ballots(try document.decodeWithLiteralKeys([String: String].self))
        }
    }

    /// Reads a full hand count: every batch's count, as for batch comparison.
    public static func readHandCount(_ text: String, file: String) throws -> [RecordedAudit.Batch] {
        guard case .batches(let batches) = try read(text, file: file, method: .batchComparison) else { return [] }
        return batches
    }
}
