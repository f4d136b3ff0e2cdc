#!/usr/bin/env bash
# Browser tests: a real `plebiscite serve` on SQLite, driven by headless Chromium through
# chromedriver (W3C WebDriver over HTTP, from Tests/Browser/webdriver.py: standard library only).
# Casts a ballot in the booth, challenges another and votes again, finds the codes in the tracker,
# looks at the results and the observers' live page; then closes, counts and decrypts, and looks at
# the results and the tracker after the count. Screenshots of each page go to
# ${SCREENSHOTS:-.build/screenshots}. Installs chromium and chromium-driver from Debian when missing.
#
#   scripts/browser-test.sh            # after `swift build` (or `swift test`)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromedriver >/dev/null || ! command -v chromium >/dev/null; then
    echo "browser-test: installing chromium and chromium-driver" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

swift build --product plebiscite >/dev/null
bin="$(swift build --show-bin-path)/plebiscite"
work=$(mktemp -d "${TMPDIR:-/tmp}/plebiscite-browser.XXXXXX")
export SCREENSHOTS=${SCREENSHOTS:-$PWD/.build/screenshots}
server_pid=""
driver_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    [ -n "$driver_pid" ] && kill "$driver_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
at() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }

cat >"$work/referendum.yaml" <<YAML
id: browser
title: {en: Test referendum, uk: Тестовий референдум, ru: Тестовый референдум}
question: {en: Do you agree?, uk: Чи згодні ви?, ru: Согласны ли вы?}
options:
  - {id: "yes", text: {en: "Yes", uk: "Так", ru: "Да"}}
  - {id: "no", text: {en: "No", uk: "Ні", ru: "Нет"}}
regions:
  - {id: alpha, name: {en: Alpha, uk: Альфа, ru: Альфа}, time_zone: Europe/Kyiv}
  - {id: beta, name: {en: Beta, uk: Бета, ru: Бета}, time_zone: Europe/Kyiv}
stations:
  - {id: A-1, kind: regional, serves: [alpha], location: "School 1"}
  - {id: B-1, kind: regional, serves: [beta], location: "Hall 2"}
schedule:
  announced: $(at "-30 days")
  voting:
    - {region: alpha, opens: $(at "-1 day"), closes: $(at "+1 day")}
    - {region: beta, opens: $(at "-1 day"), closes: $(at "+1 day")}
guardians: {count: 3, quorum: 2}
revote_rule: station-over-mobile-then-latest
YAML
printf 'voter_id,home_region,displaced\nv1,alpha,no\nv2,alpha,no\nv3,alpha,no\nw1,beta,no\n' >"$work/register.csv"

db=(--database "$work/referendum.sqlite")
"$bin" init "$work/referendum.yaml" "${db[@]}" >/dev/null
"$bin" announce "${db[@]}" >/dev/null
"$bin" register import "$work/register.csv" --cards "$work/cards.csv" "${db[@]}" >/dev/null
scripts/ceremony-local.sh "$bin" "$work/referendum.sqlite" "$work/guardians" >/dev/null
"$bin" open "${db[@]}" >/dev/null
export STATION_TOKEN=$("$bin" token issue station:A-1 --label "booth test" "${db[@]}" 2>/dev/null)
export OBSERVER_TOKEN=$("$bin" token issue observer --label "browser test" "${db[@]}" 2>/dev/null)
export CARDS="$work/cards.csv"

"$bin" serve "${db[@]}" --port 0 --record "$work/record" >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 200); do
    grep -q 'listening on' "$work/server.out" 2>/dev/null && break
    sleep 0.1
done
export PLEBISCITE_URL=$(grep -o 'http://[0-9.:]*' "$work/server.out" | head -1)
[ -n "$PLEBISCITE_URL" ] || { echo "browser-test: the server did not start" >&2; cat "$work/server.log" >&2; exit 1; }

driver_port=$(free_port)
chromedriver --port="$driver_port" >"$work/driver.log" 2>&1 &
driver_pid=$!
for _ in $(seq 1 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$driver_port/status')" 2>/dev/null && break
    sleep 0.1
done
export WEBDRIVER_URL="http://127.0.0.1:$driver_port"

echo "browser-test: server $PLEBISCITE_URL, chromedriver $WEBDRIVER_URL, screenshots in $SCREENSHOTS" >&2
export CODES_FILE="$work/codes.json"
status=0
python3 Tests/Browser/booth_test.py voting || status=$?
if [ "$status" = 0 ]; then
    # Close, count and decrypt with two of the three guardians beside the running server (SQLite
    # takes a second process), then look at the results and the tracker after the count.
    "$bin" close "${db[@]}" >/dev/null
    "$bin" tally "${db[@]}" >/dev/null
    for round in 1 2; do
        for guardian in guardian1 guardian3; do
            "$bin" guardian decrypt --key "$work/guardians/$guardian.json" "${db[@]}" >/dev/null
        done
    done
    "$bin" decrypt "${db[@]}" >/dev/null
    "$bin" certify --by "Test commission" --statement "Certified for the browser test." "${db[@]}" >/dev/null
    python3 Tests/Browser/booth_test.py after-count || status=$?
fi
if [ "$status" != 0 ]; then
    echo "browser-test: the server's log ends:" >&2
    tail -n 20 "$work/server.log" >&2
fi
exit "$status"
