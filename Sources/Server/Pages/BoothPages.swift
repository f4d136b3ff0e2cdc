import Foundation
import Hummingbird
import Referendum

/// The booth: the station terminal's pages, one form per step (credential, choice, code with cast
/// or challenge, done). They call the station API's own functions, so the page and the API refuse
/// the same things with the same messages.
struct BoothPages<Context: RequestContextWithRole> {
    let controller: PagesController<Context>

    func addRoutes(to router: Router<Context>) {
        router.get("booth") { request, context in
            try await booth(request, context) { _, _ in ["checkIn": true] }
        }
        router.post("booth/check-in") { request, context in
            let form = try await request.form(BoothForm.self, context: context)
            return try await booth(request, context) { device, language in
                let session = try await controller.station.checkIn(
                    CheckInRequest(device: device, credential: form.credential ?? "", station: nil, visit: nil), context)
                return try await choose(session.session, context, language)
            }
        }
        router.post("booth/encrypt") { request, context in
            let form = try await request.form(BoothForm.self, context: context)
            let session = form.session ?? ""
            return try await booth(request, context, retry: { try await choose(session, context, $0) }) { _, _ in
                guard let choice = form.choice, !choice.isEmpty else {
                    throw APIError(.unprocessableContent, "choose one answer", reason: "invalid-choice")
                }
                let ballot = try await controller.station.encrypt(session, choice: choice, context)
                return ["decide": ["session": session, "code": ballot.confirmationCode.grouped]]
            }
        }
        router.post("booth/cast") { request, context in
            let form = try await request.form(BoothForm.self, context: context)
            let session = form.session ?? ""
            return try await booth(request, context, retry: { _ in decide(session, context) }) { _, language in
                let ballot = try await controller.station.cast(session, context)
                var values: [String: Any] = ["code": ballot.confirmationCode.grouped]
                if let slip = ballot.paper {
                    let definition = try await controller.components.desks.get().definition
                    values["paper"] = [
                        "question": definition.question.text(language),
                        "choiceText": definition.options.first { $0.id == slip.choice }?.text.text(language) ?? slip.choice,
                        "regionName": definition.region(slip.region)?.name.text(language) ?? slip.region,
                        "station": slip.station, "sheet": slip.code, "envelope": slip.envelope,
                    ]
                }
                return ["cast": values]
            }
        }
        router.post("booth/challenge") { request, context in
            let form = try await request.form(BoothForm.self, context: context)
            let session = form.session ?? ""
            return try await booth(request, context, retry: { _ in decide(session, context) }) { _, language in
                let ballot = try await controller.station.challenge(session, context)
                let definition = try await controller.components.desks.get().definition
                let choice = ballot.choice.flatMap { id in definition.options.first { $0.id == id }?.text.text(language) } ?? ballot.choice ?? "?"
                var values = try await choose(session, context, language)
                values["challenged"] = ["code": ballot.confirmationCode.grouped, "choiceText": choice, "nonce": ballot.nonce ?? ""]
                return values
            }
        }
    }

    /// The booth page for a station token with a device: the step `body` returns, or on an error the
    /// `retry` step with the error's message and status.
    func booth(_ request: Request, _ context: Context, retry: (String) async throws -> [String: Any] = { _ in ["checkIn": true] },
               _ body: (String, String) async throws -> [String: Any]) async throws -> Response {
        guard let stationId = context.role?.stationId, let device = request.cookies[PagesController<Context>.deviceCookie]?.value else {
            return .redirect(to: "/login?next=/booth")
        }
        return try await controller.page(request) { language, setup in
            var values: [String: Any]
            var status = HTTPResponse.Status.ok
            do {
                values = try await body(device, language)
            } catch {
                let failure = APIError.from(error)
                values = (try? await retry(language)) ?? ["checkIn": true]
                values["error"] = failure.message
                status = failure.status
                if failure.reason == "no-session" { values = ["checkIn": true, "error": failure.message] }
            }
            values["station"] = stationId
            values["device"] = device
            return controller.pages.render("booth", status: status, language: language,
                                           title: Localization.strings(language)["booth.title"]!, setup: setup, values: values)
        }
    }

    /// The choice step of session `id` (check-in again if it is gone).
    func choose(_ id: String, _ context: Context, _ language: String) async throws -> [String: Any] {
        guard let stationId = context.role?.stationId, let session = controller.components.sessions.peek(id, station: stationId) else {
            return ["checkIn": true]
        }
        let definition = try await controller.components.desks.get().definition
        return ["choose": [
            "session": id, "question": definition.question.text(language),
            "regionName": definition.region(session.voter.region)?.name.text(language) ?? session.voter.region,
            "options": definition.options.map { ["id": $0.id, "text": $0.text.text(language)] },
        ] as [String: Any]]
    }

    /// The cast-or-challenge step of session `id`, as it stands.
    func decide(_ id: String, _ context: Context) -> [String: Any] {
        guard let stationId = context.role?.stationId, let session = controller.components.sessions.peek(id, station: stationId),
              case .deciding(let pending) = session.stage else { return ["checkIn": true] }
        return ["decide": ["session": id, "code": pending.confirmationCode.hex.grouped]]
    }
}

/// What the booth's forms send; each step reads its own fields.
struct BoothForm: Decodable {
    let credential: String?
    let session: String?
    let choice: String?
}
