#!/usr/bin/env python3
"""HTTP fuzzing of `plebiscite serve` on loopback (docs/server.md, "Fuzzing"). Standard library only.

Sends REQUESTS randomized requests (default 100,000), bounded by --max-seconds, then stops by itself:
every route of docs/openapi.yaml and of the pages, and unknown ones; random methods, headers, cookies,
tokens (valid ones of every role, revoked-looking and garbage), bodies (JSON that fits, JSON that
almost fits, forms, CSV, binary, large), path segments and queries; and broken framing over raw
sockets (bad request lines, conflicting lengths, bad chunks, truncated bodies, pipelining, huge
headers, HTTP/2 and TLS bytes). Prints counts by status, every 5xx other than 503, and whether the
server died; checks that requests the server refused left the store unchanged (a hash of every table
of the SQLite database, taken between batches of requests: a batch in which no mutating request was
accepted must not change it).

    python3 scripts/http-fuzz.py --plebiscite .build/debug/plebiscite [--requests 100000] [--max-seconds 900]
    python3 scripts/http-fuzz.py --url http://127.0.0.1:8080 --database plebiscite.sqlite \\
        --admin-token T --station-token T [--station DON-01] [--cards cards.csv]

With --plebiscite it sets up a referendum of Examples/four-regions.yaml in a temporary directory
(windows moved to around now, 400 voters, keys, polls open, a token of each role), starts the server,
and restarts it when it dies: the request that killed it is replayed alone to confirm, written to
--crashes, and its route is left out for the rest of the run, so that one crash does not hide the
others. With --url it stops at the first death. Exit status 1 when the server died, a 5xx other than
503 came back, or a refused request changed the store.
"""
import argparse
import base64
import hashlib
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, deque
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MUTATING = {"POST", "PUT", "DELETE", "PATCH"}
PAGES = [("GET", "/"), ("GET", "/login"), ("POST", "/login"), ("POST", "/logout"), ("GET", "/tracker"),
         ("GET", "/results"), ("GET", "/observer"), ("GET", "/booth"), ("POST", "/booth/check-in"),
         ("POST", "/booth/encrypt"), ("POST", "/booth/cast"), ("POST", "/booth/challenge")]
UNKNOWN = [("GET", "/api/v1/admin"), ("GET", "/api/v2/referendum"), ("GET", "/.env"), ("POST", "/api/v1/station"),
           ("GET", "/static/../../etc/passwd"), ("GET", "/record.zip/x"), ("PUT", "/api/v1/referendum"),
           ("GET", "/api/v1/tracker"), ("GET", "/api/v1/tracker/"), ("DELETE", "/api/v1/station/sessions")]
METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "get", "G ET", "X" * 300]
REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIFECYCLE = ["announce", "ceremony", "open", "close", "tally", "decrypt", "certify", "publish"]


def openapi_routes():
    """(method, path template) for every operation of docs/openapi.yaml."""
    routes, path = [], None
    for line in open(os.path.join(ROOT, "docs/openapi.yaml"), encoding="utf-8"):
        if m := re.match(r"^  (/[^:]*):\s*$", line):
            path = m.group(1)
        elif path and (m := re.match(r"^    (get|post|put|delete|patch):", line)):
            routes.append((m.group(1).upper(), path))
        elif re.match(r"^\S", line):
            path = None
    return routes


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body


class ServerDown(Exception):
    pass


