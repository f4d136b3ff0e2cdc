import Hummingbird
import Referendum

/// The routes: the JSON API under /api/v1 (docs/openapi.yaml), the pages, the record download and
/// /metrics. Every group states the roles it lets in; the public ones state none.
public func buildRouter(_ components: ServerComponents) -> Router<ServerRequestContext> {
    let router = Router(context: ServerRequestContext.self)
    router.add(middleware: RequestMetricsMiddleware(metrics: components.metrics))
    router.add(middleware: APIErrorMiddleware())
    router.add(middleware: BodyLimitMiddleware())
    router.add(middleware: OriginCheckMiddleware())
    router.add(middleware: TokenAuthenticator(store: components.tokens, cache: components.tokenCache, clock: components.engine.clock))

    let api = router.group("api/v1")
    AdminController<ServerRequestContext>(engine: components.engine, tokens: components.tokens, tokenCache: components.tokenCache,
                                          sessions: components.sessions, record: components.record, caches: components.caches)
        .addRoutes(to: api.group("admin"))
    PaperController<ServerRequestContext>(engine: components.engine, caches: components.caches).addRoutes(to: api.group("admin"))
    StationController<ServerRequestContext>(desks: components.desks, sessions: components.sessions, tokens: components.tokens, metrics: components.metrics)
        .addRoutes(to: api.group("station"))
    StationSyncController<ServerRequestContext>(engine: components.engine, rosters: components.rosters, log: components.stationSync)
        .addRoutes(to: api.group("station"))
    let observers = api.group("observer")
    observers.add(middleware: RequireRole<ServerRequestContext>(.observer, .admin))
    observers.get("devices") { _, _ in JSONResponse(try await components.stationSync.status(store: components.engine.store)) }
    GuardianController<ServerRequestContext>(engine: components.engine).addRoutes(to: api.group("guardian"))
    ObserverController<ServerRequestContext>(engine: components.engine, tokens: components.tokens, tokenCache: components.tokenCache,
                                             turnout: components.turnout,
                                             streamLifetime: components.options.streamLifetime)
        .addRoutes(to: api.group("observer"))
    PublicController<ServerRequestContext>(engine: components.engine, turnout: components.turnout, caches: components.caches,
                                          record: components.record)
        .addRoutes(to: api)

    router.get("record.zip") { _, context in try await components.record.download(context: context) }
    router.get("healthz") { _, _ in JSONResponse(["status": "ok"]) }
    router.get("metrics") { _, _ in
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        components.metrics.sessions.record(components.sessions.openSessions().values.reduce(0) { $0 + $1.count })
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: components.metrics.exposition())))
    }
    PagesController<ServerRequestContext>(components: components).addRoutes(to: router)
    return router
}
