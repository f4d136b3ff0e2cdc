import Foundation
import Hummingbird
import Referendum

/// What anyone may read: the referendum, turnout, the results per region and station, the ballot
/// tracker, and the published record.
struct PublicController<Context: RequestContextWithRole> {
    let engine: ReferendumEngine
    let turnout: TurnoutCache
    let caches: PublicCaches
    let record: RecordFiles

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("referendum") { _, _ in JSONResponse(PublicReferendum(try await caches.requireSetup())) }
        group.get("turnout") { _, _ in JSONResponse(try await turnout.snapshot()) }
        group.get("results") { _, _ in JSONResponse(try await results()) }
        group.get("results/stations.csv") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/csv; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: try await results().stationCSV)))
        }
        group.get("tracker/{code}") { _, context in
            let answer = try await track(try context.parameters.require("code"))
            return JSONResponse(answer.status == .notFound ? .notFound : .ok, answer)
        }
        group.get("record") { _, _ in JSONResponse(try record.listing()) }
        // The paper beside the electronic totals, and the audit as it goes: public, like the record they end up in.
        group.get("protocols") { _, _ in JSONResponse(try await engine.paperReport()) }
        group.get("audit") { _, _ in
            guard let audit = try await caches.requireSetup().paper?.audit else {
                throw APIError(.notFound, "no risk-limiting audit has started", reason: "no-audit")
            }
            return JSONResponse(audit)
        }
    }

    func results() async throws -> ReferendumResults {
        let setup = try await caches.requireSetup()
        guard setup.decryption != nil else {
            throw APIError(.conflict, "the results are published once the guardians have decrypted the totals; the referendum is \(setup.state.rawValue) (live turnout: /api/v1/turnout)",
                           reason: "not-decrypted")
        }
        return try await caches.results(of: setup)
    }

    func track(_ text: String) async throws -> TrackerAnswer {
        let code = try TrackerAnswer.parse(text)
        return TrackerAnswer.answer(code: code, entry: try await engine.store.entry(confirmationCode: code), setup: try await caches.requireSetup())
    }
}

/// The public part of the referendum: its definition and where it stands (no secret).
struct PublicReferendum: Encodable, Sendable {
    let definition: ReferendumDefinition
    let state: String
    let history: [StateChange]
    let certification: Certification?

    init(_ setup: ReferendumSetup) {
        definition = setup.definition
        state = setup.state.rawValue
        history = setup.history
        certification = setup.certification
    }
}
