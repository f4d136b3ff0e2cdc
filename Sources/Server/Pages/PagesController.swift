import Foundation
import Hummingbird
import Referendum

/// The server-rendered pages: home, sign-in, the booth (station terminal), the tracker, the results
/// dashboard and the observers' live turnout. The booth and observer pages take the role token from
/// a cookie set by the sign-in form (HttpOnly, SameSite=Strict), and call the same code as the API.
struct PagesController<Context: RequestContextWithRole> {
    let components: ServerComponents
    static var deviceCookie: String { "plebiscite_device" }
    static var languageCookie: String { "plebiscite_lang" }

    var engine: ReferendumEngine { components.engine }
    var pages: PageRenderer { components.pages }
    var station: StationController<Context> {
        StationController(desks: components.desks, sessions: components.sessions, tokens: components.tokens, metrics: components.metrics)
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/") { request, _ in try await page(request) { language, setup in
            pages.render("home", language: language, title: Localization.strings(language)["nav.home"]!, setup: setup, values: [
                "question": setup?.definition.question.text(language) ?? "",
                "options": setup?.definition.options.map { ["text": $0.text.text(language)] } ?? [],
                "stateText": stateText(setup, language),
            ])
        } }
        router.get("login") { request, _ in try await page(request) { language, setup in
            loginPage(language, setup, next: request.uri.queryParameters["next"].map(String.init) ?? "/booth", error: nil)
        } }
        router.post("login") { request, context in try await login(request, context) }
        router.post("logout") { _, _ in
            var response = Response.redirect(to: "/")
            response.setCookie(cookie(TokenAuthenticator<Context>.cookieName, "", maxAge: 0))
            response.setCookie(cookie(Self.deviceCookie, "", maxAge: 0))
            return response
        }
        BoothPages(controller: self).addRoutes(to: router)
        AuditPages(controller: self).addRoutes(to: router)
        router.get("tracker") { request, _ in try await tracker(request) }
        router.get("results") { request, _ in try await results(request) }
        router.get("observer") { request, context in try await observer(request, context) }
    }

    /// Renders with the request's language and the referendum (nil before one exists); sets the
    /// language cookie when the query chose one.
    func page(_ request: Request, _ body: (String, ReferendumSetup?) async throws -> Response) async throws -> Response {
        let query = request.uri.queryParameters["lang"].map(String.init)
        let language = Localization.language(query: query, cookie: request.cookies[Self.languageCookie]?.value,
                                             acceptLanguage: request.headers[.acceptLanguage])
        var response = try await body(language, try await components.caches.currentSetup())
        if let query, Localization.languages.contains(query) {
            response.setCookie(Cookie(name: Self.languageCookie, value: query, maxAge: 365 * 86_400, path: "/",
                                      secure: components.options.secureCookies, httpOnly: true, sameSite: .lax))
        }
        return response
    }

    func stateText(_ setup: ReferendumSetup?, _ language: String) -> String {
        guard let setup else { return "–" }
        return Localization.strings(language)["state.\(setup.state.rawValue)"] ?? setup.state.rawValue
    }

    // MARK: Sign-in

    func loginPage(_ language: String, _ setup: ReferendumSetup?, next: String, error: String?, status: HTTPResponse.Status = .ok) -> Response {
        let safeNext = Self.safePath(next)
        let booth = safeNext.hasPrefix("/booth")
        var values: [String: Any] = ["next": safeNext, "askDevice": booth, "neededRole": booth ? "station:<id>" : "observer"]
        if let error { values["error"] = error }
        return pages.render("login", status: status, language: language, title: Localization.strings(language)["login.title"]!,
                            setup: setup, values: values)
    }

    func login(_ request: Request, _ context: Context) async throws -> Response {
        let form = try await request.form(LoginForm.self, context: context)
        return try await page(request) { language, setup in
            let next = Self.safePath(form.next ?? "/")
            let token = (form.token ?? "").trimmingCharacters(in: .whitespaces)
            let refused = loginPage(language, setup, next: next, error: Localization.strings(language)["login.bad"], status: .unauthorized)
            guard token.utf8.count <= 256, let record = try await components.tokens.token(hash: AccessTokens.hash(token)),
                  record.problem(at: engine.clock.now()) == nil, let role = try? Role(parsing: record.role) else {
                return refused
            }
            var response = Response.redirect(to: next)
            if next.hasPrefix("/booth") {
                guard let stationId = role.stationId, let definition = setup?.definition else {
                    return loginPage(language, setup, next: next, error: Localization.strings(language)["login.bad"], status: .forbidden)
                }
                let device = (form.device ?? "").trimmingCharacters(in: .whitespaces)
                do {
                    // The same rule as the API's check-in, and the device is bound to this token.
                    try definition.requireDevice(device, of: stationId)
                    let owner = try await components.tokens.bindDevice(device, toToken: record.id, at: engine.clock.now())
                    guard owner == record.id else {
                        throw APIError(.forbidden, "device \(device) belongs to another token of this station", reason: "device-of-another-token")
                    }
                } catch {
                    let failure = APIError.from(error)
                    return loginPage(language, setup, next: next, error: failure.message, status: failure.status)
                }
                response.setCookie(cookie(Self.deviceCookie, device))
            }
            response.setCookie(cookie(TokenAuthenticator<Context>.cookieName, token))
            return response
        }
    }

    /// A session cookie of the pages: HttpOnly, SameSite=Strict, and Secure behind TLS.
    func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: components.options.secureCookies, httpOnly: true,
               sameSite: .strict)
    }

    /// The pages one may be sent back to after signing in. Anything else, however it is spelled
    /// (`//evil.example`, `/\t/evil.example`, `https://...`), goes home: a browser strips tabs and
    /// newlines from a URL and reads a backslash as a slash, so no pattern of "looks local" is safe.
    static var returnPaths: Set<String> { ["/", "/booth", "/observer", "/results", "/tracker", "/audit", "/audit/board"] }

    /// A local path to go back to after signing in: one of `returnPaths`, never another site.
    static func safePath(_ path: String) -> String {
        returnPaths.contains(path) ? path : "/"
    }

    // MARK: Tracker, results, observers

    func tracker(_ request: Request) async throws -> Response {
        try await page(request) { language, setup in
            let words = Localization.strings(language)
            var values: [String: Any] = [:]
            var status = HTTPResponse.Status.ok
            if let query = request.uri.queryParameters["code"].map(String.init), !query.isEmpty {
                values["query"] = String(query.prefix(200)).replacingOccurrences(of: "+", with: " ")
                do {
                    let code = try TrackerAnswer.parse(query)
                    guard let setup else { throw ReferendumError.noReferendum }
                    let answer = TrackerAnswer.answer(code: code, entry: try await engine.store.entry(confirmationCode: code), setup: setup)
                    let choice = answer.choice.flatMap { id in setup.definition.options.first { $0.id == id }?.text.text(language) }
                    // Only present values: an optional in the dictionary would render as "nil".
                    var shown: [String: Any] = [
                        "status": answer.status.rawValue, "found": answer.status != .notFound, "code": answer.code.grouped,
                        "statusText": words["tracker.status.\(answer.status.rawValue)"] ?? answer.status.rawValue,
                    ]
                    if let station = answer.station { shown["station"] = station }
                    if let decidedAt = answer.decidedAt { shown["decidedAt"] = ISO8601DateFormatter().string(from: decidedAt) }
                    if let choice { shown["choiceText"] = choice }
                    values["answer"] = shown
                    if answer.status == .notFound { status = .notFound }
                } catch {
                    let failure = APIError.from(error)
                    values["error"] = failure.message
                    status = failure.status
                }
            }
            return pages.render("tracker", status: status, language: language, title: words["tracker.title"]!, setup: setup, values: values)
        }
    }

    func results(_ request: Request) async throws -> Response {
        try await page(request) { language, setup in
            let words = Localization.strings(language)
            guard let setup else {
                return pages.render("results", status: .conflict, language: language, title: words["results.title"]!, setup: nil,
                                    values: ["error": ReferendumError.noReferendum.description])
            }
            let snapshot = try await components.turnout.snapshot()
            let names = Dictionary(uniqueKeysWithValues: setup.definition.regions.map { ($0.id, $0.name.text(language)) })
            var values: [String: Any] = [
                "stateText": stateText(setup, language),
                "turnout": snapshot.regions.map { ["name": names[$0.id] ?? $0.id, "registered": $0.registered, "voters": $0.voters,
                                                   "turnout": percent($0.turnout)] as [String: Any] },
                "chart": TurnoutChart.svg(snapshot, names: names),
            ]
            if setup.decryption != nil {
                let results = try await PublicController<Context>(engine: engine, turnout: components.turnout, caches: components.caches,
                                                        record: components.record).results()
                values["results"] = ResultsView.make(results, definition: setup.definition, language: language,
                                                     published: setup.state == .published)
            }
            return pages.render("results", language: language, title: words["results.title"]!, setup: setup, values: values)
        }
    }

    func observer(_ request: Request, _ context: Context) async throws -> Response {
        guard let role = context.role, role.kind == .observer || role.kind == .admin else { return .redirect(to: "/login?next=/observer") }
        return try await page(request) { language, setup in
            let words = Localization.strings(language)
            let snapshot = try await components.turnout.snapshot()
            let names = Dictionary(uniqueKeysWithValues: (setup?.definition.regions ?? []).map { ($0.id, $0.name.text(language)) })
            let devices = try await components.stationSync.status(store: components.engine.store)
            return pages.render("observer", language: language, title: words["observer.title"]!, setup: setup, values: [
                "stateText": stateText(setup, language),
                "updated": ISO8601DateFormatter().string(from: snapshot.at),
                "regions": snapshot.regions.map { ["id": $0.id, "name": names[$0.id] ?? $0.id, "registered": $0.registered,
                                                   "voters": $0.voters, "turnout": percent($0.turnout)] as [String: Any] },
                "stations": snapshot.stations.map { ["id": $0.id, "kind": words["kind.\($0.kind)"] ?? $0.kind, "ballots": $0.ballots] as [String: Any] },
                "hasDevices": !devices.isEmpty,
                "devices": devices.map {
                    ["device": $0.device, "station": $0.station, "received": $0.received, "last": $0.lastBallotId ?? "–", "missing": $0.missing] as [String: Any]
                },
                "statuses": BallotStatus.allCases.map { ["key": $0.rawValue, "label": words["status.\($0.rawValue)"] ?? $0.rawValue,
                                                         "count": snapshot.ballots[$0.rawValue] ?? 0] as [String: Any] },
            ])
        }
    }
}

