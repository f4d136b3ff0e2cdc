import ElectionGuard
import ElectionRecord

/// The referendum's rules R.1–R.5 (docs/referendum-record.md, "The referendum's rules a verifier
/// checks"), on the files of `referendum/` and what the ballot pass found in the ElectionGuard files.
enum ReferendumVerification {
    static func run(_ context: VerificationContext, _ files: ReferendumFiles, _ pass: BallotPassResult, _ ledger: inout CheckLedger) {
        let rules: [CheckID] = [.r1, .r2, .r3, .r4, .r5]
        guard files.present else {
            for id in rules { ledger.skip(id, "the record has no referendum/ directory") }
            return
        }
    }
}
