"""The referendum ballot workload on Microsoft's ElectionGuard for Python 1.4.0 (spec 1.0), for comparison.

The same shape as Benchmarks/Sources/ballot-workload: one contest "referendum" with the selections "yes"
and "no", one vote allowed; 5 guardians with quorum 3 and their key ceremony; then N ballots encrypted
with their proofs, and N ballots verified one by one, each timed on the one core this process runs on.
Prints one JSON object. Run it through scripts/bench-peer.sh, which makes the venv and pins the core.

What is timed, per ballot:
- encrypt: electionguard.encrypt.encrypt_ballot (selections, placeholder, disjunctive and constant
  Chaum-Pedersen proofs, contest data, hashes and the ballot code), proofs not re-verified;
- verify: CiphertextBallot.is_valid_encryption (every selection's disjunctive proof, the contest's
  constant proof, the crypto hashes), which also checks that each ciphertext and proof commitment is in
  the order-q subgroup.

The library formats every log_info message (inspect.stack(), 4096-bit numbers in hex) and prints it at INFO
level to standard output; the headline figures replace its log_info with a no-op (the peer at its fastest,
and standard output stays JSON), the figures "as_shipped" keep it, writing to /dev/null.
"""

import argparse
import json
import logging
import os
import sys
import time
from contextlib import contextmanager
from datetime import datetime

import gmpy2

import electionguard.group as eg_group
import electionguard.logs as eg_logs
from electionguard.ballot import PlaintextBallot, PlaintextBallotContest, PlaintextBallotSelection
from electionguard.election import make_ciphertext_election_context
from electionguard.encrypt import EncryptionDevice, encrypt_ballot
from electionguard.guardian import Guardian
from electionguard.key_ceremony import CeremonyDetails
from electionguard.key_ceremony_mediator import KeyCeremonyMediator
from electionguard.logs import LOG
from electionguard.manifest import (
    BallotStyle,
    Candidate,
    ElectionType,
    GeopoliticalUnit,
    InternalManifest,
    Manifest,
    ReferendumContestDescription,
    ReportingUnitType,
    SelectionDescription,
    SpecVersion,
    VoteVariationType,
)

GUARDIANS = 5
QUORUM = 3
STYLE = "referendum-style"
CONTEST = "referendum"


def referendum_manifest() -> Manifest:
    """One geopolitical unit, one ballot style, one yes/no contest with one vote allowed."""
    unit = GeopoliticalUnit("district", "District", ReportingUnitType.municipality)
    selections = [SelectionDescription("yes", 0, "yes"), SelectionDescription("no", 1, "no")]
    contest = ReferendumContestDescription(
        CONTEST, 0, unit.object_id, VoteVariationType.one_of_m, 1, 1, "Referendum", selections
    )
    return Manifest(
        "plebiscite-benchmark",
        SpecVersion.EG1_0,
        ElectionType.special,
        datetime(2026, 1, 1),
        datetime(2026, 1, 2),
        [unit],
        [],
        [Candidate("yes"), Candidate("no")],
        [contest],
        [BallotStyle(STYLE, [unit.object_id])],
    )


def key_ceremony():
    """Announce, exchange and verify backups among 5 guardians through the library's mediator."""
    details = CeremonyDetails(GUARDIANS, QUORUM)
    guardians = [Guardian.from_nonce(f"guardian-{i}", i, GUARDIANS, QUORUM) for i in range(1, GUARDIANS + 1)]
    mediator = KeyCeremonyMediator("mediator", details)
    for guardian in guardians:
        mediator.announce(guardian.share_key())
    for guardian in guardians:
        for key in mediator.share_announced(guardian.id):
            guardian.save_guardian_key(key)
    for guardian in guardians:
        if not guardian.generate_election_partial_key_backups():
            raise RuntimeError(f"{guardian.id} could not make its backups")
        mediator.receive_backups(guardian.share_election_partial_key_backups())
    for guardian in guardians:
        for backup in mediator.share_backups(guardian.id):
            guardian.save_election_partial_key_backup(backup)
    for guardian in guardians:
        verifications = [guardian.verify_election_partial_key_backup(other.id)
                         for other in guardians if other.id != guardian.id]
        mediator.receive_backup_verifications(verifications)
    joint = mediator.publish_joint_key()
    if joint is None:
        raise RuntimeError("the key ceremony did not produce a joint key")
    return joint


def plaintext_ballot(number: int) -> PlaintextBallot:
    """Ballot `number` votes yes when even and no when odd, like the Swift workload."""
    choice = "yes" if number % 2 == 0 else "no"
    contest = PlaintextBallotContest(CONTEST, [PlaintextBallotSelection(choice, 1)])
    return PlaintextBallot(f"ballot-{number}", STYLE, [contest])


def silence_log_info():
    """Replaces log_info with a no-op in every electionguard module that imported it; returns what to restore."""
    silenced, shipped = [], eg_logs.log_info
    for name, module in list(sys.modules.items()):
        if name.startswith("electionguard.") and module is not eg_logs and getattr(module, "log_info", None) is shipped:
            silenced.append((module, module.log_info))
            module.log_info = lambda *args, **kwargs: None
    return silenced


