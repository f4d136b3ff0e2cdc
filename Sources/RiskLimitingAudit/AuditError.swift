/// Why an audit computation refused its input or cannot go on.
public enum AuditError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A field of the input is out of bounds; `field` names it (`"ballotsCast"`, `"votes[Yes]"`).
    case invalidInput(field: String, reason: String)
    /// The reported outcome cannot be confirmed by sampling (a tie, a margin of zero or less):
    /// only a full hand count can settle it.
    case notAuditable(reason: String)

    /// The error as one line naming the field.
    public var description: String {
        switch self {
        case .invalidInput(let field, let reason): "invalid \(field): \(reason)"
        case .notAuditable(let reason): "cannot be audited by sampling: \(reason)"
        }
    }
}

/// A risk limit strictly between 0 and 1 (0.1 is a 10% risk limit).
public struct RiskLimit: Sendable, Codable, Hashable {
    /// The limit, in (0, 1).
    public let value: Double

    /// Checks that `value` is a number in the open interval (0, 1).
    /// - Throws: `AuditError.invalidInput(field: "riskLimit", ...)` otherwise.
    public init(_ value: Double) throws {
        guard value.isFinite, value > 0, value < 1 else {
            throw AuditError.invalidInput(field: "riskLimit", reason: "\(value) is not strictly between 0 and 1")
        }
        self.value = value
    }

    /// Decodes a bare number and checks it as `init(_:)` does.
    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(Double.self))
    }

    /// Encodes the bare number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
