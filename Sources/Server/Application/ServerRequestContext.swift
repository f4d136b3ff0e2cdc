import Hummingbird

/// The context of every request: Hummingbird's core, plus who the request's token says it is.
public struct ServerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The role of a valid token sent with the request; nil without one.
    public var role: Role?
    /// Why a token that came with the request was refused (unknown, revoked), for the 401 message.
    public var tokenProblem: String?
    /// The id of that token (station devices are bound to it).
    public var tokenId: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// What Hummingbird's own decoders read at most; our routes read their body through
    /// `Request.bodyData`, whose limit depends on the route (`BodyLimit`).
    public var maxUploadSize: Int { BodyLimit.standard }
}
