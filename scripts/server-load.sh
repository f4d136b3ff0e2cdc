#!/usr/bin/env bash
# Casting throughput of `plebiscite serve` on loopback (release build): a referendum with 12,000
# voters, then scripts/server-load.py with 4, 8 and 16 station devices for DURATION seconds each.
# Prints ballots/s and p50/p99 latencies; figures, not a test.
#
#   scripts/server-load.sh sqlite [DURATION]
#   .ci/postgres.sh scripts/server-load.sh postgres [DURATION]     # PostgreSQL from PLEBISCITE_TEST_POSTGRES_URL
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-sqlite}
duration=${2:-20}

swift build -c release --product plebiscite >/dev/null
bin="$(swift build -c release --show-bin-path)/plebiscite"
work=$(mktemp -d "${TMPDIR:-/tmp}/plebiscite-load.XXXXXX")
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
at() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }

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

cat >"$work/referendum.yaml" <<YAML
id: load
title: {en: Load test}
question: {en: Yes or no?}
options:
  - {id: "yes", text: {en: "Yes"}}
  - {id: "no", text: {en: "No"}}
regions:
  - {id: alpha, name: {en: Alpha}, time_zone: Europe/Kyiv}
stations:
  - {id: A-1, kind: regional, serves: [alpha], location: "Station 1"}
schedule:
  announced: $(at "-30 days")
  voting:
    - {region: alpha, opens: $(at "-1 day"), closes: $(at "+1 day")}
guardians: {count: 3, quorum: 2}
revote_rule: station-over-mobile-then-latest
YAML
python3 -c 'print("voter_id,home_region,displaced"); [print(f"v{i},alpha,no") for i in range(12000)]' >"$work/register.csv"
db=(--database "$database")
admin=$("$bin" token issue admin --label load "${db[@]}" 2>/dev/null)
"$bin" serve "${db[@]}" --port 0 --record "$work/record" --log-level warning >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 200); do grep -q 'listening on' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$work/server.out" | head -1)
# The referendum is set up through the administration API (the same on SQLite and PostgreSQL).
api() { curl -sSf -H "Authorization: Bearer $admin" "$@"; }
api --data-binary @"$work/referendum.yaml" "$url/api/v1/admin/referendum" >/dev/null
api -X POST "$url/api/v1/admin/lifecycle/announce" >/dev/null
api --data-binary @"$work/register.csv" "$url/api/v1/admin/register" >"$work/cards.csv"
# The key ceremony: each guardian, with its own token, makes its key through the server.
guardian_pids=()
for guardian in guardian1 guardian2 guardian3; do
    gtoken=$(api -H 'Content-Type: application/json' -d "{\"role\":\"guardian:$guardian\",\"label\":\"load\"}" "$url/api/v1/admin/tokens" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
    "$bin" guardian ceremony --guardian "$guardian" --server "$url" --token "$gtoken" --state "$work/$guardian.ceremony.json" \
        --key "$work/$guardian.json" --timeout 300 >/dev/null &
    guardian_pids+=($!)
done
for pid in "${guardian_pids[@]}"; do wait "$pid"; done
api -X POST "$url/api/v1/admin/lifecycle/open" >/dev/null
token=$(api -H 'Content-Type: application/json' -d '{"role":"station:A-1","label":"load"}' "$url/api/v1/admin/tokens" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
echo "server-load: $kind, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
for devices in 4 8 16; do
    python3 scripts/server-load.py "$url" "$token" "$work/cards.csv" --devices "$devices" --duration "$duration" --label "$kind "
done
curl -s "$url/metrics" | grep -E '^plebiscite_ballots_(cast|rejected)' || true
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
echo "server-load: graceful shutdown done; load average $(cut -d' ' -f1-3 /proc/loadavg) after"
if [ "$kind" = postgres ]; then psql "$PLEBISCITE_TEST_POSTGRES_URL" -qc "DROP DATABASE $name WITH (FORCE)" >/dev/null || true; fi
