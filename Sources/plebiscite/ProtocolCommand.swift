import ArgumentParser
import ElectionRecord
import Foundation
import Referendum

/// `plebiscite protocol`: the station commissions' hand counts of the paper (docs/paper.md).
struct ProtocolCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocol", abstract: "Enter the stations' protocols of their paper, and compare them with the electronic totals.",
        subcommands: [Envelopes.self, Enter.self, Report.self])

    /// `plebiscite protocol envelopes`
    struct Envelopes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "After the count: the envelopes each commission sets aside unopened (ballots a revote superseded).")

        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            let lists = try await workspace.withEngine { try await $0.envelopesToSetAside() }
            if lists.isEmpty { print("no ballot was superseded: no envelope to set aside") }
            for list in lists { print("\(list.station) \(list.region): \(list.envelopes.joined(separator: " "))") }
        }
    }

    /// `plebiscite protocol enter FILE...`
    struct Enter: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enter protocols from YAML or JSON files (one protocol, or a list), after the polls close.")

        @OptionGroup var workspace: WorkspaceOptions
        @Argument(help: "Protocol files.") var files: [String]

        func run() async throws {
            var entries = [ProtocolEntry]()
            for file in files { entries += try ProtocolEntry.read(try readText(file), file: file) }
            let entered = try await workspace.withEngine { try await $0.enterProtocols(entries) }
            for entry in entered { print("entered \(entry.cell) (\(entry.mode.rawValue)): \(entry.found) ballots found") }
        }
    }

    /// `plebiscite protocol report`
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The protocols beside the electronic totals, cell by cell, with every difference (after decryption).")

        @OptionGroup var workspace: WorkspaceOptions
        @Flag(help: "Print protocols.json as the record will hold it.") var json = false

        func run() async throws {
            let report = try await workspace.withEngine { try await $0.paperReport() }
            if json {
                print(String(decoding: try ReferendumRecord.encoder().encode(report), as: UTF8.self))
                return
            }
            print(Self.text(report))
        }

        static func text(_ report: RecordedPaper) -> String {
            var lines = ["\(report.protocols.count) protocols; \(report.cells.count) cells; "
                         + "\(report.cells.filter(\.unexplained).count) where the paper and the devices differ"]
            for cell in report.cells where !cell.differences.isEmpty {
                let what = cell.differences.map { "\($0.field) paper \($0.paper.map(String.init) ?? "-") electronic \($0.electronic.map(String.init) ?? "-")" }
                lines.append("  \(cell.unexplained ? "!" : " ") \(cell.scope): " + what.joined(separator: "; ")
                             + (cell.superseded > 0 ? " (\(cell.superseded) envelopes of superseded ballots to set aside)" : ""))
            }
            for region in report.regions {
                let votes = region.reported.votes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                lines.append("  \(region.region): reported \(votes) (\(region.paperOnly.ballots) of \(region.reported.ballots) ballots paper-only)")
            }
            return lines.joined(separator: "\n")
        }
    }
}