/// What the sign-in form sends.
struct LoginForm: Decodable {
    let token: String?
    let device: String?
    let next: String?
}

/// The results as the template shows them.
enum ResultsView {
    static func make(_ results: ReferendumResults, definition: ReferendumDefinition, language: String, published: Bool) -> [String: Any] {
        func votes(_ counts: [String: Int], ballots: Int) -> [[String: Any]] {
            results.options.map { option in
                let count = counts[option] ?? 0
                let share = ballots > 0 ? Double(count) / Double(ballots) : nil
                return ["count": count, "share": percent(share), "width": Int(((share ?? 0) * 100).rounded())]
            }
        }
        let registered = results.regions.reduce(0) { $0 + $1.registered }
        return [
            "optionNames": results.options.map { id in definition.options.first { $0.id == id }?.text.text(language) ?? id },
            "regions": results.regions.map { region -> [String: Any] in
                ["name": definition.region(region.id)?.name.text(language) ?? region.id, "registered": region.registered,
                 "ballots": region.ballots, "turnout": percent(region.turnout), "votes": votes(region.votes, ballots: region.ballots),
                 "mobileShare": percent(region.mobileShare)]
            },
            "total": ["registered": registered, "ballots": results.totalBallots,
                      "turnout": percent(registered > 0 ? Double(results.totalBallots) / Double(registered) : nil),
                      "votes": votes(results.total, ballots: results.totalBallots)] as [String: Any],
            "stations": results.stations.map { station -> [String: Any] in
                ["id": station.id, "kind": Localization.strings(language)["kind.\(station.kind.rawValue)"] ?? station.kind.rawValue, "region": definition.region(station.region)?.name.text(language) ?? station.region,
                 "registered": station.registered.map(String.init) ?? "–", "ballots": station.ballots,
                 "votes": votes(station.votes, ballots: station.ballots), "mobileShare": percent(station.mobileShare)]
            } + results.remainders.map { remainder -> [String: Any] in
                ["id": remainder.stations.joined(separator: ", "), "kind": Localization.strings(language)["kind.merged"] ?? "merged",
                 "region": definition.region(remainder.region)?.name.text(language) ?? remainder.region,
                 "registered": remainder.registered.map(String.init) ?? "–", "ballots": remainder.ballots,
                 "votes": votes(remainder.votes, ballots: remainder.ballots),
                 "mobileShare": percent(remainder.ballots > 0 ? Double(remainder.mobileBallots) / Double(remainder.ballots) : nil)]
            },
            "published": published,
        ]
    }
}
