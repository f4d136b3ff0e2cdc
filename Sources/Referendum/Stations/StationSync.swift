import Foundation

/// How a station reaches the central server; `HTTPStationLink` in Server, or the engine itself in tests.
public protocol StationLink: Sendable {
    /// The station's package.
    func package() async throws -> StationPackage
    /// Hands in an upload; returns the central server's receipt.
    func upload(_ upload: StationUpload) async throws -> UploadReceipt
}

/// The station's side of syncing (docs/stations.md): ask the central server where each device's
/// chain ends, then send the ballots after it, decided ones only and in chain order, in bounded
/// batches, with the mobile-box visits. Every step can be repeated: an interrupted sync resumes
/// from the heads the central server reports.
public struct StationSync: Sendable {
    /// The station's own store.
    public let store: any ReferendumStore
    public let link: any StationLink
    public let clock: any ReferendumClock
    /// A pending ballot older than this has no session left to decide it (sessions live in memory and
    /// end after their idle lifetime): it is abandoned, so that the chain after it can be sent.
    public let abandonAfter: TimeInterval
    /// Ballots per upload.
    public let batchSize: Int

    public init(store: any ReferendumStore, link: any StationLink, clock: any ReferendumClock = SystemClock(),
                abandonAfter: TimeInterval = 16 * 60, batchSize: Int = 50) {
        self.store = store
        self.link = link
        self.clock = clock
        self.abandonAfter = abandonAfter
        self.batchSize = min(max(batchSize, 1), StationUpload.maximumBallots)
    }

    /// What one sync did.
    public struct Report: Sendable, Hashable {
        /// Ballots the central server stored.
        public var sent = 0
        /// Ballots still to send (pending, or after a pending one).
        public var waiting = 0
        /// The central server's state.
        public var centralState: LifecycleState?
    }

    /// Abandons the pending ballots whose voter session cannot exist any more: all of them when the
    /// station process has just started (sessions live in its memory only), else those older than
    /// `abandonAfter`.
    public func abandonStale(all: Bool = false) async throws {
        let now = clock.now()
        var after: String?
        while true {
            let page = try await store.entries(statuses: [.pending], after: after, limit: 500)
            for entry in page where all || now.timeIntervalSince(entry.encryptedAt) > abandonAfter {
                _ = try await store.decide(ballotId: entry.ballotId, status: .abandoned, at: now, nonce: nil, choice: nil)
            }
            guard page.count == 500, let last = page.last else { break }
            after = last.ballotId
        }
    }

    /// One sync: every device's ballots the central server lacks, then the visit log; and the local
    /// referendum closes when the central one has.
    /// - Throws: the link's errors (the central server unreachable, or refusing); nothing local changes
    ///   but the abandoning of stale pending ballots.
    public func sync() async throws -> Report {
        try await abandonStale()
        var report = Report()
        let devices = try await localDevices()
        let visits = try await store.mobileVisits()
        var receipts = [UploadReceipt.DeviceReceipt]()
        let names = devices.keys.sorted()
        for start in stride(from: 0, to: max(names.count, 1), by: StationUpload.maximumDevices) {
            let chunk = names[start..<min(start + StationUpload.maximumDevices, names.count)]
            let heads = try await link.upload(StationUpload(devices: chunk.map { .init(device: $0, stationLength: devices[$0]!.length, ballots: []) }))
            report.centralState = heads.state
            receipts += heads.devices
        }
        for receipt in receipts {
            guard let local = devices[receipt.device] else { continue }
            var sentLength = receipt.head?.length ?? 0
            while sentLength < local.length {
                let batch = try await decidedBallots(device: receipt.device, after: sentLength)
                guard !batch.isEmpty else {
                    report.waiting += local.length - sentLength
                    break
                }
                let visitIds = Set(batch.compactMap(\.mobileVisitId))
                let answer = try await link.upload(StationUpload(
                    devices: [.init(device: receipt.device, stationLength: local.length, ballots: batch)],
                    visits: visits.filter { visitIds.contains($0.id) }))
                report.centralState = answer.state
                let now = answer.devices.first?.head?.length ?? 0
                guard now > sentLength else {
                    throw ReferendumError.uploadConflict(ballotId: batch[0].ballotId, reason: "the central server's chain did not move")
                }
                report.sent += now - sentLength
                sentLength = now
            }
        }
        if !visits.isEmpty {
            for start in stride(from: 0, to: visits.count, by: StationUpload.maximumVisits) {
                let answer = try await link.upload(StationUpload(devices: [], visits: Array(visits[start..<min(start + StationUpload.maximumVisits, visits.count)])))
                report.centralState = answer.state
            }
        }
        if let central = report.centralState, central != .open, central != .keysReady, try await store.state() == .open {
            try await store.transition(from: .open, to: .closed, at: clock.now()) { _ in }
        }
        return report
    }

    /// Every device of the station's store and its chain head.
    func localDevices() async throws -> [String: ChainHead] {
        var devices = [String: ChainHead]()
        for summary in try await store.summaries() {
            guard let dash = summary.ballotId.lastIndex(of: "-") else { continue }
            let device = String(summary.ballotId[..<dash])
            if devices[device] == nil, let head = try await store.chainHead(device: device) { devices[device] = head }
        }
        return devices
    }

    /// Up to `batchSize` ballots of `device` after its `after`-th, decided ones only, stopping at the
    /// first pending one.
    func decidedBallots(device: String, after: Int) async throws -> [BallotEntry] {
        let page = try await store.entries(statuses: Set(BallotStatus.allCases),
                                           after: after == 0 ? "\(device)-" : BallotEntry.ballotId(device: device, sequence: after),
                                           limit: batchSize)
        return Array(page.prefix { $0.deviceId == device && $0.status != .pending })
    }
}