class Client:
    """One keep-alive connection, reopened when the server closes it."""

    def __init__(self, host, port, timeout=5.0):
        self.host, self.port, self.timeout = host, port, timeout
        self.sock = None

    def close(self):
        if self.sock:
            try:
                # RST instead of FIN: no TIME_WAIT piling up over 100,000 connections.
                self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                self.sock.close()
            except OSError:
                pass
        self.sock = None

    def connect(self):
        try:
            self.sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except (ConnectionRefusedError, ConnectionResetError, socket.timeout, OSError) as error:
            raise ServerDown(str(error))

    def exchange(self, raw, method="GET", fresh=False, half_close=False):
        """Sends raw bytes, reads one response; None when the server closed without answering."""
        if fresh or self.sock is None:
            self.close()
            self.connect()
        try:
            self.sock.settimeout(self.timeout)
            self.sock.sendall(raw)
            if half_close:
                self.sock.shutdown(socket.SHUT_WR)
            response = self.read(method)
        except socket.timeout:
            self.close()
            return "timeout"
        except (ConnectionResetError, BrokenPipeError, OSError):
            self.close()
            return None
        if response is None or response.headers.get("connection", "").lower() == "close":
            self.close()
        return response

    def read(self, method):
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = self.sock.recv(65536)
            if not chunk:
                return None if not data else self.parse_head(data, b"")
            data += chunk
            if len(data) > 1 << 20:
                break
        head, _, rest = data.partition(b"\r\n\r\n")
        response = self.parse_head(head, rest)
        if response is None or method == "HEAD" or response.status in (204, 304) or 100 <= response.status < 200:
            return response
        headers = response.headers
        if "text/event-stream" in headers.get("content-type", ""):
            self.close()
            return response
        if "content-length" in headers:
            length = int(headers["content-length"])
            while len(rest) < length:
                chunk = self.sock.recv(min(65536, length - len(rest)))
                if not chunk:
                    break
                rest += chunk
            response.body = rest[:length]
        elif "chunked" in headers.get("transfer-encoding", ""):
            while not rest.endswith(b"0\r\n\r\n"):
                chunk = self.sock.recv(65536)
                if not chunk:
                    break
                rest += chunk
            response.body = rest
        else:
            while chunk := self.sock.recv(65536):
                rest += chunk
            response.body = rest
            self.close()
        return response

    @staticmethod
    def parse_head(head, rest):
        lines = head.split(b"\r\n")
        parts = lines[0].split(b" ", 2)
        if len(parts) < 2 or not parts[0].startswith(b"HTTP/") or not parts[1].isdigit():
            return Response(-1, {}, head + rest)
        headers = {}
        for line in lines[1:]:
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        return Response(int(parts[1]), headers, rest)


class Store:
    """A fingerprint of every table of the SQLite database, read-only."""

    def __init__(self, path):
        self.path = path

    def snapshot(self):
        uri = f"file:{self.path}?mode=ro"
        for _ in range(20):
            try:
                with sqlite3.connect(uri, uri=True, timeout=10) as db:
                    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
                    result = {}
                    for table in tables:
                        digest = hashlib.sha256()
                        count = 0
                        for row in db.execute(f'SELECT * FROM "{table}"'):
                            digest.update(repr(row).encode())
                            count += 1
                        result[table] = (count, digest.hexdigest())
                    return result
            except sqlite3.OperationalError:
                time.sleep(0.1)
        raise RuntimeError("cannot read the database")


