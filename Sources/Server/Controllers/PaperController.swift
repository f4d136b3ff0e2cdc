import Foundation
import Hummingbird
import ElectionRecord
import Referendum

/// The commission's paper routes (role `admin`): enter the stations' protocols and read them beside
/// the electronic totals. The rules are Referendum's (`enterProtocols`); this only translates HTTP.
struct PaperController<Context: RequestContextWithRole> {
    let engine: ReferendumEngine
    let caches: PublicCaches

    func addRoutes(to group: RouterGroup<Context>) {
        group.add(middleware: RequireRole<Context>(.admin))
        // One protocol or a list, as YAML or JSON: all are entered or none.
        group.post("protocols") { request, context in
            let entries = try ProtocolEntry.read(try await request.bodyText(context: context), file: "(request body)")
            let entered = try await engine.enterProtocols(entries)
            caches.invalidate()
            context.logger.notice("protocols entered", metadata: ["cells": "\(entered.map(\.cell))"])
            return JSONResponse(.created, entered)
        }
        group.get("protocols") { _, _ in JSONResponse(try await engine.paperReport()) }
        // What each commission sets aside unopened before it counts: the envelopes of superseded ballots.
        group.get("envelopes") { _, _ in JSONResponse(try await engine.envelopesToSetAside()) }

        // The risk-limiting audit: start it with the public seed, then enter each round's counts.
        group.post("audit") { request, context in
            let body = try await request.decodeJSON(StartAuditRequest.self, context: context)
            let audit = try await engine.startAudit(seed: body.seed, riskLimit: body.riskLimit ?? 0.05, method: body.method ?? .batchComparison)
            caches.invalidate()
            context.logger.notice("audit started", metadata: ["method": "\(audit.method.rawValue)"])
            return JSONResponse(.created, audit)
        }
        group.post("audit/{region}/round") { request, context in
            let region = try context.parameters.require("region")
            guard let method = try await engine.setup().paper?.audit?.method else {
                throw APIError(.conflict, "no audit has started", reason: "paper")
            }
            let entry = try AuditEntry.read(try await request.bodyText(context: context), file: "(request body)", method: method)
            let contest = try await engine.enterAuditRound(region: region, entry)
            caches.invalidate()
            context.logger.notice("audit round entered", metadata: ["region": "\(region)", "status": "\(contest.status.rawValue)"])
            return JSONResponse(contest)
        }
        group.post("audit/{region}/hand-count") { request, context in
            let region = try context.parameters.require("region")
            let counts = try AuditEntry.readHandCount(try await request.bodyText(context: context), file: "(request body)")
            let contest = try await engine.enterHandCount(region: region, counts)
            caches.invalidate()
            return JSONResponse(contest)
        }
    }
}

/// `POST /api/v1/admin/audit`.
struct StartAuditRequest: Decodable {
    let seed: String
    let riskLimit: Double?
    let method: RecordedAudit.Method?

    enum CodingKeys: String, CodingKey { case seed, method, riskLimit = "risk_limit" }
}
