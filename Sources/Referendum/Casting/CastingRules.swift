import Foundation

/// The rules a station device's input must meet, in one place for the API, the pages, scripts and
/// the stores: a region's voting window, which station a device belongs to, and how long what a
/// device sends may be.
extension ReferendumDefinition {
    /// The longest device id, credential, visit id or officials' name a device may send.
    public static let maximumInputLength = 64

    /// Refuses `date` outside `region`'s voting window, saying when it opens and closes in the
    /// region's own time zone.
    /// - Throws: `outsideWindow`; `wrongStation` for a region the definition does not have.
    public func requireVotingWindow(region: String, at date: Date) throws {
        guard let window = schedule.window(for: region), let zone = self.region(region)?.timeZone else {
            throw ReferendumError.wrongStation(station: "?", reason: "the referendum has no region \(region)")
        }
        guard window.opens <= date, date <= window.closes else {
            let format = ISO8601DateFormatter()
            format.timeZone = TimeZone(identifier: zone)
            throw ReferendumError.outsideWindow(region: region, at: format.string(from: date),
                                                opens: format.string(from: window.opens), closes: format.string(from: window.closes))
        }
    }

    /// The station a device id belongs to: the longest station id that, with a dash after it, begins
    /// the device id (so `A-1-2-B1` is a device of `A-1-2`, not of `A-1`, when both stations exist).
    public func owner(ofDevice device: String) -> Station? {
        stations.filter { device.hasPrefix($0.id + "-") && device.count > $0.id.count + 1 }.max { $0.id.count < $1.id.count }
    }

    /// Refuses a device id that is not a device of `stationId`: `<station>-<name>`, at most
    /// `maximumInputLength` characters of ASCII letters, digits, `-` and `_` (it names a directory of
    /// the published record), whose owner (`owner(ofDevice:)`) is that very station.
    /// - Throws: `wrongStation` saying which rule the id breaks.
    public func requireDevice(_ device: String, of stationId: String) throws {
        guard !device.isEmpty, device.count <= Self.maximumInputLength else {
            throw ReferendumError.invalidInput(field: "device", reason: "a device id has 1 to \(Self.maximumInputLength) characters; got \(device.count)")
        }
        guard device.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw ReferendumError.invalidInput(field: "device", reason: "a device id has only letters A-Z, digits, - and _")
        }
        let found = owner(ofDevice: device)
        guard let found, found.id == stationId else {
            let other = found.map { " (it is a device of \($0.id))" } ?? ""
            throw ReferendumError.wrongStation(station: stationId, reason: "device \(device) is not a device of \(stationId): its id must start with \(stationId)-\(other)")
        }
    }

    /// Refuses an id that is not 1 to `maximumInputLength` ASCII letters, digits, `-` and `_`, beginning
    /// with a letter or digit: such an id can be a CSV cell of the record as it is (no comma, no quote,
    /// nothing a spreadsheet reads as a formula).
    public static func requireIdentifier(_ text: String, field: String) throws {
        try requireShort(text, field: field)
        guard let first = text.first, first.isASCII, first.isLetter || first.isNumber,
              text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw ReferendumError.invalidInput(field: field, reason: "use letters A-Z, digits, - and _, beginning with a letter or digit")
        }
    }

    /// Refuses a text a device sent (credential, visit id, an official's name) longer than
    /// `maximumInputLength`, naming the field.
    public static func requireShort(_ text: String, field: String) throws {
        guard text.count <= maximumInputLength else {
            throw ReferendumError.invalidInput(field: field, reason: "at most \(maximumInputLength) characters; got \(text.count)")
        }
    }
}

extension ReferendumDefinition.Station {
    /// Refuses a voter this station does not serve: a voter of another region, a voter listed at
    /// another station (a mobile box serves its parent's voters), a voter who is not displaced at an
    /// external station. The one rule for check-in at a booth and for what a station's package holds.
    /// - Throws: `wrongStation` saying why.
    public func requireServes(_ voter: RegisteredVoter) throws {
        guard serves.contains(voter.homeRegion) else {
            throw ReferendumError.wrongStation(station: id, reason: "it does not serve voters of \(voter.homeRegion)")
        }
        switch kind {
        case .regional:
            if let home = voter.homeStation, home != id {
                throw ReferendumError.wrongStation(station: id, reason: "the voter is listed at station \(home)")
            }
        case .mobile:
            if let home = voter.homeStation, home != parent {
                throw ReferendumError.wrongStation(station: id, reason: "the voter is listed at station \(home), not \(parent ?? "?")")
            }
        case .external:
            guard voter.displaced else {
                throw ReferendumError.wrongStation(station: id, reason: "external stations are for displaced voters; this voter votes in \(voter.homeRegion)")
            }
        }
    }

    /// Whether this station serves `voter` (`requireServes` without the reason).
    public func serves(_ voter: RegisteredVoter) -> Bool { (try? requireServes(voter)) != nil }
}

/// The referendum's definition, read once by a store and kept: a definition never changes after the
/// referendum is created, and the stores check each ballot against its voting windows inside the
/// ballot's own transaction.
public final class DefinitionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var definition: ReferendumDefinition?

    public init() {}

    /// The definition, loaded with `load` the first time there is one.
    public func get(_ load: () throws -> ReferendumDefinition?) rethrows -> ReferendumDefinition? {
        if let cached = lock.withLock({ definition }) { return cached }
        let loaded = try load()
        if let loaded { lock.withLock { definition = loaded } }
        return loaded
    }

    /// The definition, loaded with `load` the first time there is one.
    public func get(_ load: () async throws -> ReferendumDefinition?) async rethrows -> ReferendumDefinition? {
        if let cached = lock.withLock({ definition }) { return cached }
        let loaded = try await load()
        if let loaded { lock.withLock { definition = loaded } }
        return loaded
    }
}
