/// Where a referendum is in its life. Each step is taken once, in this order (docs/architecture.md).
public enum LifecycleState: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    /// Defined, not yet public.
    case draft
    /// Announced to the public; registers may be imported.
    case announced
    /// The guardians' key ceremony is done; the joint key exists.
    case keysReady = "keys-ready"
    /// Polls are open (each region within its own window).
    case open
    /// Polls are closed; no more ballots.
    case closed
    /// Revotes resolved and encrypted tallies computed.
    case counted
    /// The guardians decrypted the tallies.
    case decrypted
    /// The results are certified.
    case certified
    /// The record is published.
    case published

    /// The state that follows this one, nil at the end.
    public var next: LifecycleState? {
        let all = Self.allCases
        let index = all.firstIndex(of: self)!
        return index + 1 < all.count ? all[index + 1] : nil
    }

    public static func < (a: LifecycleState, b: LifecycleState) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The checked transitions of the lifecycle.
public enum Lifecycle {
    /// Steps that can be asked for, each allowed in one state.
    public enum Action: String, Sendable, CaseIterable {
        case announce, importRegister = "import the register", runCeremony = "run the key ceremony", open,
             cast, close, count, decrypt, certify, publish,
             enterProtocol = "enter a station protocol", audit = "run the risk-limiting audit"

        /// The states in which the action may run.
        public var allowedIn: [LifecycleState] {
            switch self {
            case .announce: [.draft]
            case .importRegister: [.draft, .announced, .keysReady]
            case .runCeremony: [.announced]
            case .open: [.keysReady]
            case .cast: [.open]
            case .close: [.open]
            case .count: [.closed]
            case .decrypt: [.counted]
            case .certify: [.decrypted]
            case .publish: [.certified]
            case .enterProtocol: [.closed, .counted, .decrypted]
            case .audit: [.decrypted]
            }
        }

        /// The state the action leads to, nil when it does not change the state.
        public var leadsTo: LifecycleState? {
            switch self {
            case .announce: .announced
            case .importRegister, .cast, .enterProtocol, .audit: nil
            case .runCeremony: .keysReady
            case .open: .open
            case .close: .closed
            case .count: .counted
            case .decrypt: .decrypted
            case .certify: .certified
            case .publish: .published
            }
        }
    }

    /// Checks that `action` may run in `state`.
    /// - Throws: `ReferendumError.lifecycle` saying what state is needed.
    public static func check(_ action: Action, in state: LifecycleState) throws {
        guard action.allowedIn.contains(state) else {
            throw ReferendumError.lifecycle(action: action.rawValue, state: state, required: action.allowedIn)
        }
    }
}
