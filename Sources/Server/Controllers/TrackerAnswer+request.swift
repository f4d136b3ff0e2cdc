import ElectionGuard
import Hummingbird
import Referendum

extension TrackerAnswer {
    /// The code of a tracker request; a code that is not one is a 400 (the domain's message).
    static func parse(_ text: String) throws -> UInt256 {
        do {
            return try code(from: text)
        } catch let error as ReferendumError {
            throw APIError(.badRequest, error.description.replacingOccurrences(of: "code: ", with: ""), reason: "bad-code")
        }
    }
}
