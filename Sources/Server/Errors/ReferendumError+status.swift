import Hummingbird
import Referendum

extension APIError {
    /// The HTTP answer to a domain error: the status lives here, the message is the domain's own.
    init(_ error: ReferendumError) {
        let (status, reason): (HTTPResponse.Status, String) = switch error {
        case .definition: (.unprocessableContent, "invalid-definition")
        case .register: (.unprocessableContent, "invalid-register")
        case .script: (.unprocessableContent, "invalid-script")
        case .lifecycle: (.conflict, "wrong-state")
        case .unknownCredential: (.unprocessableContent, "unknown-credential")
        case .wrongStation: (.unprocessableContent, "wrong-station")
        case .outsideWindow: (.conflict, "outside-window")
        case .unknownBallot: (.notFound, "unknown-ballot")
        case .ballotAlreadyDecided: (.conflict, "already-decided")
        case .invalidChoice: (.unprocessableContent, "invalid-choice")
        case .mobileVisit: (.conflict, "mobile-visit")
        case .counting: (.conflict, "counting")
        case .guardian: (.unprocessableContent, "guardian")
        case .chainMoved: (.conflict, "device-in-use")
        case .invalidInput: (.unprocessableContent, "invalid-input")
        case .notOwnStation: (.forbidden, "wrong-station")
        case .paper: (.unprocessableContent, "paper")
        case .uploadConflict: (.conflict, "upload-conflict")
        case .noReferendum: (.conflict, "no-referendum")
        case .referendumExists, .tokenExists: (.conflict, "exists")
        // Two sessions on one device encrypted the same sequence number: the later one lost the race.
        case .ballotConflict: (.conflict, "device-in-use")
        case .storage: (.serviceUnavailable, "storage")
        }
        self.init(status, error.description, reason: reason)
    }
}
