// The mathematics of risk-limiting audits, for one contest at a time.
//
// The map:
// - `Contest` (reported votes, ballots cast, an optional `QualifiedMajority`) gives its reported
//   `Outcome` and the `Assertion`s that together imply it: one per winner/loser pair, or one
//   "option against the rest at a threshold" for a qualified majority.
// - `BallotSampler` draws ballots from a `BallotManifest` with SHA-256 tickets (Rivest's consistent
//   sampler, as Arlo uses it); `BatchSampler` draws batches with probability proportional to their
//   error bound (PPEB), with replacement.
// - `Bravo` (ballot polling with replacement), `Alpha` (ballot polling without replacement),
//   `Macro` (batch comparison) and `SuperSimple` (ballot comparison) measure risk and estimate
//   sample sizes.
// - `AuditRounds` is the round driver: the measured risk, whether to stop, and the next round's
//   size, ending in a full hand count when the risk limit is not met.
//
// Everything is a value: no I/O, no clock, no global random source. docs/risk-limiting-audits.md
// gives the formulas, the exact bytes the samplers hash and the known answers the tests check.
