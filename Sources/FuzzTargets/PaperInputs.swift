import ElectionRecord
import Foundation
import Referendum

/// The paper's outside inputs: a commission's protocol file, an audit board's entry (batch counts or
/// ballot reads) and a full hand count, and the record's protocols.json and audit.json. The first
/// byte chooses which reader gets the rest.
enum PaperInputs {
    static func run(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let rest = Array(bytes.dropFirst())
        let text = String(decoding: rest, as: UTF8.self)
        switch selector % 5 {
        case 0: _ = try? ProtocolEntry.read(text, file: "protocol.yaml")
        case 1: _ = try? AuditEntry.read(text, file: "round.yaml", method: .batchComparison)
        case 2: _ = try? AuditEntry.read(text, file: "round.yaml", method: .ballotPolling)
        case 3: _ = try? ReferendumRecord.decoder().decode(RecordedPaper.self, from: Data(rest))
        default: _ = try? ReferendumRecord.decoder().decode(RecordedAudit.self, from: Data(rest))
        }
    }
}