class Generator:
    """Random requests, from a seeded generator so that a run can be repeated."""

    def __init__(self, rng, host, tokens, station, credentials, routes):
        self.rng, self.host, self.tokens, self.station, self.credentials = rng, host, tokens, station, credentials
        self.routes = routes
        self.sessions = []
        self.skipped = set()

    # -- pieces ---------------------------------------------------------------------------------
    def junk(self, short=False):
        r = self.rng
        choice = r.randrange(14)
        if choice == 0:
            return ""
        if choice == 1:
            return "A" * r.choice([64, 257, 4096, 70000 if not short else 300])
        if choice == 2:
            return "".join(r.choice("%/\\.?#&=+;:@$!*'()[] \t\x00\x7f") for _ in range(r.randrange(1, 12)))
        if choice == 3:
            return r.choice(["..", ".", "%2e%2e", "%2F", "%00", "%", "%zz", "%C0%AE", "%FF%FE", "~", "null", "-1", "0"])
        if choice == 4:
            return r.choice(["Донецьк", "𝔘𝔫𝔦", "e\u0301", "\u202e", "😀" * 5, "\ufeff"])
        if choice == 5:
            return str(r.choice([0, -1, 2**31, 2**63, 10**40, 1.5e308]))
        if choice == 6:
            return "".join(r.choice("0123456789ABCDEF ") for _ in range(r.choice([4, 16, 64, 79, 80, 81])))
        if choice == 7 and self.sessions:
            return r.choice(self.sessions)
        if choice == 8:
            return r.choice(["DON-01", "DON-01-M", "DON-01-2", "EXT-KYIV", "donetsk", "yes", "no", "admin"])
        if choice == 9 and self.credentials:
            return r.choice(self.credentials)
        return "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789-_") for _ in range(r.randrange(1, 40)))

    def token(self):
        r = self.rng
        choice = r.randrange(10)
        if choice < 5 and self.tokens:
            return r.choice(list(self.tokens.values()))
        if choice == 5:
            return ""
        if choice == 6:
            return "x" * r.choice([1, 43, 44, 100, 10000])
        if choice == 7 and self.tokens:
            t = r.choice(list(self.tokens.values()))
            return t[:-1] + ("A" if t[-1] != "A" else "B")
        return self.junk(short=True)

    def path(self, template, method):
        r = self.rng

        def fill(match):
            name = match.group(1)
            if name == "action":
                # A valid admin token with a real action would end the vote (close): only junk then.
                return r.choice(LIFECYCLE) if self.current_role != "admin" else "x" + self.junk(short=True)
            if name == "session" and self.sessions and r.random() < 0.5:
                return r.choice(self.sessions)
            if name == "station":
                return r.choice([self.station, self.station + "-2", "EXT-KYIV", self.junk(short=True)])
            return urlquote(self.junk())

        path = re.sub(r"\{(\w+)\}", fill, template)
        if r.random() < 0.1:
            path += "/" + urlquote(self.junk(short=True))
        if r.random() < 0.05:
            path = path.replace("/", r.choice(["//", "/./", "/%2F"]), 1)
        if r.random() < 0.3:
            params = []
            for _ in range(r.randrange(1, 5)):
                key = r.choice(["next", "lang", "limit", "offset", "station", "region", "code", "after", "", self.junk(short=True)])
                value = r.choice(["%2F%09%2Fevil.example", "//evil.example", "/booth", "https://evil.example", "uk", "ru", "en",
                                  "-1", "99999999999999999999", self.junk(short=True)])
                params.append(f"{urlquote(key)}={urlquote(value)}" if r.random() < 0.9 else key)
            path += "?" + "&".join(params)
        return path

    def form(self):
        r = self.rng
        names = ["token", "next", "device", "credential", "session", "choice", "lang", "", "=", "a"]
        pairs = []
        for _ in range(r.randrange(0, 6)):
            shape = r.randrange(8)
            name, value = r.choice(names), self.junk(short=True)
            if shape == 0:
                pairs.append("=")
            elif shape == 1:
                pairs.append(f"={urlquote(value)}")
            elif shape == 2:
                pairs.append(name)
            elif shape == 3:
                pairs.append(f"{name}={value}")  # not encoded: raw %, &, + and NULs
            elif shape == 4:
                pairs.append(f"{name}={urlquote(value)}={value}")
            else:
                pairs.append(f"{urlquote(name)}={urlquote(value)}")
        return r.choice(["&", "&&", ";"]).join(pairs)

    def json_body(self, template):
        r = self.rng
        fits = {
            "/api/v1/station/check-in": lambda: {"device": r.choice([self.station + "-F1", self.junk(short=True)]),
                                                 "credential": self.junk(short=True)},
            "/encrypt": lambda: {"choice": r.choice(["yes", "no", "", "maybe", None, 1, ["yes"], {"yes": 1}])},
            "/api/v1/admin/tokens": lambda: {"role": r.choice(["admin2", "station:", "guardian:", "station:" + "x" * 300,
                                                               self.junk(short=True)]), "label": self.junk(short=True)},
            "/api/v1/station/visits": lambda: {"box": r.choice([self.station + "-M", self.junk(short=True)]),
                                               "request": self.junk(short=True), "officials": [self.junk(short=True)],
                                               "observers": []},
            "/api/v1/guardian/rounds": lambda: {"round": r.choice([1, 2, 0, -1, "1"]), "shares": [self.junk(short=True)]},
        }
        value = None
        for suffix, make in fits.items():
            if template.endswith(suffix):
                value = make()
        if value is None or r.random() < 0.3:
            value = self.random_json(3)
        if isinstance(value, dict) and r.random() < 0.3:
            for key in list(value)[: r.randrange(len(value) + 1)]:
                value[key] = self.random_json(2)
        text = json.dumps(value)
        if r.random() < 0.15:
            cut = r.randrange(len(text) + 1)
            text = text[:cut] + r.choice(["", ",", "}", "]]]", "\x00", '"', "\\u12"]) + text[cut:]
        if r.random() < 0.03:
            text = "[" * r.choice([100, 1000, 20000]) + "]" * r.choice([0, 100])
        return text.encode("utf-8", "surrogatepass")

    def random_json(self, depth):
        r = self.rng
        kind = r.randrange(8 if depth > 0 else 5)
        if kind == 0:
            return None
        if kind == 1:
            return r.choice([True, False])
        if kind == 2:
            return r.choice([0, -1, 2**53 + 1, 10**30, 1e308, -0.0, 3.5])
        if kind in (3, 4):
            return self.junk(short=True)
        if kind == 5:
            return [self.random_json(depth - 1) for _ in range(r.randrange(4))]
        keys = ["device", "credential", "choice", "role", "label", "box", "round", self.junk(short=True)]
        return {r.choice(keys): self.random_json(depth - 1) for _ in range(r.randrange(5))}

    def body(self, template):
        r = self.rng
        kind = r.randrange(10)
        if kind == 0:
            return b"", None
        if kind in (1, 2, 3):
            return self.json_body(template), r.choice(["application/json", "application/json; charset=utf-8", "text/plain", None])
        if kind in (4, 5):
            return self.form().encode("utf-8", "surrogatepass"), r.choice(["application/x-www-form-urlencoded", None, "multipart/form-data"])
        if kind == 6:
            rows = ["voter_id,home_region,displaced,home_station"] + [
                f"{self.junk(short=True)},{r.choice(['donetsk', 'kherson', 'x'])},{r.choice(['yes', 'no', ''])}" for _ in range(r.randrange(4))]
            return "\n".join(rows).encode("utf-8", "surrogatepass"), "text/csv"
        if kind == 7:
            return bytes(r.randrange(256) for _ in range(r.randrange(1, 300))), r.choice(["application/octet-stream", None])
        if kind == 8:
            return b"A" * r.choice([16 * 1024 + 1, 100_000, 1_100_000]), r.choice(["application/json", "application/x-www-form-urlencoded"])
        return ("id: x\n" + self.junk()).encode("utf-8", "surrogatepass"), "application/yaml"

    # -- requests -------------------------------------------------------------------------------
    def request(self):
        """(label, raw bytes, method, route template, fresh connection?, half close?)."""
        r = self.rng
        if r.random() < 0.08:
            return self.broken()
        pool = [route for route in self.routes if route not in self.skipped] or self.routes
        method, template = r.choice(pool)
        if r.random() < 0.1:
            method = r.choice(METHODS)
        token = self.token()
        self.current_role = next((role for role, value in self.tokens.items() if value == token), None)
        path = self.path(template, method)
        headers = [("Host", r.choice([self.host, self.host, "evil.example", "", "x" * 300]))]
        if token and r.random() < 0.7:
            headers.append(("Authorization", r.choice([f"Bearer {token}", f"bearer {token}", f"Bearer  {token}", f"Basic {token}",
                                                       "Bearer", f"Bearer {token}, Bearer x"])))
        if r.random() < 0.35:
            cookies = []
            for _ in range(r.randrange(1, 4)):
                name = r.choice(["plebiscite_token", "plebiscite_device", "plebiscite_lang", "", self.junk(short=True)])
                value = r.choice([token, self.station + "-P1", "uk", "ru", "xx", self.junk(short=True)])
                cookies.append(f"{name}={value}")
            headers.append(("Cookie", r.choice(["; ", ";", ",", " ;; "]).join(cookies)))
        if r.random() < 0.2:
            headers.append(("Origin", r.choice(["http://evil.example", f"http://{self.host}", "null", ""])))
        if r.random() < 0.1:
            headers.append(("Accept-Language", r.choice(["uk", "ru;q=0.9", "*", "x" * 1000, "en-US,en;q=abc"])))
        for _ in range(r.choice([0, 0, 0, 1, 3, 150])):
            headers.append((self.junk(short=True).replace(":", "").replace("\r", "").replace("\n", "") or "X", self.junk(short=True)))
        body, content_type = self.body(template) if method in MUTATING or r.random() < 0.1 else (b"", None)
        if content_type:
            headers.append(("Content-Type", content_type))
        if body or method in MUTATING:
            headers.append(("Content-Length", str(len(body))))
        if r.random() < 0.1:
            headers.append(("Connection", r.choice(["close", "keep-alive", "upgrade", "x"])))
        return (f"{method.split(' ')[0][:20]} {template}", build(method, path, headers, body), method, (method, template),
                r.random() < 0.2, False)

    def deep(self):
        """A voter at a station device: check in with a real credential, then fuzz the session."""
        r = self.rng
        token = self.tokens.get("station")
        if not token or not self.credentials:
            return []
        device = f"{self.station}-F{r.randrange(1, 4)}"
        body = json.dumps({"device": device, "credential": r.choice(self.credentials)}).encode()
        headers = [("Host", self.host), ("Authorization", f"Bearer {token}"), ("Content-Type", "application/json"),
                   ("Content-Length", str(len(body)))]
        return [build("POST", "/api/v1/station/check-in", headers, body)]

    def broken(self):
        r = self.rng
        host = self.host
        token = self.tokens.get("station", "x")
        cases = [
            b"GET\r\n\r\n",
            b"GET /healthz\r\n\r\n",
            b"GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n",
            b"GET /healthz HTTP/1.1\r\nHost x\r\n\r\n",
            b"GET /healthz HTTP/1.1\nHost: x\n\n",
            b"GET /healthz HTTP/1.1\r\nHost: x\r\n folded: value\r\n\r\n",
            b"GET /he\x00althz HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET /healthz HTTP/1.1\r\nHost: \x00\x01\x7f\r\n\r\n",
            b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + bytes(r.randrange(256) for _ in range(40)),
            b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(r.randrange(256) for _ in range(200)),
            bytes(r.randrange(256) for _ in range(r.randrange(1, 2000))),
            b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nContent-Length: 3\r\n\r\n=&=",
            b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n=",
            b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n=",
            b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 67108864\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n" + b"a=b&" * 2000,
            b"POST /api/v1/station/check-in HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
            b"POST /api/v1/station/check-in HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\nabc\r\n",
            b"POST /api/v1/station/check-in HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n1\r\n{\r\n0\r\n\r\n",
            b"POST /api/v1/station/check-in HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
            b"POST /api/v1/station/check-in HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token.encode() +
            b"\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"device\":",
            b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /api/v1/turnout HTTP/1.1\r\nHost: x\r\n\r\nGET /metrics HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET /healthz HTTP/1.1\r\nHost: x\r\nX: " + b"y" * 100_000 + b"\r\n\r\n",
            b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET /healthz HTTP/1.1\r\n" + b"".join(b"H%d: v\r\n" % i for i in range(2000)) + b"\r\n",
            b"GET /api/v1/observer/turnout/stream HTTP/1.1\r\nHost: x\r\nCookie: plebiscite_token=" + token.encode() + b"\r\n\r\n",
            b"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
            b"CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET http://evil.example/healthz HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET /healthz HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
            b"GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n",
            b"GET /healthz HTTP/1.1\r\nHost: x\r\n",
            b"POST /booth/check-in HTTP/1.1\r\nHost: x\r\nCookie: plebiscite_token=" + token.encode() +
            b"\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1\r\n\r\n=",
        ]
        index = r.randrange(len(cases))
        while ("RAW", str(index)) in self.skipped:
            index = r.randrange(len(cases))
        raw = cases[index].replace(b"Host: x", b"Host: " + host.encode())
        if r.random() < 0.3:
            raw = raw[: r.randrange(len(raw) + 1)]
        return (f"RAW case {index}", raw, "RAW", ("RAW", str(index)), True, r.random() < 0.5)


