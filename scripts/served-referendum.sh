# Sourced by scripts/server-load.sh and scripts/kill-cycle.sh: one station's referendum with polls open
# now, set up through the administration API of a running `plebiscite serve` (the same on SQLite and
# PostgreSQL), its keys made by three guardian processes through the server.
#
#   served_referendum_files WORK ID TITLE      # WORK/referendum.yaml and WORK/register.csv (12,000 voters)
#   served_referendum_setup BIN URL ADMIN WORK LABEL
#                                              # create, announce, register (WORK/cards.csv), the key
#                                              # ceremony, open; prints a token of station A-1

served_referendum_at() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }

served_referendum_files() {
    local work=$1 id=$2 title=$3
    cat >"$work/referendum.yaml" <<YAML
id: $id
title: {en: $title}
question: {en: Yes or no?}
options:
  - {id: "yes", text: {en: "Yes"}}
  - {id: "no", text: {en: "No"}}
regions:
  - {id: alpha, name: {en: Alpha}, time_zone: Europe/Kyiv}
stations:
  - {id: A-1, kind: regional, serves: [alpha], location: "Station 1"}
schedule:
  announced: $(served_referendum_at "-30 days")
  voting:
    - {region: alpha, opens: $(served_referendum_at "-1 day"), closes: $(served_referendum_at "+1 day")}
guardians: {count: 3, quorum: 2}
revote_rule: station-over-mobile-then-latest
YAML
    python3 -c 'print("voter_id,home_region,displaced"); [print(f"v{i},alpha,no") for i in range(12000)]' >"$work/register.csv"
}

served_referendum_setup() {
    local bin=$1 url=$2 admin=$3 work=$4 label=$5
    api() { curl -sSf --max-time 600 -H "Authorization: Bearer $admin" "$@"; }
    token_of() {
        api -H 'Content-Type: application/json' -d "{\"role\":\"$1\",\"label\":\"$label\"}" "$url/api/v1/admin/tokens" |
            python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
    }
    api --data-binary @"$work/referendum.yaml" "$url/api/v1/admin/referendum" >/dev/null
    api -X POST "$url/api/v1/admin/lifecycle/announce" >/dev/null
    api --data-binary @"$work/register.csv" "$url/api/v1/admin/register" >"$work/cards.csv"
    # The key ceremony: each guardian, with its own token, makes its key through the server.
    local guardian pids=()
    for guardian in guardian1 guardian2 guardian3; do
        "$bin" guardian ceremony --guardian "$guardian" --server "$url" --token "$(token_of "guardian:$guardian")" \
            --state "$work/$guardian.ceremony.json" --key "$work/$guardian.json" --timeout 300 >/dev/null &
        pids+=($!)
    done
    local pid
    for pid in "${pids[@]}"; do wait "$pid"; done
    api -X POST "$url/api/v1/admin/lifecycle/open" >/dev/null
    # One token for the station's devices: it holds every device it uses (docs/server.md, "Devices").
    token_of "station:A-1"
}
