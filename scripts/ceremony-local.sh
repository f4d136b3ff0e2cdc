#!/usr/bin/env bash
# The key ceremony on one machine, for trials and tests: every guardian of the referendum in DATABASE
# runs `plebiscite guardian ceremony` offline, in its own process, on files exported from the database
# and imported back, round after round, until the keys are ready. Each guardian's process writes only
# its own state and key file (under KEYDIR/<guardian>.json); in a real referendum each guardian runs
# the same command on its own machine (README, "Running a referendum step by step").
#
#   scripts/ceremony-local.sh PLEBISCITE_BINARY DATABASE KEYDIR
set -euo pipefail
bin=${1:?usage: scripts/ceremony-local.sh PLEBISCITE_BINARY DATABASE KEYDIR}
database=${2:?database}
keys=${3:?key directory}
mkdir -p "$keys"
chmod 700 "$keys"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" ceremony export --database "$database" --out "$work/bundle.json" >/dev/null
guardians=$(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))["guardians"]))' "$work/bundle.json")
for round in 1 2 3 4 5 6; do
    for guardian in $guardians; do
        "$bin" ceremony export --database "$database" --out "$work/bundle.json" >/dev/null
        "$bin" guardian ceremony --guardian "$guardian" --state "$keys/$guardian.ceremony.json" --key "$keys/$guardian.json" \
            --bundle "$work/bundle.json" --out "$work/$guardian.messages.json" >/dev/null
        "$bin" ceremony import --database "$database" --from "$guardian" "$work/$guardian.messages.json" >/dev/null
    done
    if "$bin" ceremony status --database "$database" | grep -q '^state: keys-ready'; then
        for guardian in $guardians; do
            "$bin" ceremony export --database "$database" --out "$work/bundle.json" >/dev/null
            "$bin" guardian ceremony --guardian "$guardian" --state "$keys/$guardian.ceremony.json" --key "$keys/$guardian.json" \
                --bundle "$work/bundle.json" --out "$work/$guardian.messages.json" >/dev/null
        done
        echo "keys ready: $(echo $guardians | wc -w) guardians, key files in $keys"
        exit 0
    fi
done
"$bin" ceremony status --database "$database" >&2
echo "ceremony-local.sh: the ceremony did not finish" >&2
exit 1
