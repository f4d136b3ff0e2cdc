import Logging
import Referendum

/// What the routes share: the engine over the store, the tokens, the voter sessions of this
/// process, the metrics and the page renderer. Built once per server (or per test).
public struct ServerComponents: Sendable {
    public let engine: ReferendumEngine
    public let tokens: any AccessTokenStore
    public let sessions: BoothSessions
    public let metrics: ServerMetrics
    public let options: ServerOptions
    let desks: DeskProvider
    let tokenCache: TokenCache
    let turnout: TurnoutCache
    let caches: PublicCaches
    let record: RecordFiles
    let pages: PageRenderer
    let rosters: StationRosters
    let stationSync: StationSyncLog

    /// Components over `store` and `tokens`.
    /// - Parameter clock: the engine's clock (tests set the time; a server uses the machine's).
    public init(store: any ReferendumStore, tokens: any AccessTokenStore, options: ServerOptions = ServerOptions(),
                clock: any ReferendumClock = SystemClock()) {
        engine = ReferendumEngine(store: store, clock: clock)
        self.tokens = tokens
        self.options = options
        sessions = BoothSessions(idleLifetime: options.sessionLifetime, maximumPerToken: options.maximumSessionsPerToken)
        metrics = ServerMetrics()
        desks = DeskProvider(engine: engine)
        tokenCache = TokenCache()
        turnout = TurnoutCache(engine: engine)
        caches = PublicCaches(engine: engine)
        record = RecordFiles(directory: options.recordDirectory)
        pages = PageRenderer()
        rosters = StationRosters()
        stationSync = StationSyncLog()
    }
}
