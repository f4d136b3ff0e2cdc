/// A voter on a region's register, as the store keeps it: no name, no credential in clear.
public struct RegisteredVoter: Sendable, Hashable, Codable {
    /// The organiser's id for the voter (from the register file); never published.
    public let voterId: String
    /// The region whose result the voter's ballot counts for, wherever the voter votes.
    public let homeRegion: String
    /// Whether the voter has fled the region (votes at external stations).
    public let displaced: Bool
    /// The regional station the voter is listed at, if the register assigns one.
    public let homeStation: String?
    /// The lookup key of the voter's credential code: HMAC(register salt, code). The code itself is
    /// printed on the voter card and never stored.
    public let credentialKey: String
    /// HMAC(pseudonym key, voter id): what the public record shows instead of the voter, so anyone can
    /// check that one ballot counts per voter without learning who the voter is.
    public let pseudonym: String

    public init(voterId: String, homeRegion: String, displaced: Bool, homeStation: String?, credentialKey: String, pseudonym: String) {
        self.voterId = voterId
        self.homeRegion = homeRegion
        self.displaced = displaced
        self.homeStation = homeStation
        self.credentialKey = credentialKey
        self.pseudonym = pseudonym
    }
}

/// What is printed on a voter card: the credential code in clear. Given to the voter, never stored.
public struct VoterCard: Sendable, Hashable {
    public let voterId: String
    public let homeRegion: String
    /// 24 characters of Crockford base 32 in six groups (120 random bits).
    public let credential: String
}