@contextmanager
def shipped_logging(silenced, stream):
    """The library's own log_info again, its handlers writing to `stream`, for the duration."""
    handlers = [handler for handler in LOG.handlers() if isinstance(handler, logging.StreamHandler)]
    previous = [handler.setStream(stream) for handler in handlers]
    for module, shipped in silenced:
        module.log_info = shipped
    try:
        yield
    finally:
        for module, _ in silenced:
            module.log_info = lambda *args, **kwargs: None
        for handler, old in zip(handlers, previous):
            handler.setStream(old)


class PowmodCounter:
    """Counts the library's modular exponentiations by wrapping the powmod that electionguard.group calls."""

    def __init__(self) -> None:
        self.generator = int(eg_group.get_generator())
        self.small_prime = int(eg_group.get_small_prime())
        self.counts = {"fixed_base_g": 0, "variable_base": 0, "subgroup_checks": 0, "inverses": 0}

    def __call__(self, base, exponent, modulus):
        if exponent == -1:
            self.counts["inverses"] += 1
        elif exponent == self.small_prime:
            self.counts["subgroup_checks"] += 1
        elif base == self.generator:
            self.counts["fixed_base_g"] += 1
        else:
            self.counts["variable_base"] += 1
        return gmpy2.powmod(base, exponent, modulus)

    def take(self) -> dict:
        counts = dict(self.counts)
        counts["exponentiations"] = counts["fixed_base_g"] + counts["variable_base"] + counts["subgroup_checks"]
        for key in self.counts:
            self.counts[key] = 0
        return counts


def per_ballot(work, count):
    """Runs `work`; returns its result and milliseconds per ballot, wall-clock and CPU (process time)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return result, round(1000 * wall / count, 3), round(1000 * cpu / count, 3)


def timed_run(ballots, manifest, context, seed) -> dict:
    """Encrypts every ballot, then verifies every one; milliseconds per ballot for each phase."""
    encrypted, encrypt_ms, encrypt_cpu_ms = per_ballot(
        lambda: [encrypt_ballot(ballot, manifest, context, seed) for ballot in ballots], len(ballots))
    if any(ballot is None for ballot in encrypted):
        raise RuntimeError("a ballot failed to encrypt")
    valid, verify_ms, verify_cpu_ms = per_ballot(
        lambda: [ballot.is_valid_encryption(manifest.manifest_hash, context.elgamal_public_key,
                                            context.crypto_extended_base_hash) for ballot in encrypted],
        len(ballots))
    if not all(valid):
        raise RuntimeError("a ballot failed to verify")
    return {"ballots": len(ballots), "encrypt_ms_per_ballot": encrypt_ms, "encrypt_cpu_ms_per_ballot": encrypt_cpu_ms,
            "verify_ms_per_ballot": verify_ms, "verify_cpu_ms_per_ballot": verify_cpu_ms}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=200, help="ballots to encrypt and verify (default 200)")
    parser.add_argument("--as-shipped-ballots", type=int, default=50,
                        help="ballots for the run with the library's logging left on (default 50; 0 skips it)")
    arguments = parser.parse_args()
    if os.environ.get("PRIME_OPTION", "Standard") != "Standard":
        sys.exit("PRIME_OPTION must be unset: the workload uses the standard 4096-bit group")
    silenced = silence_log_info()

    start = time.perf_counter()
    joint = key_ceremony()
    key_ceremony_seconds = time.perf_counter() - start
    manifest = InternalManifest(referendum_manifest())
    context = make_ciphertext_election_context(
        GUARDIANS, QUORUM, joint.joint_public_key, joint.commitment_hash, manifest.manifest_hash)
    seed = EncryptionDevice(1, 1, 1, "bench").get_hash()
    ballots = [plaintext_ballot(number) for number in range(arguments.ballots)]

    as_shipped = None
    if arguments.as_shipped_ballots > 0:
        with open(os.devnull, "w") as nowhere, shipped_logging(silenced, nowhere):
            as_shipped = timed_run(ballots[: arguments.as_shipped_ballots], manifest, context, seed)

    figures = timed_run(ballots, manifest, context, seed)

    counter = PowmodCounter()
    eg_group.powmod = counter
    one = encrypt_ballot(ballots[0], manifest, context, seed)
    encrypt_counts = counter.take()
    one.is_valid_encryption(manifest.manifest_hash, context.elgamal_public_key, context.crypto_extended_base_hash)
    verify_counts = counter.take()
    eg_group.powmod = gmpy2.powmod

    contest = manifest.contests[0]
    print(json.dumps({
        "implementation": "electionguard 1.4.0 (Python, spec 1.0)",
        "python": sys.version.split()[0],
        "gmpy2": gmpy2.version(),
        "gmp": gmpy2.mp_version(),
        "p_bits": int(eg_group.get_large_prime()).bit_length(),
        "cpus_allowed": len(os.sched_getaffinity(0)),
        "guardians": GUARDIANS,
        "quorum": QUORUM,
        "contest": {"selections": len(contest.ballot_selections), "placeholders": len(contest.placeholder_selections),
                    "votes_allowed": contest.votes_allowed},
        "key_ceremony_s": round(key_ceremony_seconds, 3),
        **figures,
        "as_shipped": as_shipped,
        "exponentiations_per_ballot": {"encrypt": encrypt_counts, "verify": verify_counts},
        "exponentiation_count_method": "calls of gmpy2.powmod made through electionguard.group, counted by "
                                       "wrapping it while one ballot is encrypted and verified; an exponent "
                                       "of q is a subgroup check, a base of g is fixed-base",
    }, indent=2))


if __name__ == "__main__":
    main()
