import ElectionGuard
import ElectionRecord
import Foundation

/// R.1 and R.2: which ballot counts for each voter, and that the ElectionGuard states say the same.
enum RevoteRuleVerification {
    /// R.1: every ballot's pseudonym is on its region's register (only registered voters get a ballot); each voter who cast has exactly
    /// one counted ballot, the one the published rule picks (`station-over-mobile-then-latest`: a station
    /// ballot beats any mobile one, then the later `decided_at`, then the larger ballot id; `latest`: the
    /// later, then the larger id); every superseded ballot names the ballot that counts instead.
    static func verifyCounting(_ facts: ReferendumFacts, rows: [(line: Int, row: BallotRow)], register: [(line: Int, row: RegisterRow)],
                               _ ledger: inout CheckLedger) {
        let rule = facts.definition.revoteRule
        guard ["station-over-mobile-then-latest", "latest"].contains(rule) else {
            return ledger.fail(.r1, CheckFailure(file: "\(ReferendumRecord.directory)/\(ReferendumRecord.File.referendum.rawValue)",
                                                 field: "revote_rule", message: "R.1 unknown revote rule \(rule)"))
        }
        var seen = Set<String>()
        for (line, voter) in register where !seen.insert(voter.pseudonym).inserted {
            ledger.fail(.r1, CheckFailure(file: ReferendumFacts.registerFile, field: "line \(line): pseudonym",
                                          message: "R.1 pseudonym \(voter.pseudonym) is registered twice"))
        }
        var cast = [String: [(line: Int, row: BallotRow)]]()
        for (line, row) in rows {
            switch row.status {
            case .counted, .superseded:
                cast[row.pseudonym, default: []].append((line, row))
                guard row.decidedAt != nil else {
                    ledger.fail(.r1, ReferendumFacts.row(.r1, line, "decided_at", "cast ballot \(row.ballotId) has no decision time"))
                    continue
                }
            case .challenged, .abandoned:
                break
            }
            if row.status != .superseded, row.supersededBy != nil {
                ledger.fail(.r1, ReferendumFacts.row(.r1, line, "superseded_by", "ballot \(row.ballotId) is \(row.status.rawValue) but names a ballot superseding it"))
            }
            let voter = facts.voters[row.pseudonym]
            ledger.check(.r1, voter?.region == row.region, ReferendumFacts.row(
                .r1, line, "pseudonym", voter == nil ? "\(row.status.rawValue) ballot \(row.ballotId): pseudonym not on the register"
                                                     : "\(row.status.rawValue) ballot \(row.ballotId) is for \(row.region), the voter is registered in \(voter!.region)"))
        }
        for pseudonym in cast.keys.sorted() {
            let ballots = cast[pseudonym]!
            let counted = ballots.filter { $0.row.status == .counted }
            guard counted.count == 1 else {
                let line = (counted.count > 1 ? counted[1] : ballots[0]).line
                ledger.fail(.r1, ReferendumFacts.row(.r1, line, "status", "voter \(pseudonym.prefix(12))… has \(counted.count) counted ballots"))
                continue
            }
            let winner = ballots.filter { $0.row.decidedAt != nil }.max { beats($1.row, $0.row, rule: rule) }
            ledger.check(.r1, winner?.row.ballotId == counted[0].row.ballotId, ReferendumFacts.row(
                .r1, counted[0].line, "status",
                "ballot \(counted[0].row.ballotId) counts, but the revote rule picks \(winner?.row.ballotId ?? "none")"))
            for (line, row) in ballots where row.status == .superseded {
                ledger.check(.r1, row.supersededBy == counted[0].row.ballotId, ReferendumFacts.row(
                    .r1, line, "superseded_by", "superseded ballot \(row.ballotId) does not name the counted ballot \(counted[0].row.ballotId)"))
            }
        }
    }

    /// True when `a` should count instead of `b` under `rule`.
    static func beats(_ a: BallotRow, _ b: BallotRow, rule: String) -> Bool {
        if rule == "station-over-mobile-then-latest", a.channel != b.channel { return a.channel == "station" }
        if a.decidedAt != b.decidedAt { return (a.decidedAt ?? .distantPast) > (b.decidedAt ?? .distantPast) }
        return a.ballotId > b.ballotId
    }

    /// R.2: every encrypted ballot has one row and every row a ballot, with the same confirmation code,
    /// device, region and time of encryption; CAST ballots are exactly the counted rows, SPOILED the challenged ones, and the
    /// rest (superseded, abandoned) are UNKNOWN.
    static func verifyStates(_ facts: ReferendumFacts, rows: [(line: Int, row: BallotRow)], pass: BallotPassResult, _ ledger: inout CheckLedger) {
        var byId = [String: (line: Int, row: BallotRow)]()
        for (line, row) in rows {
            if byId[row.ballotId] != nil {
                ledger.fail(.r2, ReferendumFacts.row(.r2, line, "ballot_id", "ballot \(row.ballotId) has two rows"))
            } else {
                byId[row.ballotId] = (line, row)
            }
        }
        var matched = Set<String>()
        for summary in pass.summaries {
            guard let id = summary.ballotId else { continue }
            guard let (line, row) = byId[id] else {
                ledger.fail(.r2, CheckFailure(file: summary.file.path, field: "ballot_id", message: "R.2 ballot \(id) has no row in ballots.csv"),
                            ordinal: summary.ordinal)
                continue
            }
            matched.insert(id)
            let expected: String = switch row.status {
            case .counted: EncryptedBallot.State.cast.rawValue
            case .challenged: EncryptedBallot.State.challenged.rawValue
            case .superseded, .abandoned: EncryptedBallot.State.unknown.rawValue
            }
            let region = facts.regions[row.region]
            let problems = [
                summary.state == expected ? nil : ("status", "ballot \(id) is \(summary.state ?? "unreadable") but its row says \(row.status.rawValue)"),
                summary.confirmationCode?.hex == row.confirmationCode.uppercased() ? nil
                    : ("confirmation_code", "ballot \(id)'s confirmation code differs from its row's"),
                summary.file.device == row.device ? nil : ("device", "ballot \(id) is in device \(summary.file.device), its row says \(row.device)"),
                // Whole seconds both, one truncated and the other perhaps rounded: at most a second apart.
                summary.timestamp.map { abs(Double($0) - row.encryptedAt.timeIntervalSince1970) <= 1 } == true ? nil
                    : ("encrypted_at", "ballot \(id) was encrypted at \(summary.timestamp.map(String.init) ?? "?"), its row says \(row.encryptedAt)"),
                summary.contestIds == [region?.contestId ?? "?"] ? nil
                    : ("region", "ballot \(id) holds contests \(summary.contestIds), its row's region \(row.region) is contest \(region?.contestId ?? "(unknown)")"),
            ].compactMap { $0 }
            if let (field, message) = problems.first {
                ledger.fail(.r2, ReferendumFacts.row(.r2, line, field, message), ordinal: summary.ordinal)
            } else {
                ledger.pass(.r2)
            }
        }
        for (line, row) in rows where !matched.contains(row.ballotId) && byId[row.ballotId]?.line == line {
            ledger.fail(.r2, ReferendumFacts.row(.r2, line, "ballot_id", "row \(row.ballotId) has no encrypted ballot"))
        }
    }
}
