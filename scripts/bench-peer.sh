#!/usr/bin/env bash
# Per-ballot figures of the referendum workload (one yes/no contest, 5 guardians, quorum 3) for Plebiscite
# and for Microsoft's ElectionGuard for Python 1.4.0, measured in one run, one after the other, each
# pinned to the same core; prints both and their ratios, and keeps the JSON of each in out/bench-peer/.
#
#   scripts/bench-peer.sh [BALLOTS]        (default 200)
#
# Environment: BENCH_CPU, the core to pin to (default 0); PEER_PYTHON, a Python 3.10 or older to make
# the venv .venv-peer from (default pyenv's 3.10.13; electionguard 1.4.0 does not import on 3.11).
set -euo pipefail

ballots="${1:-200}"
cpu="${BENCH_CPU:-0}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv-peer"
out="$root/out/bench-peer"
peer_python="${PEER_PYTHON:-/root/.pyenv/versions/3.10.13/bin/python}"

command -v taskset >/dev/null || { echo "bench-peer: taskset (util-linux) is needed to pin the core" >&2; exit 1; }
mkdir -p "$out"

if ! "$venv/bin/python" -c 'import electionguard, gmpy2; assert gmpy2.version() == "2.3.2"' 2>/dev/null; then
    echo "bench-peer: making $venv from $peer_python" >&2
    rm -rf "$venv"
    "$peer_python" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check electionguard==1.4.0 gmpy2==2.3.2 >&2
fi

echo "bench-peer: building ballot-workload (release)" >&2
swift build -c release --package-path "$root/Benchmarks" --product ballot-workload >&2
workload="$(swift build -c release --package-path "$root/Benchmarks" --show-bin-path)/ballot-workload"

echo "bench-peer: Swift, $ballots ballots on core $cpu" >&2
taskset -c "$cpu" "$workload" --ballots "$ballots" > "$out/swift.json"
echo "bench-peer: Python peer, $ballots ballots on core $cpu" >&2
taskset -c "$cpu" "$venv/bin/python" "$root/scripts/peer_workload.py" --ballots "$ballots" > "$out/python.json"

"$venv/bin/python" - "$out" <<'EOF'
import json
import sys

out = sys.argv[1]
swift = json.load(open(f"{out}/swift.json"))
peer = json.load(open(f"{out}/python.json"))
rows = [
    ("encrypt+prove, wall ms/ballot", "encrypt_ms_per_ballot", "encrypt_ms_per_ballot"),
    ("encrypt+prove, CPU ms/ballot", "encrypt_cpu_ms_per_ballot", "encrypt_cpu_ms_per_ballot"),
    ("verify, wall ms/ballot", "verify_ms_per_ballot", "verify_ms_per_ballot"),
    ("verify, CPU ms/ballot", "verify_cpu_ms_per_ballot", "verify_cpu_ms_per_ballot"),
    ("verify + subgroup checks, wall ms/ballot", "verify_with_subgroup_checks_ms_per_ballot", "verify_ms_per_ballot"),
    ("verify + subgroup checks, CPU ms/ballot", "verify_with_subgroup_checks_cpu_ms_per_ballot", "verify_cpu_ms_per_ballot"),
]
summary = {"ballots": swift["ballots"], "rows": []}
print(f"{'per ballot, one core':44} {'Swift':>9} {'Python':>9} {'Python/Swift':>13}")
for label, swift_key, peer_key in rows:
    ratio = peer[peer_key] / swift[swift_key]
    summary["rows"].append({"figure": label, "swift": swift[swift_key], "python": peer[peer_key], "ratio": round(ratio, 2)})
    print(f"{label:44} {swift[swift_key]:9.3f} {peer[peer_key]:9.3f} {ratio:12.1f}x")
exponentiations = swift["exponentiations_per_ballot"]
peer_exponentiations = peer["exponentiations_per_ballot"]
print(f"{'exponentiations, encrypt':44} {exponentiations['encrypt']['total']:9d} "
      f"{peer_exponentiations['encrypt']['exponentiations']:9d}")
print(f"{'exponentiations, verify (+ subgroup checks)':44} "
      f"{str(exponentiations['verify']['total']) + ' (' + str(exponentiations['verify_with_subgroup_checks']['total']) + ')':>9} "
      f"{peer_exponentiations['verify']['exponentiations']:9d}")
print(f"(the Python peer's verification includes its {peer_exponentiations['verify']['subgroup_checks']} subgroup "
      f"checks; as shipped, with its logging: encrypt {peer['as_shipped']['encrypt_cpu_ms_per_ballot']} ms, "
      f"verify {peer['as_shipped']['verify_cpu_ms_per_ballot']} ms CPU per ballot)")
print(f"goals: encrypt+prove <= 2 ms, verify <= 20 ms per ballot; JSON in {out}/")
json.dump(summary, open(f"{out}/summary.json", "w"), indent=2)
EOF
