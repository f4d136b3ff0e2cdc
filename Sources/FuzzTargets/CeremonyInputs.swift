import Foundation
import Referendum

/// The key ceremony's files and messages as a server or a guardian's command reads them: the first
/// byte picks a guardian's messages (POST /api/v1/guardian/ceremony, `plebiscite ceremony import`), the
/// ceremony's log (`GET /api/v1/guardian/ceremony`, `--bundle`) or a guardian's own state file.
enum CeremonyInputs {
    static func run(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let data = Data(bytes.dropFirst())
        switch selector % 3 {
        case 0: _ = try? JSONDecoder().decode([CeremonyMessage].self, from: data)
        case 1: _ = try? JSONDecoder().decode(CeremonyBundle.self, from: data)
        default: _ = try? JSONDecoder().decode(GuardianCeremony.self, from: data)
        }
    }
}
