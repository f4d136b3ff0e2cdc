import Foundation
import Hummingbird
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
    }
}
