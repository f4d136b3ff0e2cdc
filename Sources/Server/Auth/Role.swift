/// Who a token lets in: the commission's administrator, a station's devices, a guardian, or an
/// observer. Written `admin`, `station:<id>`, `guardian:<id>`, `observer`.
public enum Role: Sendable, Hashable, CustomStringConvertible {
    case admin
    case observer
    case station(String)
    case guardian(String)

    /// Parses the written form.
    /// - Throws: `APIError` (400) naming the accepted forms.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("admin", 1): self = .admin
        case ("observer", 1): self = .observer
        case ("station", 2) where !parts[1].isEmpty: self = .station(parts[1])
        case ("guardian", 2) where !parts[1].isEmpty: self = .guardian(parts[1])
        default:
            throw APIError(.badRequest, "\(text) is not a role: use admin, observer, station:<station id> or guardian:<guardian id>")
        }
    }

    public var description: String {
        switch self {
        case .admin: "admin"
        case .observer: "observer"
        case .station(let id): "station:\(id)"
        case .guardian(let id): "guardian:\(id)"
        }
    }

    /// The kind of role without its id, for route rules and messages.
    public var kind: Kind {
        switch self {
        case .admin: .admin
        case .observer: .observer
        case .station: .station
        case .guardian: .guardian
        }
    }

    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case admin, observer, station, guardian
    }

    /// The station id of a station role.
    public var stationId: String? { if case .station(let id) = self { id } else { nil } }
    /// The guardian id of a guardian role.
    public var guardianId: String? { if case .guardian(let id) = self { id } else { nil } }
}
