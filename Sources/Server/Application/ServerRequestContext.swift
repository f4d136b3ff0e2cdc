import Hummingbird

/// The context of every request: Hummingbird's core, plus who the request's token says it is.
public struct ServerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The role of a valid token sent with the request; nil without one.
    public var role: Role?
    /// Why a token that came with the request was refused (unknown, revoked), for the 401 message.
    public var tokenProblem: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Registers can be large CSV files.
    public var maxUploadSize: Int { 64 * 1024 * 1024 }
}
