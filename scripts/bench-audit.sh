#!/usr/bin/env bash
# Times the whole audit (all seven tests, 1,000 integer-percentage draws, 999 shuffles, HTML report)
# of the 2012 Russian presidential election, 95,415 stations, in a release build.
#
#   scripts/bench-audit.sh [results.zip] [runs]
#
# Prints each run's wall-clock time and the median. A figure, not a pass/fail check.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data/elections/russia-2012-president-stations.csv.zip}"
[ -f "$data" ] || data="Tests/ForensicsTests/Fixtures/russia-2012-president-stations.csv.zip"
runs="${2:-3}"
scratch="${SCRATCH:-.build-forensics}"

swift build -c release --product plebiscite --scratch-path "$scratch" >&2
binary="$scratch/release/plebiscite"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "audit of $data, $(nproc) cores, $runs runs" >&2
times=()
for run in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    "$binary" audit --profile Examples/profiles/russia-2012-president.yaml "$data" \
        --draws 1000 --html "$out/report.html" --quiet > "$out/summary.txt"
    end=$(date +%s%N)
    milliseconds=$(( (end - start) / 1000000 ))
    times+=("$milliseconds")
    printf 'run %d: %d.%03d s\n' "$run" $((milliseconds / 1000)) $((milliseconds % 1000))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2) / 1000}')
printf 'median: %s s (load average: %s)\n' "$median" "$(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "turnout|excess" "$out/summary.txt" | head -3
