#!/usr/bin/env bash
# The verifier's figures: milliseconds per yes/no ballot verified one by one and batched, on one core
# and on all cores, the Python peer's verification per ballot measured in the same run (by
# scripts/bench-peer.sh, ElectionGuard for Python 1.4.0, one core), and a projection to a record of
# 1,000,000 ballots on this machine. Keeps the JSON in out/bench-verify/.
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
"$workload" --voters "$voters" > "$out/verify.json"

python3 - "$out" "$root/out/bench-peer/python.json" <<'PY'
import json
import sys

out, peer_file = sys.argv[1], sys.argv[2]
ours = json.load(open(f"{out}/verify.json"))
peer = json.load(open(peer_file))
print(f"verifier, {ours['ballots']} yes/no ballots of a demo record, {ours['cores']} cores")
print(f"{'per ballot':34} {'wall ms':>9} {'CPU ms':>9}")
for run in ours["runs"]:
    label = f"{run['mode'].replace('_', ' ')}, {run['jobs']} job(s)"
    print(f"{label:34} {run['wall_ms_per_ballot']:9.2f} {run['cpu_ms_per_ballot']:9.2f}")
print(f"{'Python peer (electionguard 1.4.0)':34} {peer['verify_ms_per_ballot']:9.2f} {peer['verify_cpu_ms_per_ballot']:9.2f}"
      f"   (1 core, {peer['ballots']} ballots, with its subgroup checks)")
batched_one = next(r for r in ours["runs"] if r["mode"] == "batched" and r["jobs"] == 1)
print(f"batched, CPU per ballot per core: {batched_one['cpu_ms_per_ballot']:.2f} ms (goal <= 4 ms); "
      f"Python peer / batched = {peer['verify_cpu_ms_per_ballot'] / batched_one['cpu_ms_per_ballot']:.1f}x")
print(f"1,000,000 ballots: {ours['projection_1m_ballots_minutes_all_cores_wall']:.0f} min at the measured all-cores wall rate; "
      f"{ours['projection_1m_ballots_minutes_cpu_spread_over_cores']:.0f} min from the one-core CPU rate spread over {ours['cores']} cores "
      f"(goal <= 35 min on 2 cores)")
json.dump({"verifier": ours, "python_peer": peer}, open(f"{out}/summary.json", "w"), indent=2)
PY
