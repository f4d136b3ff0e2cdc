"""Casting load against a running `plebiscite serve` on loopback: DEVICES station devices, each on
its own keep-alive connection, check voters in, encrypt and cast one after another for DURATION
seconds. Prints ballots/s and latency percentiles (whole ballot: check-in to acknowledged cast;
and each request). A figure, not a test: it never fails on speed.

    python3 scripts/server-load.py URL TOKEN CARDS.csv [--devices 8] [--duration 20] [--station A-1]
"""
import argparse
import asyncio
import json
import time
from urllib.parse import urlparse


class Connection:
    def __init__(self, host, port, token):
        self.host, self.port, self.token = host, port, token
        self.reader = self.writer = None

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def post(self, path, body):
        data = json.dumps(body).encode() if body is not None else b""
        head = (f"POST {path} HTTP/1.1\r\nHost: {self.host}\r\nAuthorization: Bearer {self.token}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n").encode()
        self.writer.write(head + data)
        await self.writer.drain()
        status_line = await self.reader.readline()
        status = int(status_line.split()[1])
        length = 0
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        payload = await self.reader.readexactly(length) if length else b""
        return status, (json.loads(payload) if payload else {})


def percentile(values, share):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def device(url, token, name, credentials, deadline, stats):
    connection = Connection(url.hostname, url.port, token)
    await connection.open()
    for credential in credentials:
        if time.monotonic() > deadline:
            break
        start = time.monotonic()
        status, body = await connection.post("/api/v1/station/check-in", {"device": name, "credential": credential})
        t1 = time.monotonic()
        if status != 201:
            stats["errors"].append((status, body.get("reason")))
            continue
        session = body["session"]
        status, body = await connection.post(f"/api/v1/station/sessions/{session}/encrypt", {"choice": "yes"})
        t2 = time.monotonic()
        if status != 201:
            stats["errors"].append((status, body.get("reason")))
            continue
        status, body = await connection.post(f"/api/v1/station/sessions/{session}/cast", None)
        t3 = time.monotonic()
        if status != 200:
            stats["errors"].append((status, body.get("reason")))
            continue
        stats["ballot"].append(t3 - start)
        stats["check-in"].append(t1 - start)
        stats["encrypt"].append(t2 - t1)
        stats["cast"].append(t3 - t2)
        stats["codes"].append(body["confirmationCode"])
    connection.writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("token")
    parser.add_argument("cards")
    parser.add_argument("--devices", type=int, default=8)
    parser.add_argument("--duration", type=float, default=20)
    parser.add_argument("--station", default="A-1")
    parser.add_argument("--label", default="")
    arguments = parser.parse_args()
    url = urlparse(arguments.url)
    credentials = [line.split(",")[2] for line in open(arguments.cards).read().split("\n")[1:] if line]
    stats = {"ballot": [], "check-in": [], "encrypt": [], "cast": [], "codes": [], "errors": []}
    start = time.monotonic()
    deadline = start + arguments.duration
    await asyncio.gather(*[
        device(url, arguments.token, f"{arguments.station}-L{index + 1}", credentials[index::arguments.devices], deadline, stats)
        for index in range(arguments.devices)])
    elapsed = time.monotonic() - start
    ballots = len(stats["ballot"])
    ms = lambda value: f"{value * 1000:.1f}"
    print(f"{arguments.label}devices {arguments.devices}: {ballots} ballots in {elapsed:.1f} s = {ballots / elapsed:.0f} ballots/s; "
          f"ballot (3 requests) p50 {ms(percentile(stats['ballot'], 0.5))} ms, p99 {ms(percentile(stats['ballot'], 0.99))} ms; "
          + "; ".join(f"{step} p50 {ms(percentile(stats[step], 0.5))} p99 {ms(percentile(stats[step], 0.99))}"
                      for step in ("check-in", "encrypt", "cast"))
          + f" ms; errors {len(stats['errors'])}{' ' + str(sorted(set(stats['errors']))) if stats['errors'] else ''}")
    if len(set(stats["codes"])) != len(stats["codes"]):
        print("duplicate confirmation codes acknowledged!")


asyncio.run(main())
