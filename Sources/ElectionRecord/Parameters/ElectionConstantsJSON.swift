/// `constants.json`: the group parameters (record-format.md §3).
public struct ElectionConstantsJSON: Codable, Sendable, Hashable {
    /// The `name` field.
    public var name: String
    /// p, 1024 hex digits.
    public var large_prime: String
    /// q, 64 hex digits.
    public var small_prime: String
    /// r = (p − 1)/q, left-padded with zeros to 1024 hex digits.
    public var cofactor: String
    /// g, 1024 hex digits.
    public var generator: String

    /// Memberwise, with the values as the file holds them.
    public init(name: String, large_prime: String, small_prime: String, cofactor: String, generator: String) {
        self.name = name
        self.large_prime = large_prime
        self.small_prime = small_prime
        self.cofactor = cofactor
        self.generator = generator
    }
}
