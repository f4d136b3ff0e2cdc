import Foundation
import Referendum

/// What crosses the link between a station and the central server, as each side reads it: the first
/// byte picks a station's upload (`POST /api/v1/station/uploads`, with its limits), the station's
/// package (`plebiscite station`, then the setup it seeds) or the central server's receipt.
enum StationInputs {
    static func run(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let data = Data(bytes.dropFirst())
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        switch selector % 3 {
        case 0: _ = try? decoder.decode(StationUpload.self, from: data).requireWithinLimits()
        case 1: _ = try? decoder.decode(StationPackage.self, from: data).stationSetup()
        default: _ = try? decoder.decode(UploadReceipt.self, from: data)
        }
    }
}
