#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL 15 on loopback: initdb into a temporary directory,
# start on a free port, create the database, export PLEBISCITE_TEST_POSTGRES_URL, run the command,
# and stop the server and remove the directory on exit, whatever happened.
#
#   .ci/postgres.sh swift test
#
# PostgreSQL refuses to run as root; as root the server runs as the system user plebiscite-pg
# (created if missing).
set -euo pipefail

pgbin=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$pgbin/initdb" ]; then
    echo "postgres.sh: installing PostgreSQL 15" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi

workdir=$(mktemp -d "${TMPDIR:-/tmp}/plebiscite-pg.XXXXXX")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

if [ "$(id -u)" = 0 ]; then
    id plebiscite-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin plebiscite-pg
    chown plebiscite-pg "$workdir"
    as_server() { runuser -u plebiscite-pg -- "$@"; }
else
    as_server() { "$@"; }
fi

stop() {
    as_server "$pgbin/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$workdir"
}
trap stop EXIT

as_server "$pgbin/initdb" -D "$workdir/data" -U plebiscite --auth=trust -E UTF8 >"$workdir/initdb.log"
# The socket goes into the work directory too: the default one may not exist or be writable.
as_server "$pgbin/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $workdir -c max_connections=200" start >/dev/null
"$pgbin/createdb" -h 127.0.0.1 -p "$port" -U plebiscite plebiscite
export PLEBISCITE_TEST_POSTGRES_URL="postgres://plebiscite@127.0.0.1:$port/plebiscite"
echo "postgres.sh: PostgreSQL 15 on 127.0.0.1:$port" >&2

status=0
"$@" || status=$?
if [ "$status" != 0 ] && [ -f "$workdir/server.log" ]; then
    echo "postgres.sh: the command failed ($status); the server's log ends:" >&2
    tail -n 20 "$workdir/server.log" >&2
fi
exit "$status"
