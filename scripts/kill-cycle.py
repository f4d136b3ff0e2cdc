"""Kill cycle of `plebiscite serve` on loopback (docs/server.md, "Kill cycle"); scripts/kill-cycle.sh sets
the referendum up and runs this. Standard library only (PostgreSQL is read with psql).

CYCLES times: start the server on DATABASE, let DEVICES station devices cast (check in, encrypt, cast,
and now and then a challenge and a second encryption) for a random time, SIGKILL the server in the middle
of it, and restart it on the same database. Every cast the server acknowledged (200 with its ballot id
and confirmation code) is recorded; after each restart, and at the end, each acknowledged ballot must be
in the store exactly once, with status cast (acknowledged challenges: challenged). Prints per cycle and
in total: acknowledged, stored, lost, duplicated; exit status 1 on any loss or duplicate.

    python3 scripts/kill-cycle.py --plebiscite BIN --database DB --token T --cards cards.csv --kind sqlite|postgres
        [--cycles 20] [--devices 4] [--min-run 0.5] [--max-run 4] [--max-seconds 1200] [--seed 1] [--log FILE]
"""
import argparse
import asyncio
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time


class ServerDown(Exception):
    pass


class Connection:
    """One keep-alive connection of a station device (as scripts/server-load.py)."""

    def __init__(self, port, token):
        self.port, self.token = port, token
        self.reader = self.writer = None

    async def open(self):
        try:
            self.reader, self.writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", self.port), 5)
        except (OSError, asyncio.TimeoutError) as error:
            raise ServerDown(str(error))

    def close(self):
        if self.writer:
            self.writer.close()

    async def post(self, path, body):
        data = json.dumps(body).encode() if body is not None else b""
        head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {self.token}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n").encode()
        try:
            self.writer.write(head + data)
            await self.writer.drain()
            # A killed server closes the socket at once; 30 s covers a slow debug build under load.
            status_line = await asyncio.wait_for(self.reader.readline(), 30)
            if not status_line:
                raise ServerDown("connection closed")
            status = int(status_line.split()[1])
            length = 0
            while True:
                line = await asyncio.wait_for(self.reader.readline(), 30)
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            payload = await asyncio.wait_for(self.reader.readexactly(length), 30) if length else b""
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, IndexError, ValueError) as error:
            raise ServerDown(f"{type(error).__name__}: {error}")
        return status, (json.loads(payload) if payload else {})


