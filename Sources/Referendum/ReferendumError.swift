/// What went wrong in running a referendum, with the file, line, field, voter or station it concerns.
public enum ReferendumError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The definition file is not valid YAML or does not have the expected shape.
    case definition(file: String, line: Int?, field: String, reason: String)
    /// A lifecycle step was asked for in the wrong state.
    case lifecycle(action: String, state: LifecycleState, required: [LifecycleState])
    /// A register file has a bad row (1-based line number, header is line 1).
    case register(file: String, line: Int, field: String, reason: String)
    /// A casting script has a bad line, or a line whose casting failed.
    case script(file: String, line: Int, field: String, reason: String)
    /// A credential code matches no voter on the register.
    case unknownCredential
    /// The voter may not vote at this station (wrong region, unknown station).
    case wrongStation(station: String, reason: String)
    /// Voting for the voter's region is not open at this time.
    case outsideWindow(region: String, at: String, opens: String, closes: String)
    /// A confirmation code or ballot id that this referendum does not know.
    case unknownBallot(String)
    /// A ballot that was already cast or challenged cannot change state again.
    case ballotAlreadyDecided(ballotId: String, state: String)
    /// A choice that is not one of the options.
    case invalidChoice(String)
    /// A mobile-box visit that is not open, or belongs to another station.
    case mobileVisit(String)
    /// Counting or decryption cannot proceed.
    case counting(String)
    /// A guardian's key file or decryption share is unusable.
    case guardian(id: String, reason: String)
    /// A device's chain moved on since a ballot was encrypted on it: another session used the device.
    case chainMoved(device: String)
    /// The store failed underneath.
    case storage(String)
    /// The store holds no referendum yet.
    case noReferendum
    /// The store holds a referendum already; there is one per store.
    case referendumExists
    /// A ballot id or confirmation code that the store holds for another ballot.
    case ballotConflict(String)
    /// An access token's id that is taken.
    case tokenExists(id: String)
    /// A value sent from outside (a device, a form) that breaks a rule of its field: too long, wrong characters.
    case invalidInput(field: String, reason: String)
    /// A station's device acting for a station that is neither its own nor one of its mobile boxes.
    case notOwnStation(token: String, station: String)
    /// A station protocol or an audit entry that the referendum refuses, with the cell and why.
    case paper(cell: String, reason: String)
    /// A station's upload that does not follow on from what the central server holds: a ballot missing
    /// or out of order, a broken chain of codes, or another ballot under a received id.
    case uploadConflict(ballotId: String, reason: String)

    public var description: String {
        switch self {
        case .definition(let file, let line, let field, let reason):
            "\(file)\(line.map { ":\($0)" } ?? ""): \(field): \(reason)"
        case .lifecycle(let action, let state, let required):
            "cannot \(action) while the referendum is \(state.rawValue); it must be \(required.map(\.rawValue).joined(separator: " or "))"
        case .register(let file, let line, let field, let reason): "\(file):\(line): \(field): \(reason)"
        case .script(let file, let line, let field, let reason): "\(file):\(line): \(field): \(reason)"
        case .unknownCredential: "this credential code is not on the register"
        case .paper(let cell, let reason): "\(cell): \(reason)"
        case .wrongStation(let station, let reason): "station \(station): \(reason)"
        case .outsideWindow(let region, let at, let opens, let closes):
            "voting in \(region) is open from \(opens) to \(closes); it is now \(at)"
        case .invalidInput(let field, let reason): "\(field): \(reason)"
        case .notOwnStation(let token, let station):
            "this token is for station \(token); it may act for \(station) only if that is one of its mobile boxes"
        case .uploadConflict(let id, let reason): "ballot \(id): \(reason)"
        case .unknownBallot(let id): "no ballot \(id) in this referendum"
        case .ballotAlreadyDecided(let id, let state): "ballot \(id) is already \(state)"
        case .invalidChoice(let choice): "\(choice) is not an option of this referendum"
        case .mobileVisit(let reason): "mobile box: \(reason)"
        case .counting(let reason): "counting: \(reason)"
        case .guardian(let id, let reason): "guardian \(id): \(reason)"
        case .chainMoved(let device): "device \(device) has moved on since this ballot was encrypted (is it in use elsewhere?)"
        case .storage(let reason): "storage: \(reason)"
        case .noReferendum: "no referendum here yet: run `plebiscite init` with a definition first"
        case .referendumExists: "a referendum already exists in this store"
        case .ballotConflict(let reason): "ballot conflict: \(reason)"
        case .tokenExists(let id): "token \(id) exists already"
        }
    }
}
