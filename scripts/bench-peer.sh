#!/usr/bin/env bash
# Per-ballot figures of the referendum workload (one yes/no contest, 5 guardians, quorum 3) for Plebiscite
# and for Microsoft's ElectionGuard for Python 1.4.0, measured in one run, one after the other, each
# pinned to the same core; prints them and their ratios, and keeps the JSON of each in out/bench-peer/.
# Plebiscite runs twice: with its AVX-512 IFMA arithmetic (where the CPU has it) and with GMP
# (PLEBISCITE_NO_IFMA=1), the path it had before, so both references are of the same run.
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
echo "bench-peer: Swift with GMP only (PLEBISCITE_NO_IFMA=1), $ballots ballots on core $cpu" >&2
PLEBISCITE_NO_IFMA=1 taskset -c "$cpu" "$workload" --ballots "$ballots" > "$out/swift-gmp.json"
echo "bench-peer: Python peer, $ballots ballots on core $cpu" >&2
taskset -c "$cpu" "$venv/bin/python" "$root/scripts/peer_workload.py" --ballots "$ballots" > "$out/python.json"

"$venv/bin/python" - "$out" <<'EOF'
import json
import sys

out = sys.argv[1]
swift = json.load(open(f"{out}/swift.json"))
gmp = json.load(open(f"{out}/swift-gmp.json"))
peer = json.load(open(f"{out}/python.json"))
rows = [
    ("encrypt+prove, wall ms/ballot", "encrypt_ms_per_ballot", "encrypt_ms_per_ballot"),
    ("encrypt+prove, CPU ms/ballot", "encrypt_cpu_ms_per_ballot", "encrypt_cpu_ms_per_ballot"),
    ("verify, wall ms/ballot", "verify_ms_per_ballot", "verify_ms_per_ballot"),
    ("verify, CPU ms/ballot", "verify_cpu_ms_per_ballot", "verify_cpu_ms_per_ballot"),
    ("verify + subgroup checks, wall ms/ballot", "verify_with_subgroup_checks_ms_per_ballot", "verify_ms_per_ballot"),
    ("verify + subgroup checks, CPU ms/ballot", "verify_with_subgroup_checks_cpu_ms_per_ballot", "verify_cpu_ms_per_ballot"),
]
summary = {"ballots": swift["ballots"], "arithmetic": swift["arithmetic"], "rows": []}
print(f"Swift: {swift['arithmetic']}; Swift GMP: PLEBISCITE_NO_IFMA=1; Python: electionguard 1.4.0")
print(f"{'per ballot, one core':42} {'Swift':>8} {'Swift GMP':>10} {'Python':>8} {'Py/Swift':>9} {'GMP/Swift':>10}")
for label, swift_key, peer_key in rows:
    ratio = peer[peer_key] / swift[swift_key]
    gain = gmp[swift_key] / swift[swift_key]
    summary["rows"].append({"figure": label, "swift": swift[swift_key], "swift_gmp": gmp[swift_key],
                            "python": peer[peer_key], "ratio": round(ratio, 2), "gmp_over_swift": round(gain, 2)})
    print(f"{label:42} {swift[swift_key]:8.3f} {gmp[swift_key]:10.3f} {peer[peer_key]:8.3f} {ratio:8.1f}x {gain:9.2f}x")
exponentiations = gmp["exponentiations_per_ballot"]  # counted on GMP's calls only
peer_exponentiations = peer["exponentiations_per_ballot"]
print(f"{'exponentiations, encrypt':44} {exponentiations['encrypt']['total']:9d} "
      f"{peer_exponentiations['encrypt']['exponentiations']:9d}")
print(f"{'exponentiations, verify (+ subgroup checks)':44} "
      f"{str(exponentiations['verify']['total']) + ' (' + str(exponentiations['verify_with_subgroup_checks']['total']) + ')':>9} "
      f"{peer_exponentiations['verify']['exponentiations']:9d}")
print(f"(the Python peer's verification includes its {peer_exponentiations['verify']['subgroup_checks']} subgroup "
      f"checks; as shipped, with its logging: encrypt {peer['as_shipped']['encrypt_cpu_ms_per_ballot']} ms, "
      f"verify {peer['as_shipped']['verify_cpu_ms_per_ballot']} ms CPU per ballot)")
print(f"goals (issue 15): encrypt+prove 25x the peer, verify + subgroup checks 10x the peer (CPU); JSON in {out}/")
json.dump(summary, open(f"{out}/summary.json", "w"), indent=2)
EOF