class Server:
    def __init__(self, binary, database, work):
        self.binary, self.database, self.work = binary, database, work
        self.process = None
        self.port = None

    def start(self):
        log = open(os.path.join(self.work, "server.log"), "ab")
        environment = dict(os.environ, SWIFT_BACKTRACE="enable=no")
        self.process = subprocess.Popen([self.binary, "serve", "--database", self.database, "--host", "127.0.0.1", "--port", "0",
                                         "--record", os.path.join(self.work, "record"), "--log-level", "warning"],
                                        stdout=subprocess.PIPE, stderr=log, env=environment)
        started = time.monotonic()
        while time.monotonic() - started < 120:
            line = self.process.stdout.readline().decode()
            if m := re.search(r"http://127\.0\.0\.1:(\d+)", line):
                self.port = int(m.group(1))
                return time.monotonic() - started
            if self.process.poll() is not None:
                break
        self.kill()
        raise RuntimeError(f"the server did not start within 120 s; see {self.work}/server.log")

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        if self.process:
            self.process.wait(30)
            self.process.stdout.close()

    def terminate(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                return self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()
                return "killed after 30 s"
        return self.process.returncode if self.process else None


class Store:
    """Reads the ballots straight from the database: (ballot_id, confirmation_code, status) rows."""

    def __init__(self, kind, database):
        self.kind, self.database = kind, database

    def ballots(self):
        query = "SELECT ballot_id, lower(confirmation_code), status FROM ballot"
        if self.kind == "sqlite":
            # Read-only, and only while a restarted server holds the file: the server, not this check,
            # must recover the write-ahead log after the kill.
            with sqlite3.connect(f"file:{self.database}?mode=ro", uri=True, timeout=30) as db:
                return db.execute(query).fetchall()
        result = subprocess.run(["psql", self.database, "-X", "-q", "-At", "-F", "\t", "-c", query],
                                capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"psql: {result.stderr.strip()}")
        return [tuple(line.split("\t")) for line in result.stdout.splitlines() if line]


async def device(port, token, name, credentials, stop, rng, record):
    """Casts until `stop` is set or the server goes away. Records acknowledged casts and challenges."""
    connection = Connection(port, token)
    try:
        await connection.open()
        while not stop.is_set():
            credential = credentials[record["next"][name] % len(credentials)]
            record["next"][name] += 1
            status, body = await connection.post("/api/v1/station/check-in", {"device": name, "credential": credential})
            if status != 201:
                record["errors"].append((status, body.get("reason")))
                continue
            session = body["session"]
            if rng.random() < 0.05:
                status, body = await connection.post(f"/api/v1/station/sessions/{session}/encrypt", {"choice": "no"})
                if status != 201:
                    record["errors"].append((status, body.get("reason")))
                    continue
                status, body = await connection.post(f"/api/v1/station/sessions/{session}/challenge", None)
                if status != 200:
                    record["errors"].append((status, body.get("reason")))
                    continue
                record["challenged"].append((body["ballotId"], body["confirmationCode"].lower()))
            status, body = await connection.post(f"/api/v1/station/sessions/{session}/encrypt", {"choice": "yes"})
            if status != 201:
                record["errors"].append((status, body.get("reason")))
                continue
            status, body = await connection.post(f"/api/v1/station/sessions/{session}/cast", None)
            if status != 200:
                record["errors"].append((status, body.get("reason")))
                continue
            record["acknowledged"].append((body["ballotId"], body["confirmationCode"].lower()))
            if record["log"]:
                record["log"].write(f"cast {body['ballotId']} {body['confirmationCode'].lower()}\n")
    except ServerDown as error:
        record["cut"].append(f"{name}: {error}")
    finally:
        connection.close()


async def cast_until_killed(server, token, devices, credentials, run_for, rng, record):
    stop = asyncio.Event()
    tasks = [asyncio.create_task(device(server.port, token, f"A-1-K{index + 1}", credentials[index::devices], stop,
                                        random.Random(rng.random()), record))
             for index in range(devices)]
    # The random moment counts from this cycle's first acknowledged cast: a restarted debug build takes
    # a second or two before its first ballot, and the kill is meant to land while ballots are cast.
    first = len(record["acknowledged"])
    warm_up = time.monotonic()
    while len(record["acknowledged"]) == first and time.monotonic() - warm_up < 60 and not all(task.done() for task in tasks):
        await asyncio.sleep(0.01)
    await asyncio.sleep(run_for)
    # SIGKILL while the devices are in the middle of their requests.
    server.kill()
    stop.set()
    await asyncio.wait_for(asyncio.gather(*tasks), 60)


def check(store, acknowledged, challenged):
    """(stored, lost, duplicated, wrong, extra) for the acknowledged ballots against the store."""
    rows = store.ballots()
    by_code, by_id = {}, {}
    for ballot_id, code, status in rows:
        by_code.setdefault(code, []).append((ballot_id, status))
        by_id.setdefault(ballot_id, []).append((code, status))
    stored = lost = duplicated = 0
    problems = []
    seen = set()
    for expected_status, ballots in (("cast", acknowledged), ("challenged", challenged)):
        for ballot_id, code in ballots:
            if (ballot_id, code) in seen:
                duplicated += 1
                problems.append(f"{ballot_id} acknowledged twice")
                continue
            seen.add((ballot_id, code))
            matches = [row for row in by_code.get(code, []) if row[0] == ballot_id]
            if len(by_code.get(code, [])) > 1 or len(by_id.get(ballot_id, [])) > 1:
                duplicated += 1
                problems.append(f"{ballot_id} stored {max(len(by_code.get(code, [])), len(by_id.get(ballot_id, [])))} times")
            if len(matches) >= 1 and matches[0][1] == expected_status:
                if expected_status == "cast":
                    stored += 1
            else:
                if expected_status == "cast":
                    lost += 1
                problems.append(f"{ballot_id} ({code[:12]}) acknowledged {expected_status} but "
                                + (f"stored {matches[0][1]}" if matches else "missing"))
    cast_in_store = sum(1 for _, _, status in rows if status == "cast")
    unacknowledged = cast_in_store - stored
    return stored, lost, duplicated, unacknowledged, problems, status_counts(rows)


def status_counts(rows):
    counts = {}
    for _, _, status in rows:
        counts[status] = counts.get(status, 0) + 1
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plebiscite", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--token", required=True, help="a station:A-1 token")
    parser.add_argument("--cards", required=True)
    parser.add_argument("--kind", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--work", required=True, help="directory for the server's log and record")
    parser.add_argument("--cycles", type=int, default=20)
    parser.add_argument("--devices", type=int, default=4)
    parser.add_argument("--min-run", type=float, default=0.5, help="shortest time the load runs before a kill, from the first acknowledged cast (s)")
    parser.add_argument("--max-run", type=float, default=4.0, help="longest time the load runs before a kill (s)")
    parser.add_argument("--max-seconds", type=float, default=1200, help="stop starting new cycles after this")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--log", help="append every acknowledged ballot to this file")
    args = parser.parse_args()

    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    credentials = [line.split(",")[2] for line in open(args.cards).read().splitlines()[1:] if line]
    store = Store(args.kind, args.database)
    server = Server(args.plebiscite, args.database, args.work)
    record = {"acknowledged": [], "challenged": [], "errors": [], "cut": [], "next": {f"A-1-K{i + 1}": 0 for i in range(args.devices)},
              "log": open(args.log, "a") if args.log else None}
    print(f"kill-cycle: {args.kind}, {args.cycles} cycles, {args.devices} devices, kill after {args.min_run}-{args.max_run} s "
          f"of load (from the cycle's first acknowledged cast), seed {seed}; load average {' '.join(open('/proc/loadavg').read().split()[:3])}", flush=True)
    began = time.monotonic()
    failed = False
    done = 0
    totals = None
    try:
        server.start()
        for cycle in range(1, args.cycles + 1):
            if time.monotonic() - began > args.max_seconds:
                print(f"kill-cycle: stopped after {done} cycles: --max-seconds {args.max_seconds:.0f} reached", flush=True)
                failed = True
                break
            before = len(record["acknowledged"])
            errors_before = len(record["errors"])
            run_for = rng.uniform(args.min_run, args.max_run)
            asyncio.run(cast_until_killed(server, args.token, args.devices, credentials, run_for, rng, record))
            startup = server.start()
            stored, lost, duplicated, unacknowledged, problems, statuses = check(store, record["acknowledged"], record["challenged"])
            done = cycle
            new_errors = record["errors"][errors_before:]
            print(f"cycle {cycle:2}: killed {run_for:.2f} s after the first cast, restarted in {startup:.1f} s; acknowledged {len(record['acknowledged']) - before} "
                  f"(total {len(record['acknowledged'])}), stored {stored}, lost {lost}, duplicated {duplicated}; "
                  f"cast in the store but never acknowledged (answer cut by a kill), so far {unacknowledged}; refusals {len(new_errors)}"
                  + (f" {sorted(set(new_errors))}" if new_errors else ""), flush=True)
            for problem in problems[:20]:
                print(f"  {problem}")
            if os.environ.get("KILL_CYCLE_VERBOSE"):
                print("  cut: " + "; ".join(record["cut"][-args.devices:]))
            if lost or duplicated:
                failed = True
            totals = (stored, lost, duplicated, unacknowledged, statuses)
        # The end: the server restarted after the last kill is stopped gracefully and the store read again.
        code = server.terminate()
        stored, lost, duplicated, unacknowledged, problems, statuses = check(store, record["acknowledged"], record["challenged"])
        if lost or duplicated:
            failed = True
        print(f"kill-cycle: after the last restart and a graceful stop (exit {code}): ballots by status "
              + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items()))
              + f"; acknowledged challenges {len(record['challenged'])}; refusals {len(record['errors'])}")
        for problem in problems[:20]:
            print(f"  {problem}")
        print(f"kill-cycle: {args.kind} cycles={done} acknowledged={len(record['acknowledged'])} stored={stored} lost={lost} "
              f"duplicated={duplicated}", flush=True)
        if done < args.cycles:
            failed = True
        if len(record["acknowledged"]) == 0:
            print("kill-cycle: no ballot was acknowledged: nothing was tested", file=sys.stderr)
            failed = True
    finally:
        server.kill()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
