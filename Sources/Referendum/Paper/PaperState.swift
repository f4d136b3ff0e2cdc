import ElectionRecord
import Foundation

/// The paper half of a referendum, kept in `ReferendumSetup.paper`: the stations' protocols and the
/// risk-limiting audit that checks the reported result against the paper.
public struct PaperState: Sendable, Codable, Hashable {
    /// The current protocol of each cell, ordered by cell.
    public var protocols: [StationProtocol]
    /// Protocols replaced by a corrected one, oldest first.
    public var replaced: [StationProtocol]
    /// The risk-limiting audit, once started (published as `referendum/audit.json`).
    public var audit: RecordedAudit?

    public init(protocols: [StationProtocol] = [], replaced: [StationProtocol] = [], audit: RecordedAudit? = nil) {
        self.protocols = protocols
        self.replaced = replaced
        self.audit = audit
    }

    /// The protocol of `station` for `region`.
    public func protocolOf(station: String, region: String) -> StationProtocol? {
        protocols.first { $0.station == station && $0.region == region }
    }
}
