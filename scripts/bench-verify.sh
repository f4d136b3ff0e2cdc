#!/usr/bin/env bash
# The verifier's figures: milliseconds per yes/no ballot verified one by one and batched, on one core
# and on all cores, with the AVX-512 IFMA arithmetic (where the CPU has it) and with GMP
# (PLEBISCITE_NO_IFMA=1, the path before it), the Python peer's verification per ballot measured in the
# same run (by scripts/bench-peer.sh, ElectionGuard for Python 1.4.0, one core), and projections to
# records of 5 and 50 million ballots on 2, 16 and 64 cores. Keeps the JSON in out/bench-verify/.
#
#   scripts/bench-verify.sh [VOTERS] [PEER_BALLOTS]      (defaults 900 voters, about 630 ballots; 100)
#
# The machine may be shared: processor-time figures are the comparable ones, wall-clock figures say
# what a user waits.
set -euo pipefail

voters="${1:-900}"
peer_ballots="${2:-100}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/out/bench-verify"
mkdir -p "$out"

echo "bench-verify: the Python peer (scripts/bench-peer.sh $peer_ballots)" >&2
"$root/scripts/bench-peer.sh" "$peer_ballots" > "$out/bench-peer.txt"

echo "bench-verify: building verify-workload (release)" >&2
swift build -c release --package-path "$root/Benchmarks" --product verify-workload >&2
workload="$(swift build -c release --package-path "$root/Benchmarks" --show-bin-path)/verify-workload"
"$workload" --voters "$voters" --keep "$out/record" > "$out/verify.json"
PLEBISCITE_NO_IFMA=1 "$workload" --record "$out/record" > "$out/verify-gmp.json"
rm -rf "$out/record"

python3 - "$out" "$root/out/bench-peer/python.json" <<'PY'
import json
import sys

out, peer_file = sys.argv[1], sys.argv[2]
ours = json.load(open(f"{out}/verify.json"))
gmp = json.load(open(f"{out}/verify-gmp.json"))
peer = json.load(open(peer_file))
print(f"verifier, {ours['ballots']} yes/no ballots of a demo record, {ours['cores']} cores; "
      f"arithmetic {ours['arithmetic']}, reference GMP (PLEBISCITE_NO_IFMA=1) in the same run")
print(f"{'per ballot':30} {'wall ms':>8} {'CPU ms':>8} {'GMP wall':>9} {'GMP CPU':>8} {'GMP/ours':>9}")
for run, ref in zip(ours["runs"], gmp["runs"]):
    label = f"{run['mode'].replace('_', ' ')}, {run['jobs']} job(s)"
    print(f"{label:30} {run['wall_ms_per_ballot']:8.2f} {run['cpu_ms_per_ballot']:8.2f} "
          f"{ref['wall_ms_per_ballot']:9.2f} {ref['cpu_ms_per_ballot']:8.2f} "
          f"{ref['cpu_ms_per_ballot'] / run['cpu_ms_per_ballot']:8.2f}x")
print(f"{'Python peer (electionguard 1.4.0)':30} {peer['verify_ms_per_ballot']:8.2f} {peer['verify_cpu_ms_per_ballot']:8.2f}"
      f"   (1 core, {peer['ballots']} ballots, with its subgroup checks)")
one = next(r for r in ours["runs"] if r["mode"] == "one_by_one" and r["jobs"] == 1)
batched = next(r for r in ours["runs"] if r["mode"] == "batched" and r["jobs"] == 1)
print(f"CPU per ballot per core: one by one {one['cpu_ms_per_ballot']:.2f} ms, batched {batched['cpu_ms_per_ballot']:.2f} ms "
      f"(goal <= 4 ms); Python peer / one by one = {peer['verify_cpu_ms_per_ballot'] / one['cpu_ms_per_ballot']:.1f}x, "
      f"Python peer / batched = {peer['verify_cpu_ms_per_ballot'] / batched['cpu_ms_per_ballot']:.1f}x")
projections = {}
print("projection, batched, from the one-core CPU rate spread over the cores (hours):")
print(f"{'ballots':>12} {'2 cores':>9} {'16 cores':>9} {'64 cores':>9}")
for ballots in (5_000_000, 50_000_000):
    hours = [batched["cpu_ms_per_ballot"] * ballots / cores / 3_600_000 for cores in (2, 16, 64)]
    projections[str(ballots)] = dict(zip(("2", "16", "64"), [round(h, 2) for h in hours]))
    print(f"{ballots:12,d} {hours[0]:9.2f} {hours[1]:9.2f} {hours[2]:9.2f}")
json.dump({"verifier": ours, "verifier_gmp": gmp, "python_peer": peer, "projection_hours_batched": projections},
          open(f"{out}/summary.json", "w"), indent=2)
PY
