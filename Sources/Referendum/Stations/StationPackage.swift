import Foundation
import ElectionGuard

/// What a station's own machine needs to vote without the network (`plebiscite station`): the
/// definition (questions, regions, schedule, stations), the election's public keys and hashes (the
/// manifest, K, H_E, B_aux,0), the salt that turns a typed credential code into its key, and the
/// voters the station and its mobile boxes serve, by credential key and pseudonym.
///
/// It holds nothing that decrypts (no guardian key), no credential code, no voter id and not the
/// pseudonym key; docs/stations.md says what a stolen station laptop gives away.
public struct StationPackage: Sendable, Codable, Hashable {
    /// The format of this file; a station refuses a package of another version.
    public static let version = 1

    public let version: Int
    /// The station it was made for.
    public let station: String
    /// The central server's state when the package was made.
    public let state: LifecycleState
    public let definition: ReferendumDefinition
    public let election: ElectionSetup
    /// The salt of credential keys (hex): with it the station computes a typed code's key.
    public let credentialSalt: String
    /// Every voter the station or one of its mobile boxes serves.
    public let voters: [StationVoter]
    public let madeAt: Date

    public init(station: String, state: LifecycleState, definition: ReferendumDefinition, election: ElectionSetup,
                credentialSalt: String, voters: [StationVoter], madeAt: Date) {
        version = Self.version
        self.station = station
        self.state = state
        self.definition = definition
        self.election = election
        self.credentialSalt = credentialSalt
        self.voters = voters
        self.madeAt = madeAt
    }
}

/// A voter as a station's package carries it: the credential's key (not the code), the pseudonym
/// (not the voter id), and what check-in needs to say whether the station serves the voter.
public struct StationVoter: Sendable, Codable, Hashable {
    public let credentialKey: String
    public let pseudonym: String
    public let homeRegion: String
    public let displaced: Bool
    public let homeStation: String?

    public init(_ voter: RegisteredVoter) {
        credentialKey = voter.credentialKey
        pseudonym = voter.pseudonym
        homeRegion = voter.homeRegion
        displaced = voter.displaced
        homeStation = voter.homeStation
    }

    /// The voter for the station's own store: the pseudonym stands in for the voter id, which the
    /// station never learns.
    public var registered: RegisteredVoter {
        RegisteredVoter(voterId: pseudonym, homeRegion: homeRegion, displaced: displaced, homeStation: homeStation,
                        credentialKey: credentialKey, pseudonym: pseudonym)
    }
}

extension StationPackage {
    /// The station's own referendum: the central one as the package shows it, with the salt and no
    /// pseudonym key, and open for casting (each region's voting window still governs every ballot).
    /// - Throws: `invalidInput` for a package of another version, a salt that is not hex, or a station
    ///   the definition does not have; `lifecycle` for a referendum past casting.
    public func stationSetup() throws -> ReferendumSetup {
        guard version == Self.version else {
            throw ReferendumError.invalidInput(field: "version", reason: "this station reads package version \(Self.version); got \(version)")
        }
        guard let salt = Base16.decode(credentialSalt), salt.count == 32 else {
            throw ReferendumError.invalidInput(field: "credentialSalt", reason: "64 hex digits")
        }
        guard let own = definition.station(station), own.kind != .mobile else {
            throw ReferendumError.invalidInput(field: "station", reason: "\(station) is not a regional or external station of this referendum")
        }
        guard [.keysReady, .open].contains(state) else {
            throw ReferendumError.lifecycle(action: "prepare a station", state: state, required: [.keysReady, .open])
        }
        var setup = ReferendumSetup(definition: definition, credentials: Credentials(salt: salt, pseudonymKey: []), createdAt: madeAt)
        setup.election = election
        setup.state = .open
        setup.history.append(StateChange(state: .open, at: madeAt))
        return setup
    }

    /// Seeds an empty station store from this package: the referendum, then its voters.
    /// A store that has the referendum but no voter yet (stopped between the two) gets the voters.
    /// - Throws: `stationSetup`'s errors; `invalidInput` when the store holds another referendum.
    public func seed(_ store: any ReferendumStore) async throws {
        let setup = try stationSetup()
        if let existing = try await store.loadSetup() {
            guard existing.definition.id == definition.id, existing.election?.extendedBaseHash == election.extendedBaseHash else {
                throw ReferendumError.invalidInput(field: "database", reason: "the station's database holds another referendum")
            }
        } else {
            try await store.create(setup)
        }
        if try await store.voterIds().isEmpty, !voters.isEmpty {
            try await store.addVoters(voters.map(\.registered))
        }
    }
}
