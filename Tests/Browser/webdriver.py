"""A minimal W3C WebDriver client over plain HTTP (standard library only): enough to drive
headless Chromium through chromedriver in the browser tests, with no package to install."""
import base64
import json
import time
import urllib.error
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


class WebDriverError(Exception):
    pass


class Session:
    def __init__(self, driver_url, chromium="/usr/bin/chromium"):
        self.base = driver_url.rstrip("/")
        capabilities = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1200,1000", "--lang=uk"]},
        }}}
        value = self._call("POST", "/session", capabilities)
        self.id = value["sessionId"]

    def _call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else (b"{}" if method == "POST" else None)
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read() or b"{}").get("value")
        except urllib.error.HTTPError as error:
            raise WebDriverError(f"{method} {path}: {error.code} {error.read()[:400]!r}")

    def call(self, method, path, body=None):
        return self._call(method, f"/session/{self.id}{path}", body)

    def get(self, url):
        self.call("POST", "/url", {"url": url})

    def find(self, css, timeout=10):
        deadline = time.time() + timeout
        while True:
            try:
                return Element(self, self.call("POST", "/element", {"using": "css selector", "value": css})[ELEMENT])
            except WebDriverError:
                if time.time() > deadline:
                    raise WebDriverError(f"no element {css} on {self.url()}:\n{self.source()[:2000]}")
                time.sleep(0.1)

    def exists(self, css):
        return bool(self.call("POST", "/elements", {"using": "css selector", "value": css}))

    def url(self):
        return self.call("GET", "/url")

    def source(self):
        return self.call("GET", "/source")

    def screenshot(self, path):
        with open(path, "wb") as file:
            file.write(base64.b64decode(self.call("GET", "/screenshot")))

    def quit(self):
        try:
            self._call("DELETE", f"/session/{self.id}")
        except Exception:
            pass


class Element:
    def __init__(self, session, id):
        self.session, self.id = session, id

    def click(self):
        self.session.call("POST", f"/element/{self.id}/click")

    def type(self, text):
        self.session.call("POST", f"/element/{self.id}/value", {"text": text})

    def text(self):
        return self.session.call("GET", f"/element/{self.id}/text")

    def attribute(self, name):
        return self.session.call("GET", f"/element/{self.id}/attribute/{name}")
