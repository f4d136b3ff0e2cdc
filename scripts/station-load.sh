#!/usr/bin/env bash
# Figures for docs/stations.md and docs/server.md: ballots/s of one `plebiscite station` process on one
# core (taskset -c 0) while the central server is down, then the sync rate once it is back: ballots
# received per second until no device misses one. Release build unless PLEBISCITE_BIN is set.
#
#   scripts/station-load.sh [DURATION] [DEVICES]
#   PLEBISCITE_BIN=.build/debug/plebiscite scripts/station-load.sh 10 4
#   KEEP_WORK=1 scripts/station-load.sh ...   # keep the databases (e.g. to take fuzz seeds from the station's ballots)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
devices=${2:-4}
if [ -n "${PLEBISCITE_BIN:-}" ]; then
    bin=$PLEBISCITE_BIN
else
    swift build -c release --product plebiscite >/dev/null
    bin="$(swift build -c release --show-bin-path)/plebiscite"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/plebiscite-station-load.XXXXXX")
server_pid="" station_pid=""
cleanup() {
    for pid in $station_pid $server_pid; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
    if [ -n "${KEEP_WORK:-}" ]; then echo "station-load: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
. scripts/served-referendum.sh

start_central() {
    "$bin" serve --database "$work/central.sqlite" --port "$port" --record "$work/record" --log-level warning >"$work/server.out" 2>>"$work/server.log" &
    server_pid=$!
    for _ in $(seq 1 300); do grep -q 'listening on' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
}

served_referendum_files "$work" stationload "Station load"
admin=$("$bin" token issue admin --label load --database "$work/central.sqlite" 2>/dev/null)
observer=$("$bin" token issue observer --label load --database "$work/central.sqlite" 2>/dev/null)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start_central
url="http://127.0.0.1:$port"
served_referendum_setup "$bin" "$url" "$admin" "$work" load >"$work/station.token"

taskset -c 0 "$bin" station --central "$url" --token-file "$work/station.token" --database "$work/station.sqlite" --port 0 \
    --sync-interval 1 --log-level notice >"$work/station.out" 2>"$work/station.log" &
station_pid=$!
for _ in $(seq 1 300); do grep -q 'listening on' "$work/station.out" 2>/dev/null && break; sleep 0.1; done
station=$(grep -o 'http://[0-9.:]*' "$work/station.out" | head -1)

# The link cut: the station votes alone on core 0.
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""
# A few seconds first, so that the station's encryption tables are built before the measured run.
python3 scripts/server-load.py "$station" "$(cat "$work/station.token")" "$work/cards.csv" --devices "$devices" --duration 3 \
    --label "warm-up " >/dev/null
echo "station-load: $(nproc) cores, station on core 0, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
python3 scripts/server-load.py "$station" "$(cat "$work/station.token")" "$work/cards.csv" --devices "$devices" --duration "$duration" \
    --label "station (offline, 1 core) "
held=$(sqlite3 "$work/station.sqlite" "SELECT count(*) FROM ballot" 2>/dev/null || echo "?")

# The link back: time until the central server holds every ballot.
start_central
start=$(date +%s.%N)
while true; do
    missing=$(curl -s -H "Authorization: Bearer $observer" "$url/api/v1/observer/devices" |
        python3 -c 'import json, sys; d = json.load(sys.stdin); print(sum(x["missing"] for x in d) if d else -1)')
    [ "$missing" = 0 ] && break
    sleep 0.2
done
end=$(date +%s.%N)
received=$(curl -s -H "Authorization: Bearer $observer" "$url/api/v1/observer/devices" |
    python3 -c 'import json, sys; print(sum(x["received"] for x in json.load(sys.stdin)))')
python3 -c "print(f'station-load: sync of $received ballots (station holds $held) in {$end - $start:.1f} s: {$received / ($end - $start):.0f} ballots/s')"
echo "station-load: load average $(cut -d' ' -f1-3 /proc/loadavg) after"
