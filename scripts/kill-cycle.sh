#!/usr/bin/env bash
# Kill cycle (docs/server.md, "Kill cycle"): a referendum set up as scripts/server-load.sh does (12,000
# voters, one station, polls open, through the administration API), then scripts/kill-cycle.py: station
# devices cast while `plebiscite serve` is killed with SIGKILL at a random moment CYCLES times and
# restarted on the same database; every acknowledged ballot must be stored exactly once, cast. Loopback
# only; it stops by itself (--max-seconds, default 1200 s, bounds the cycles). Exit status 1 on any loss.
#
#   scripts/kill-cycle.sh sqlite [CYCLES]          # CYCLES defaults to 20
#   scripts/kill-cycle.sh postgres [CYCLES]        # under .ci/postgres.sh, started here if
#                                                  # PLEBISCITE_TEST_POSTGRES_URL is not set
#
# PLEBISCITE_BIN=path uses that binary instead of building a release one; KILL_CYCLE_DEVICES (4),
# KILL_CYCLE_MAX_RUN (4 s of load at most before a kill), KILL_CYCLE_SEED and KILL_CYCLE_MAX_SECONDS
# tune the run.
set -euo pipefail
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/.."
kind=${1:-sqlite}
cycles=${2:-20}
case "$kind" in sqlite | postgres) ;; *) echo "usage: $0 sqlite|postgres [cycles]" >&2; exit 2 ;; esac
case "$cycles" in '' | *[!0-9]*) echo "kill-cycle.sh: cycles must be a number, not '$cycles'" >&2; exit 2 ;; esac
if [ "$kind" = postgres ] && [ -z "${PLEBISCITE_TEST_POSTGRES_URL:-}" ]; then
    exec .ci/postgres.sh "$self" postgres "$cycles"
fi

if [ -n "${PLEBISCITE_BIN:-}" ]; then
    bin=$PLEBISCITE_BIN
    [ -x "$bin" ] || { echo "kill-cycle.sh: PLEBISCITE_BIN=$bin is not an executable" >&2; exit 2; }
    echo "kill-cycle: binary $bin (PLEBISCITE_BIN)"
else
    swift build -c release --product plebiscite >/dev/null
    bin="$(swift build -c release --show-bin-path)/plebiscite"
    echo "kill-cycle: binary $bin (release build)"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/plebiscite-kill-cycle.XXXXXX")
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    if [ "${KILL_CYCLE_KEEP:-}" = 1 ]; then echo "kill-cycle: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
. scripts/served-referendum.sh

case "$kind" in
sqlite) database="$work/referendum.sqlite" ;;
postgres)
    name="plebiscite_kill_$(date +%s)"
    psql "$PLEBISCITE_TEST_POSTGRES_URL" -qc "CREATE DATABASE $name" >/dev/null
    database="${PLEBISCITE_TEST_POSTGRES_URL%/*}/$name"
    ;;
esac

served_referendum_files "$work" kill-cycle "Kill cycle"
db=(--database "$database")
admin=$("$bin" token issue admin --label kill-cycle "${db[@]}" 2>/dev/null)
"$bin" serve "${db[@]}" --host 127.0.0.1 --port 0 --record "$work/record" --log-level warning >"$work/setup.out" 2>"$work/setup.log" &
server_pid=$!
for _ in $(seq 1 600); do grep -q 'listening on' "$work/setup.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/setup.out" | head -1)
[ -n "$url" ] || { echo "kill-cycle.sh: the server did not start:" >&2; tail -n 20 "$work/setup.log" >&2; exit 1; }
token=$(served_referendum_setup "$bin" "$url" "$admin" "$work" kill-cycle)
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
echo "kill-cycle: referendum set up (12,000 voters, polls open); $(nproc) cores"

status=0
python3 scripts/kill-cycle.py --plebiscite "$bin" --database "$database" --token "$token" --cards "$work/cards.csv" \
    --kind "$kind" --work "$work" --cycles "$cycles" --min-run "${KILL_CYCLE_MIN_RUN:-0.5}" --devices "${KILL_CYCLE_DEVICES:-4}" --max-run "${KILL_CYCLE_MAX_RUN:-4}" \
    --max-seconds "${KILL_CYCLE_MAX_SECONDS:-1200}" ${KILL_CYCLE_SEED:+--seed "$KILL_CYCLE_SEED"} --log "$work/acknowledged.txt" || status=$?
if [ "$status" != 0 ]; then
    echo "kill-cycle.sh: failed ($status); the server's log ends:" >&2
    tail -n 20 "$work/server.log" >&2 2>/dev/null || true
fi
if [ "$kind" = postgres ]; then psql "$PLEBISCITE_TEST_POSTGRES_URL" -qc "DROP DATABASE $name WITH (FORCE)" >/dev/null || true; fi
exit "$status"
