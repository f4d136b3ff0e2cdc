#!/usr/bin/env bash
# Builds and runs one libFuzzer target of the Fuzz/ package (docs/server.md, "Fuzzing").
#
#   scripts/fuzz.sh TARGET SECONDS [RUNS] [libFuzzer options...]
#   scripts/fuzz.sh list                      # the targets
#
# TARGET is json, constants, manifest, config, initialized, ballot, encrypted-tally, tally,
# ballot-chain, trustee, referendum-files, definition, register, audit-csv, audit-profile, ceremony, paper or station-upload.
# It stops after SECONDS or RUNS executions (0: no limit), whichever comes first, and prints
# libFuzzer's figures and a last line "fuzz: TARGET executions=N crashes=N". A crashing input is
# written to .build-fuzz/crashes/TARGET/; copy it to Tests/FuzzCorpus/TARGET/ with the fix, where
# `swift test` replays it. The seed corpus is made from small real inputs by Fuzz/seeds.py.
set -euo pipefail
cd "$(dirname "$0")/.."
targets="json constants manifest config initialized ballot encrypted-tally tally ballot-chain trustee referendum-files definition register audit-csv audit-profile ceremony paper station-upload"
if [ "${1:-}" = list ]; then echo "$targets" | tr ' ' '\n'; exit 0; fi
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS [RUNS] [options]}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS [RUNS] [options]}
runs=${3:-0}; [ "$runs" = 0 ] && runs=-1
shift 2; [ $# -gt 0 ] && shift
case " $targets " in *" $target "*) ;; *) echo "fuzz.sh: unknown target $target (scripts/fuzz.sh list)" >&2; exit 2 ;; esac

scratch=.build-fuzz
flags=(--package-path Fuzz --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address)
mkdir -p "$scratch"
swift build "${flags[@]}" --product "fuzz-$target" >"$scratch/build-$target.log" 2>&1 ||
    { tail -n 40 "$scratch/build-$target.log" >&2; exit 1; }
bin="$(swift build "${flags[@]}" --show-bin-path)/fuzz-$target"

corpus="$scratch/corpus/$target"
crashes="$scratch/crashes/$target"
mkdir -p "$corpus" "$crashes"
seeds="$scratch/seeds/$target"
rm -rf "$seeds"; mkdir -p "$seeds"
python3 Fuzz/seeds.py "$target" "$seeds"
# Inputs that once found a bug are part of the corpus, so a regression shows at once.
[ -d "Tests/FuzzCorpus/$target" ] && cp Tests/FuzzCorpus/"$target"/* "$seeds"/ 2>/dev/null || true

log="$scratch/$target.log"
status=0
# -rss_limit_mb: the 2-core, shared machine; -timeout: one input taking 10 s is a hang.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$bin" "$corpus" "$seeds" \
    -max_total_time="$seconds" -runs="${runs:--1}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$crashes/" "$@" 2>&1 | tee "$log" | grep -E '^#[0-9]+ +(DONE|INITED)|ERROR|SUMMARY|artifact|stat::' >&2 || status=$?
executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
if [ -z "$executions" ]; then
    executions=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
fi
found=$(find "$crashes" -type f -newer "$seeds" | wc -l)
echo "fuzz: $target executions=${executions:-0} crashes=$found"
[ "$found" = 0 ]
