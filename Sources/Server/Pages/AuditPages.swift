import ElectionRecord
import Foundation
import Hummingbird
import Referendum

/// `/audit`, the paper and the audit for anyone, and `/audit/board`, where the commission's audit
/// board (an `admin` token) enters what it counted. The form calls the same engine functions as
/// `plebiscite rla enter` and the admin API, so it refuses the same things with the same messages.
struct AuditPages<Context: RequestContextWithRole> {
    let controller: PagesController<Context>

    func addRoutes(to router: Router<Context>) {
        router.get("audit") { request, _ in try await page(request, board: false) }
        router.get("audit/board") { request, context in
            guard context.role?.kind == .admin else { return Response.redirect(to: "/login?next=/audit/board") }
            return try await page(request, board: true)
        }
        router.post("audit/board") { request, context in
            guard context.role?.kind == .admin else { return Response.redirect(to: "/login?next=/audit/board") }
            do {
                let fields = try await request.form([String: String].self, context: context)
                guard let region = fields["region"], let method = try await controller.engine.setup().paper?.audit?.method else {
                    throw APIError(.unprocessableContent, "no audit round to enter", reason: "paper")
                }
                _ = try await controller.engine.enterAuditRound(region: region, try Self.entry(fields, method: method))
                controller.components.caches.invalidate()
                return try await page(request, board: true)
            } catch {
                return try await page(request, board: true, failure: APIError.from(error))
            }
        }
    }

    func page(_ request: Request, board: Bool, failure: APIError? = nil) async throws -> Response {
        try await controller.page(request) { language, setup in
            let words = Localization.strings(language)
            var values: [String: Any] = [:]
            if let failure { values["error"] = failure.message }
            if let setup, let audit = setup.paper?.audit {
                values["audit"] = Self.view(audit, setup.definition, language, board: board)
            }
            if let setup, setup.decryption != nil, setup.paper?.protocols.isEmpty == false {
                let report = try await controller.engine.paperReport()
                let cells = report.cells.filter { !$0.differences.isEmpty }
                values["hasCells"] = !cells.isEmpty
                values["cells"] = cells.filter { !$0.differences.isEmpty }.map { cell -> [String: Any] in
                    ["scope": cell.scope, "unexplained": cell.unexplained,
                     "differences": cell.differences.map { "\($0.field): \($0.paper.map(String.init) ?? "–") / \($0.electronic.map(String.init) ?? "–")" }
                        .joined(separator: "; ")]
                }
            }
            return controller.pages.render("audit", status: failure?.status ?? .ok, language: language, title: words["audit.title"]!,
                                           setup: setup, values: values)
        }
    }

    static func view(_ audit: RecordedAudit, _ definition: ReferendumDefinition, _ language: String, board: Bool) -> [String: Any] {
        let words = Localization.strings(language)
        let options = definition.options.map { ["id": $0.id, "text": $0.text.text(language)] }
        let due = audit.contests.compactMap { contest -> [String: Any]? in
            guard contest.status == .sampling, let round = contest.rounds.last else { return nil }
            var item: [String: Any] = ["region": contest.region, "name": definition.region(contest.region)?.name.text(language) ?? contest.region,
                                       "round": round.number]
            if audit.method == .batchComparison {
                item["batches"] = contest.batchesDue.map { ["batch": $0, "options": options] as [String: Any] }
            } else {
                item["ballots"] = round.sample.map { ["ticket": $0.ticket, "batch": $0.batch, "position": $0.position ?? 0, "options": options] as [String: Any] }
            }
            return item
        }
        return [
            "method": words["audit.method.\(audit.method.rawValue)"] ?? audit.method.rawValue, "riskLimit": audit.riskLimit, "seed": audit.seed,
            "contests": audit.contests.map { contest -> [String: Any] in
                var item: [String: Any] = [
                    "region": contest.region, "name": definition.region(contest.region)?.name.text(language) ?? contest.region,
                    "statusText": words["audit.status.\(contest.status.rawValue)"] ?? contest.status.rawValue,
                    "rounds": contest.rounds.map { round -> [String: Any] in
                        var shown: [String: Any] = ["number": round.number, "size": round.size]
                        if let risk = round.risk { shown["risk"] = String(format: "%.4f", risk) }
                        if let decision = round.decision { shown["decision"] = decision }
                        return shown
                    },
                ]
                if let winner = contest.handCountWinner { item["handCountWinner"] = winner }
                return item
            },
            "due": due, "sampling": !due.isEmpty, "board": board,
        ]
    }

    /// The round's entry from the form: `ballots.<batch>` and `votes.<batch>.<option>`, or `read.<ticket>`.
    static func entry(_ fields: [String: String], method: RecordedAudit.Method) throws -> AuditEntry {
        switch method {
        case .ballotPolling:
            return .ballots(Dictionary(uniqueKeysWithValues: fields.compactMap { key, value in
                key.hasPrefix("read.") ? (String(key.dropFirst(5)), value) : nil
            }))
        case .batchComparison:
            var batches = [RecordedAudit.Batch]()
            for (key, value) in fields where key.hasPrefix("ballots.") {
                let batch = String(key.dropFirst(8))
                func number(_ text: String?, _ field: String) throws -> Int {
                    guard let text, let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                        throw APIError(.unprocessableContent, "\(field): a whole number", reason: "invalid-input")
                    }
                    return value
                }
                var votes = [String: Int]()
                for (voteKey, count) in fields where voteKey.hasPrefix("votes.\(batch).") {
                    votes[String(voteKey.dropFirst("votes.\(batch).".count))] = try number(count, voteKey)
                }
                batches.append(.init(batch: batch, ballots: try number(value, key), votes: votes))
            }
            return .batches(batches)
        }
    }
}
