import Foundation

/// Casting from a script, for batch use and tests (`plebiscite cast SCRIPT.csv`). Each line is one
/// voter at one device: `time,credential,station,device,choice,action[,visit]`, with `action` one of
/// `cast`, `challenge` (encrypt and challenge only) or `challenge-then-cast`. A mobile ballot names an
/// open visit (`visit-start` lines open one: `time,,box,,,visit-start,visit-id`; `visit-end` closes it).
public enum ScriptedCasting {
    /// What a script did.
    public struct Summary: Sendable, Hashable {
        public var cast = 0
        public var challenged = 0
        /// Confirmation codes of cast ballots, in script order (hex).
        public var codes = [String]()
    }

    /// Runs `script` line by line; stops at the first failing line.
    /// - Throws: `ReferendumError.script` naming the file, line and field; a casting error on a line is
    ///   reported the same way, with the casting error as the reason.
    public static func run<R: RandomNumberGenerator>(_ script: String, file: String, desk: CastingDesk, using generator: inout R) async throws -> Summary {
        var summary = Summary()
        var visits = [String: MobileVisit]()
        let format = ISO8601DateFormatter()
        for (offset, raw) in script.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("time,") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            func fail(_ field: String, _ reason: String) -> ReferendumError {
                .script(file: file, line: number, field: field, reason: reason)
            }
            guard fields.count >= 6 else { throw fail("(line)", "expected time,credential,station,device,choice,action[,visit]") }
            guard let time = format.date(from: fields[0]) else { throw fail("time", "\(fields[0]) is not an ISO 8601 time") }
            let visitId = fields.count > 6 && !fields[6].isEmpty ? fields[6] : nil
            do {
                switch fields[5] {
                case "visit-start":
                    guard let visitId else { throw fail("visit", "name the visit") }
                    visits[visitId] = try await desk.startVisit(id: visitId, stationId: fields[2], request: "scripted request",
                                                                 requestedAt: time, officials: ["scripted official"], observers: [], at: time)
                case "visit-end":
                    guard let visitId, let visit = visits[visitId] else { throw fail("visit", "no open visit \(visitId ?? "")") }
                    visits[visitId] = try await desk.endVisit(visit, at: time)
                case "cast", "challenge", "challenge-then-cast":
                    let session = try await desk.checkIn(credential: fields[1], stationId: fields[2], at: time)
                    let visit = try visitId.map { id in
                        guard let visit = visits[id] else { throw fail("visit", "no open visit \(id)") }
                        return visit
                    }
                    if fields[5] != "cast" {
                        let pending = try await desk.encrypt(session, choice: fields[4], deviceId: fields[3], visit: visit, at: time, using: &generator)
                        _ = try await desk.challenge(pending, at: time)
                        summary.challenged += 1
                        if fields[5] == "challenge" { continue }
                    }
                    let pending = try await desk.encrypt(session, choice: fields[4], deviceId: fields[3], visit: visit, at: time, using: &generator)
                    let entry = try await desk.cast(pending, at: time)
                    summary.cast += 1
                    summary.codes.append(entry.confirmationCode.hex)
                case let other:
                    throw fail("action", "\(other) is not cast, challenge, challenge-then-cast, visit-start or visit-end")
                }
            } catch let error as ReferendumError {
                if case .script = error { throw error }
                throw fail("(line)", error.description)
            }
        }
        return summary
    }
}
