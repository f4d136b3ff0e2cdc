import Foundation

/// What `plebiscite status` shows: where the referendum is, the registers, ballots by status, and
/// turnout so far per region (from metadata only, so it is available while voting goes on).
public struct StatusReport: Sendable {
    public let setup: ReferendumSetup
    public let register: RegisterCounts
    public let summaries: [CastSummary]

    /// Reads the status from `engine`'s store.
    public static func load(_ engine: ReferendumEngine) async throws -> StatusReport {
        StatusReport(setup: try await engine.setup(), register: try await engine.store.registerCounts(),
                     summaries: try await engine.store.summaries())
    }

    public var text: String {
        let definition = setup.definition
        var lines = ["\(definition.title.text()) (\(definition.id)): \(setup.state.rawValue)"]
        for change in setup.history { lines.append("  \(change.state.rawValue) at \(ISO8601DateFormatter().string(from: change.at))") }
        var byStatus = [BallotStatus: Int]()
        for summary in summaries { byStatus[summary.status, default: 0] += 1 }
        lines.append("ballots: " + BallotStatus.allCases.map { "\($0.rawValue) \(byStatus[$0] ?? 0)" }.joined(separator: ", "))
        let timeline = TurnoutTimeline.compute(summaries: summaries, definition: definition)
        lines.append("region           registered  displaced  voted   turnout  coverage")
        for region in definition.regions {
            let registered = register.registered[region.id] ?? 0
            let voted = timeline.votersByRegion[region.id] ?? 0
            let turnout = registered > 0 ? String(format: "%6.2f%%", 100 * Double(voted) / Double(registered)) : "     -"
            let coverage = region.preConflictElectorate.map { String(format: "%6.2f%%", 100 * Double(registered) / Double($0)) } ?? "     -"
            lines.append(region.id.padding(toLength: 16, withPad: " ", startingAt: 0)
                         + String(registered).leftPadded(to: 11, with: " ") + String(register.displaced[region.id] ?? 0).leftPadded(to: 11, with: " ")
                         + String(voted).leftPadded(to: 8, with: " ") + "  " + turnout + "  " + coverage)
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    public func leftPadded(to width: Int, with pad: Character = "0") -> String { String(repeating: pad, count: max(0, width - count)) + self }
}