def urlquote(text):
    from urllib.parse import quote
    return quote(text, safe="")


def build(method, path, headers, body):
    head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers) + "\r\n"
    return head.encode("utf-8", "surrogatepass") + body


# -- a referendum of our own ------------------------------------------------------------------------
class Server:
    """`plebiscite serve` on a referendum set up in a temporary directory."""

    def __init__(self, binary, voters):
        self.binary = os.path.abspath(binary)
        self.work = tempfile.mkdtemp(prefix="plebiscite-http-fuzz.")
        self.database = os.path.join(self.work, "referendum.sqlite")
        self.process = None
        self.url = None
        self.setup(voters)

    def run(self, *arguments):
        result = subprocess.run([self.binary, *arguments, "--database", self.database], cwd=self.work,
                                capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            raise RuntimeError(f"plebiscite {' '.join(arguments)}: {result.stderr.strip()}")
        return result.stdout.strip()

    def setup(self, voters):
        now = datetime.now(timezone.utc)
        stamp = lambda delta: (now + delta).strftime("%Y-%m-%dT%H:%M:%SZ")
        text = open(os.path.join(ROOT, "Examples/four-regions.yaml"), encoding="utf-8").read()
        text = re.sub(r"announced: \d{4}-\S+", f"announced: {stamp(timedelta(days=-30))}", text)
        text = re.sub(r"opens: [^,}]+", f"opens: {stamp(timedelta(days=-1))}", text)
        text = re.sub(r"closes: [^,}]+", f"closes: {stamp(timedelta(days=2))}", text)
        text = re.sub(r"count: \d{4}-\S+", f"count: {stamp(timedelta(days=3))}", text)
        text = re.sub(r"certification: \d{4}-\S+", f"certification: {stamp(timedelta(days=8))}", text)
        with open(os.path.join(self.work, "referendum.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
        regions = ["donetsk", "luhansk", "zaporizhzhia", "kherson"]
        with open(os.path.join(self.work, "voters.csv"), "w") as f:
            f.write("voter_id,home_region,displaced\n")
            for i in range(voters):
                f.write(f"v{i},{regions[i % 4]},{'yes' if i % 5 == 0 else 'no'}\n")
        self.run("init", "referendum.yaml")
        self.run("announce")
        self.run("register", "import", "voters.csv", "--cards", "cards.csv")
        # Each guardian makes its own key, offline, through the ceremony's files.
        ceremony = subprocess.run([os.path.join(REPOSITORY, "scripts", "ceremony-local.sh"), self.binary, self.database,
                                   os.path.join(self.work, "guardians")], cwd=self.work, capture_output=True, text=True, timeout=900)
        if ceremony.returncode != 0:
            raise RuntimeError(f"the key ceremony: {ceremony.stderr.strip()}")
        self.run("open")
        self.tokens = {"admin": self.run("token", "issue", "admin"), "station": self.run("token", "issue", "station:DON-01"),
                       "observer": self.run("token", "issue", "observer"), "guardian": self.run("token", "issue", "guardian:guardian1")}
        self.credentials = [line.split(",")[2] for line in open(os.path.join(self.work, "cards.csv")).read().splitlines()[1:]
                            if line.split(",")[1] == "donetsk"]

    def start(self):
        log = open(os.path.join(self.work, "server.log"), "ab")
        # No symbolicated backtrace on a crash: it takes 15 s in a debug build, and the replay names the request.
        environment = dict(os.environ, SWIFT_BACKTRACE="enable=no")
        self.process = subprocess.Popen([self.binary, "serve", "--database", self.database, "--port", "0", "--record",
                                         os.path.join(self.work, "record"), "--log-level", "error"],
                                        cwd=self.work, stdout=subprocess.PIPE, stderr=log, env=environment)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = self.process.stdout.readline().decode()
            if m := re.search(r"http://[0-9.]+:\d+", line):
                self.url = m.group(0)
                return
            if self.process.poll() is not None:
                break
        raise RuntimeError("the server did not start; see " + os.path.join(self.work, "server.log"))

    def alive(self):
        return self.process.poll() is None

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None

    def death(self):
        """How the process ended, for the report."""
        code = self.process.wait(120)
        return f"signal {-code}" if code < 0 else f"exit {code}"


def healthy(host, port):
    try:
        response = Client(host, port, timeout=3).exchange(f"GET /healthz HTTP/1.1\r\nHost: {host}\r\n\r\n".encode(), fresh=True)
        return isinstance(response, Response) and response.status == 200
    except ServerDown:
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plebiscite", help="the plebiscite binary: set up a referendum and run the server")
    parser.add_argument("--url", help="a running server (with --database and tokens)")
    parser.add_argument("--database", help="its SQLite database, for the store check")
    parser.add_argument("--admin-token"), parser.add_argument("--station-token"), parser.add_argument("--observer-token")
    parser.add_argument("--station", default="DON-01", help="the station of --station-token")
    parser.add_argument("--cards", help="voter cards CSV (voter_id,home_region,credential) of the station's region")
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--max-seconds", type=float, default=900)
    parser.add_argument("--batch", type=int, default=400, help="requests between two snapshots of the store")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--voters", type=int, default=400)
    parser.add_argument("--max-deaths", type=int, default=10)
    parser.add_argument("--crashes", default=os.path.join(ROOT, ".build-fuzz", "http-crashes"))
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    if not args.plebiscite and not args.url:
        parser.error("give --plebiscite BIN or --url URL")

    server = None
    if args.plebiscite:
        server = Server(args.plebiscite, args.voters)
        server.start()
        url, database, tokens, credentials = server.url, server.database, server.tokens, server.credentials
    else:
        url, database = args.url, args.database
        tokens = {k: v for k, v in (("admin", args.admin_token), ("station", args.station_token), ("observer", args.observer_token)) if v}
        credentials = [l.split(",")[2] for l in open(args.cards).read().splitlines()[1:]] if args.cards else []
    host, port = url.split("//")[1].split(":")
    port = int(port)
    store = Store(database) if database else None
    rng = random.Random(args.seed)
    routes = openapi_routes() + PAGES + UNKNOWN
    generator = Generator(rng, f"{host}:{port}", tokens, args.station, credentials, routes)
    client = Client(host, port)
    print(f"http-fuzz: {url}, {len(routes)} routes ({len(openapi_routes())} from docs/openapi.yaml), seed {args.seed}, "
          f"up to {args.requests} requests or {args.max_seconds:.0f} s", flush=True)

    by_status, by_route = Counter(), Counter()
    server_errors, deaths, store_changes = [], [], []
    checked = unchecked = accepted_mutations = 0
    start = time.monotonic()
    sent = 0
    before = store.snapshot() if store else None
    batch_accepted = False
    os.makedirs(args.crashes, exist_ok=True)

    recent = deque(maxlen=8)

    def replay_kills(raw, method):
        """True when `raw`, sent alone to a fresh server, makes the process exit."""
        replay = Client(host, int(server.url.rsplit(":", 1)[1]), timeout=3)
        try:
            replay.exchange(raw, method, fresh=True)
        except ServerDown:
            pass
        replay.close()
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and server.alive():
            time.sleep(0.05)
        return not server.alive()

    def handle_death(label):
        how = server.death() if server else "no answer"
        entry = {"request": sent, "label": label, "how": how, "confirmed": False}
        if server:
            server.start()
            # The killer is among the last requests: those left without an answer first, then newest first.
            candidates = sorted(recent, key=lambda item: (item[4], -item[5]))
            for c_label, c_raw, c_method, c_route, _, _ in candidates:
                if replay_kills(c_raw, c_method if c_method != "RAW" else "GET"):
                    entry.update(label=c_label, how=server.death(), confirmed=True)
                    name = os.path.join(args.crashes, f"crash-{len(deaths) + 1}.http")
                    with open(name, "wb") as f:
                        f.write(c_raw)
                    entry["file"] = name
                    generator.skipped.add(c_route)
                    server.start()
                    break
        deaths.append(entry)
        print(f"http-fuzz: the server died near request {sent}: {entry['how']}; "
              + (f"the killer, confirmed by replaying it alone: {entry['label']}, saved as {entry['file']}" if entry["confirmed"]
                 else "no single recent request kills it when replayed alone"), flush=True)
        return server is not None

    while sent < args.requests and time.monotonic() - start < args.max_seconds:
        deep = (sent // args.batch) % 10 == 9
        if deep and rng.random() < 0.3:
            for raw in generator.deep():
                try:
                    response = client.exchange(raw, "POST")
                except ServerDown:
                    response = None
                sent += 1
                if isinstance(response, Response) and response.status == 201:
                    batch_accepted = True
                    accepted_mutations += 1
                    try:
                        generator.sessions.append(json.loads(response.body)["session"])
                        generator.sessions = generator.sessions[-20:]
                    except (ValueError, KeyError):
                        pass
                by_status[response.status if isinstance(response, Response) else str(response)] += 1
            continue
        label, raw, method, route, fresh, half = generator.request()
        client.timeout = 0.3 if method == "RAW" else 2.0
        try:
            response = client.exchange(raw, method if method != "RAW" else "GET", fresh=fresh, half_close=half)
        except ServerDown:
            response = None
        sent += 1
        status = response.status if isinstance(response, Response) else ("no response" if response is None else response)
        by_status[status] += 1
        by_route[(label, status)] += 1
        if isinstance(response, Response):
            if response.status >= 500 and response.status != 503 and len(server_errors) < 50:
                server_errors.append((label, response.status, response.body[:200]))
            if 200 <= response.status < 400 and (method in MUTATING or method == "RAW"):
                batch_accepted = True
                accepted_mutations += 1
        recent.append((label, raw, method, route, isinstance(response, Response), sent))
        if (response is None or response == "timeout") and (not server.alive() if server else not healthy(host, port)):
            if not handle_death(label) or len(deaths) >= args.max_deaths:
                break
            url = server.url
            port = int(url.rsplit(":", 1)[1])
            client = Client(host, port)
            generator.host = f"{host}:{port}"
            generator.sessions = []
            recent.clear()
        if store and sent % args.batch == 0:
            after = store.snapshot()
            if batch_accepted:
                unchecked += 1
            else:
                checked += 1
                changed = sorted(t for t in set(before) | set(after) if before.get(t) != after.get(t))
                if changed:
                    store_changes.append((sent, changed))
            before, batch_accepted = after, False

    elapsed = time.monotonic() - start
    survived = (server.alive() if server else healthy(host, port))
    print(f"http-fuzz: {sent} requests in {elapsed:.0f} s ({sent / max(elapsed, 0.001):.0f}/s)")
    print("http-fuzz: by status: " + ", ".join(f"{k}: {v}" for k, v in sorted(by_status.items(), key=lambda kv: str(kv[0]))))
    slow = Counter({label: n for (label, status), n in by_route.items() if status == "timeout"})
    if slow:
        print("http-fuzz: no answer within the timeout (2 s; raw cases 0.3 s): "
              + ", ".join(f"{label}: {n}" for label, n in slow.most_common(8)))
    print(f"http-fuzz: 5xx other than 503: {len(server_errors)}")
    for label, status, body in server_errors[:20]:
        print(f"  {status} {label}: {body!r}")
    print(f"http-fuzz: server deaths: {len(deaths)}; alive at the end: {'yes' if survived else 'no'}")
    for death in deaths:
        print(f"  near request {death['request']}: {death['label']} ({death['how']}"
              f"{', confirmed' if death['confirmed'] else ''}) {death.get('file', '')}")
    if store:
        print(f"http-fuzz: store: {checked} batches with only refused mutations checked, {len(store_changes)} changed the store; "
              f"{unchecked} batches held {accepted_mutations} accepted mutations (not checked)")
        for at, tables in store_changes[:20]:
            print(f"  batch ending at request {at} changed {', '.join(tables)}")
    if server:
        server.stop()
        if not args.keep:
            shutil.rmtree(server.work, ignore_errors=True)
        else:
            print(f"http-fuzz: kept {server.work}")
    sys.exit(1 if deaths or server_errors or store_changes or not survived else 0)


if __name__ == "__main__":
    main()
