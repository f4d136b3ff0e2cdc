import ArgumentParser
import ElectionRecord
import Foundation
import Referendum

/// `plebiscite rla`: the risk-limiting audit of each region's result against the paper (docs/paper.md).
struct RLACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rla", abstract: "Audit each region's result against the paper, round by round, with a known risk.",
        subcommands: [Start.self, Sample.self, Enter.self, HandCount.self, Status.self])

    /// `plebiscite rla start --seed DIGITS`
    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fix the audit's seed and risk limit, and draw every region's first round.")
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "The public seed, e.g. 20 dice digits rolled at a public meeting.") var seed: String
        @Option(name: .customLong("risk-limit"), help: "The risk limit, e.g. 0.05.") var riskLimit = 0.05
        @Option(help: "batch-comparison (stations as batches) or ballot-polling.") var method = RecordedAudit.Method.batchComparison

        func run() async throws {
            let audit = try await workspace.withEngine { try await $0.startAudit(seed: seed, riskLimit: riskLimit, method: method) }
            print(RLACommand.text(audit))
        }
    }

    /// `plebiscite rla sample`
    struct Sample: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "What the audit board must count now, region by region.")
        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            let audit = try await workspace.withEngine { try await RLACommand.audit(of: $0) }
            for contest in audit.contests where contest.status == .sampling {
                guard let round = contest.rounds.last else { continue }
                print("\(contest.region), round \(round.number): \(round.size) draws")
                for draw in round.sample {
                    print("  \(draw.ticket)  \(draw.batch)\(draw.position.map { "  ballot \($0)" } ?? "")")
                }
            }
        }
    }

    /// `plebiscite rla enter --region R FILE`
    struct Enter: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enter the audit board's counts of a region's current round.")
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "The region.") var region: String
        @Argument(help: "YAML or JSON: batch counts (batch comparison) or ticket: option (ballot polling).") var file: String

        func run() async throws {
            let text = try readText(file)
            let contest = try await workspace.withEngine { engine in
                let method = try await RLACommand.audit(of: engine).method
                return try await engine.enterAuditRound(region: region, try AuditEntry.read(text, file: file, method: method))
            }
            print(RLACommand.text(contest))
        }
    }

    /// `plebiscite rla hand-count --region R FILE`
    struct HandCount: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "hand-count", abstract: "Enter a region's full hand count, when the audit called for one.")
        @OptionGroup var workspace: WorkspaceOptions
        @Option(help: "The region.") var region: String
        @Argument(help: "YAML or JSON: every batch's count.") var file: String

        func run() async throws {
            let counts = try AuditEntry.readHandCount(try readText(file), file: file)
            let contest = try await workspace.withEngine { try await $0.enterHandCount(region: region, counts) }
            print(RLACommand.text(contest))
        }
    }

    /// `plebiscite rla status`
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Where the audit of each region stands.")
        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            let audit = try await workspace.withEngine { try await RLACommand.audit(of: $0) }
            print(RLACommand.text(audit))
        }
    }

    /// The audit under way.
    /// - Throws: `ValidationError` saying to start one, when none has started.
    static func audit(of engine: ReferendumEngine) async throws -> RecordedAudit {
        guard let audit = try await engine.setup().paper?.audit else { throw ValidationError("no audit has started: run `plebiscite rla start`") }
        return audit
    }

    static func text(_ audit: RecordedAudit) -> String {
        (["\(audit.method.rawValue) audit, risk limit \(audit.riskLimit), seed \(audit.seed)"] + audit.contests.map(text)).joined(separator: "\n")
    }

    static func text(_ contest: RecordedAudit.Contest) -> String {
        let rounds = contest.rounds.map { round in
            "round \(round.number): \(round.size) drawn" + (round.risk.map { String(format: ", risk %.4f", $0) } ?? ", awaiting counts")
                + (round.decision.map { " -> \($0)" } ?? "")
        }
        let outcome = contest.handCountWinner.map { " (hand count: \($0))" } ?? ""
        return "  \(contest.region): \(contest.status.rawValue)\(outcome)" + (rounds.isEmpty ? "" : "; " + rounds.joined(separator: "; "))
    }
}

extension RecordedAudit.Method: ExpressibleByArgument {}
