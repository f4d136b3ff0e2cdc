#!/usr/bin/env bash
# Prints ballots/s for append + decide(cast) with 2, 4 and 8 concurrent casting devices, with and
# without group commit, on SQLite (a file in a temporary directory) and, when
# PLEBISCITE_TEST_POSTGRES_URL names a server (as under .ci/postgres.sh), on PostgreSQL.
# A measurement, not a test: the figures depend on the disk's fsync and the machine.
#
#   scripts/storage-throughput.sh [ballots per run]        (default 2000)
#   .ci/postgres.sh scripts/storage-throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ballots=${1:-2000}
swift build -c release --product storage-load >/dev/null
tool=.build/release/storage-load
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fresh_postgres() {
    # A new database per run, on the server the URL names.
    local name="plebiscite_load_$1"
    local server="${PLEBISCITE_TEST_POSTGRES_URL%/*}"
    psql -q "$PLEBISCITE_TEST_POSTGRES_URL" -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
    echo "$server/$name"
}

run=0
for store in sqlite postgres; do
    if [ "$store" = postgres ] && [ -z "${PLEBISCITE_TEST_POSTGRES_URL:-}" ]; then
        echo "postgres: skipped (PLEBISCITE_TEST_POSTGRES_URL is not set)"
        continue
    fi
    for devices in 2 4 8; do
        for mode in "" --separate-commits; do
            run=$((run + 1))
            if [ "$store" = sqlite ]; then location="sqlite:$work/run$run.sqlite"; else location=$(fresh_postgres "$run"); fi
            "$tool" prepare "$location"
            printf '%-8s ' "$store"
            "$tool" "$location" "$devices" $((ballots / devices)) $mode --quiet
        done
    done
done
