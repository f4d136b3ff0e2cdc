#!/usr/bin/env bash
# Casting throughput of `plebiscite serve` on loopback (release build): a referendum with 12,000
# voters, then scripts/server-load.py with 4, 8 and 16 station devices for DURATION seconds each.
# Prints ballots/s and p50/p99 latencies; figures, not a test.
#
#   scripts/server-load.sh sqlite [DURATION]
#   .ci/postgres.sh scripts/server-load.sh postgres [DURATION]     # PostgreSQL from PLEBISCITE_TEST_POSTGRES_URL
#   PLEBISCITE_BIN=.build/debug/plebiscite scripts/server-load.sh sqlite 5   # a prebuilt binary instead
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-sqlite}
duration=${2:-20}

if [ -n "${PLEBISCITE_BIN:-}" ]; then
    bin=$PLEBISCITE_BIN   # a prebuilt binary (say which build in the figures)
else
    swift build -c release --product plebiscite >/dev/null
    bin="$(swift build -c release --show-bin-path)/plebiscite"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/plebiscite-load.XXXXXX")
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
. scripts/served-referendum.sh

case "$kind" in
sqlite) database="$work/referendum.sqlite" ;;
postgres)
    : "${PLEBISCITE_TEST_POSTGRES_URL:?run under .ci/postgres.sh or set PLEBISCITE_TEST_POSTGRES_URL}"
    name="plebiscite_load_$(date +%s)"
    psql "$PLEBISCITE_TEST_POSTGRES_URL" -qc "CREATE DATABASE $name" >/dev/null
    database="${PLEBISCITE_TEST_POSTGRES_URL%/*}/$name"
    ;;
*) echo "usage: $0 sqlite|postgres [duration]" >&2; exit 2 ;;
esac

served_referendum_files "$work" load "Load test"
db=(--database "$database")
admin=$("$bin" token issue admin --label load "${db[@]}" 2>/dev/null)
"$bin" serve "${db[@]}" --port 0 --record "$work/record" --log-level warning >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 200); do grep -q 'listening on' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$work/server.out" | head -1)
token=$(served_referendum_setup "$bin" "$url" "$admin" "$work" load)
echo "server-load: $kind, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
for devices in 4 8 16; do
    python3 scripts/server-load.py "$url" "$token" "$work/cards.csv" --devices "$devices" --duration "$duration" --label "$kind "
done
curl -s "$url/metrics" | grep -E '^plebiscite_ballots_(cast|rejected)' || true
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
echo "server-load: graceful shutdown done; load average $(cut -d' ' -f1-3 /proc/loadavg) after"
if [ "$kind" = postgres ]; then psql "$PLEBISCITE_TEST_POSTGRES_URL" -qc "DROP DATABASE $name WITH (FORCE)" >/dev/null || true; fi
