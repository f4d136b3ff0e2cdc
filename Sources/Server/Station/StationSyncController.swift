import Foundation
import Hummingbird
import Referendum

/// The central server's routes for stations that vote offline (role `station:<id>`, docs/stations.md):
/// the station's package, and its uploads of ballots in chain order. The rules are Referendum's
/// (`ReferendumEngine.stationPackage`, `receive`); this only translates HTTP.
struct StationSyncController<Context: RequestContextWithRole> {
    let engine: ReferendumEngine
    let rosters: StationRosters
    let log: StationSyncLog

    func addRoutes(to group: RouterGroup<Context>) {
        group.add(middleware: RequireRole<Context>(.station))
        group.get("package") { _, context in
            let roster = try await rosters.roster(of: try station(context), engine: engine)
            return JSONResponse(try await engine.stationPackage(roster))
        }
        group.post("uploads") { request, context in
            let upload = try await request.decodeJSON(StationUpload.self, context: context)
            let roster = try await rosters.roster(of: try station(context), engine: engine)
            // Heard before the ballots are checked: observers see what the station holds even when its
            // upload is refused.
            await log.heard(upload, station: roster.station.id, at: engine.clock.now())
            return JSONResponse(try await engine.receive(upload, roster: roster))
        }
    }

    func station(_ context: Context) throws -> String {
        guard let id = context.role?.stationId else { throw APIError(.forbidden, "this route needs a station token") }
        return id
    }
}

/// What each station last said about its devices, in this process's memory: a station says it again
/// at every sync, so a restarted central server learns it anew within one sync interval.
actor StationSyncLog {
    struct Heard: Sendable {
        let station: String
        let stationLength: Int
        let at: Date
    }

    private var devices = [String: Heard]()

    func heard(_ upload: StationUpload, station: String, at date: Date) {
        for batch in upload.devices where batch.device.count <= ReferendumDefinition.maximumInputLength {
            devices[batch.device] = Heard(station: station, stationLength: batch.stationLength, at: date)
        }
    }

    /// Every device heard of, with the central server's chain of it.
    func status(store: any ReferendumStore) async throws -> [DeviceSyncStatus] {
        var rows = [DeviceSyncStatus]()
        for (device, heard) in devices.sorted(by: { $0.key < $1.key }) {
            let head = try await store.chainHead(device: device)
            rows.append(DeviceSyncStatus(device: device, station: heard.station, received: head?.length ?? 0,
                                         lastBallotId: head.map { BallotEntry.ballotId(device: device, sequence: $0.length) },
                                         stationLength: heard.stationLength, lastUploadAt: heard.at))
        }
        return rows
    }
}
