import Referendum

/// The casting desk of this process, built once the key ceremony is done (it holds the election's
/// encryption tables), and shared by every station device.
actor DeskProvider {
    let engine: ReferendumEngine
    private var desk: CastingDesk?

    init(engine: ReferendumEngine) { self.engine = engine }

    /// The desk.
    /// - Throws: `lifecycle` before the key ceremony.
    func get() async throws -> CastingDesk {
        if let desk { return desk }
        let built = try await CastingDesk(engine: engine)
        desk = built
        return built
    }
}
