import Forensics
import Foundation

/// The audit command's work, apart from argument parsing: load, run, return the report.
enum AuditRunner {
    static func run(
        results: String, profile: String, skipBadRows: Bool, draws: Int, bootstrap: Int, seed: UInt64,
        exitPolls: [String], progress: (any ProgressReporter)?
    ) async throws -> AuditReport {
        let columns = try ColumnProfile.load(path: profile)
        let stations = try StationResults.read(path: results, profile: columns, skipBadRows: skipBadRows)
        let polls = try exitPolls.map(ExitPoll.Poll.init(parsing:))
        var options = Audit.Options(draws: draws, exitPolls: polls)
        options.klimek.bootstrap = bootstrap
        var random = Xoshiro256(seed: seed)
        return await Audit.run(stations, options: options, random: &random, progress: progress ?? SilentProgress())
    }
}

/// Progress on standard error, one line per stage, rewritten in place.
struct StandardErrorProgress: ProgressReporter {
    func report(stage: String, fraction: Double) {
        let percent = Int((100 * fraction).rounded(.down))
        let end = fraction >= 1 ? "\n" : ""
        FileHandle.standardError.write(Data("\r\(stage): \(percent)%\(end)".utf8))
    }
}
