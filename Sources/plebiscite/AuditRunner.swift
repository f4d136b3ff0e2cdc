import Forensics
import Foundation

/// The audit command's work, apart from argument parsing: load, run, return the report.
enum AuditRunner {
    static func run(
        results: String, profile: String, skipBadRows: Bool, draws: Int, permutations: Int, seed: UInt64,
        exitPolls: [String], progress: (any ProgressReporter)?
    ) async throws -> AuditReport {
        let columns = try ColumnProfile.load(path: profile)
        let stations = try StationResults.read(path: results, profile: columns, skipBadRows: skipBadRows)
        let polls = try exitPolls.map(ExitPoll.Poll.init(parsing:))
        var options = Audit.Options(draws: draws, exitPolls: polls)
        options.klimek.permutations = permutations
        var random = Xoshiro256(seed: seed)
        return await Audit.run(stations, options: options, random: &random, progress: progress ?? SilentProgress())
    }
}

/// Progress on standard error: one line per stage rewritten in place on a terminal, one line per
/// step otherwise.
struct StandardErrorProgress: ProgressReporter {
    private let terminal = isatty(FileHandle.standardError.fileDescriptor) != 0

    func report(stage: String, fraction: Double) {
        let percent = Int((100 * fraction).rounded(.down))
        let text = terminal ? "\r\(stage): \(percent)%\(fraction >= 1 ? "\n" : "")" : "\(stage): \(percent)%\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
