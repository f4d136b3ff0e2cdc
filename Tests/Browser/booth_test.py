"""Browser tests: headless Chromium drives the booth, the tracker, the results and the observer
pages of a real `plebiscite serve`. Cast a ballot, challenge another, then find the codes in the
tracker; screenshots of every page go to $SCREENSHOTS. Prints 'browser: N passed, N failed'."""
import json
import os
import sys
import time
import traceback
import urllib.request

from webdriver import Session

BASE = os.environ["PLEBISCITE_URL"]
SHOTS = os.environ.get("SCREENSHOTS", "screenshots")
STATION_TOKEN = os.environ["STATION_TOKEN"]
OBSERVER_TOKEN = os.environ["OBSERVER_TOKEN"]
CARDS = dict(line.split(",")[0::2] for line in open(os.environ["CARDS"]).read().split("\n")[1:] if line)

tests = {"voting": [], "after-count": []}
CODES = os.environ.get("CODES_FILE", os.path.join(SHOTS, "codes.json"))
codes = json.load(open(CODES)) if os.path.exists(CODES) else {}
browser = None


def test(function, phase="voting"):
    tests[phase].append(function)
    return function


def after_count(function):
    return test(function, "after-count")


def shot(name):
    browser.screenshot(os.path.join(SHOTS, name + ".png"))


def sign_in(next_page, token, device=None):
    browser.get(f"{BASE}/login?next={next_page}")
    browser.find("#token").type(token)
    if device:
        browser.find("#device").type(device)
    browser.find("#login").click()


def api(path, body=None):
    request = urllib.request.Request(BASE + path, data=json.dumps(body).encode() if body is not None else b"", method="POST",
                                     headers={"Authorization": f"Bearer {STATION_TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def api_vote(voter, device="A-1-B2"):
    session = api("/api/v1/station/check-in", {"device": device, "credential": CARDS[voter]})["session"]
    api(f"/api/v1/station/sessions/{session}/encrypt", {"choice": "no"})
    return api(f"/api/v1/station/sessions/{session}/cast")["confirmationCode"]


def check_in(voter, choice):
    browser.get(f"{BASE}/booth?lang=uk")
    browser.find("#credential").type(CARDS[voter])
    browser.find("#check-in").click()
    browser.find(f"#choice-{choice}").click()
    browser.find("#encrypt").click()
    return browser.find("#code").text().replace(" ", "")


@test
def booth_cast():
    sign_in("/booth", STATION_TOKEN, device="A-1-B1")
    browser.get(f"{BASE}/booth?lang=uk")
    shot("booth-credential")
    code = check_in("v1", "yes")
    assert len(code) == 64, code
    shot("booth-code")
    browser.find("#cast").click()
    done = browser.find("#cast-done")
    assert code == browser.find("#cast-code").text().replace(" ", "")
    assert "прийнято" in done.text(), done.text()
    assert browser.find("#paper-choice").text() == "Так", browser.find("#paper-choice").text()
    sheet = browser.find("#paper-sheet").text()
    assert len(sheet) == 9 and sheet[4] == "-" and sheet.replace("-", "") not in code.upper(), sheet
    shot("booth-cast")
    codes["cast"] = code


@test
def booth_challenge_then_revote():
    code = check_in("v2", "no")
    browser.find("#challenge").click()
    revealed = browser.find("#revealed-choice").text()
    assert revealed == "Ні", revealed
    shot("booth-challenged")
    codes["challenged"] = code
    # The voter votes again in the same session.
    browser.find("#choice-yes").click()
    browser.find("#encrypt").click()
    codes["revote"] = browser.find("#code").text().replace(" ", "")
    browser.find("#cast").click()
    browser.find("#cast-done")


@test
def booth_refuses_unknown_credential():
    browser.get(f"{BASE}/booth?lang=en")
    browser.find("#credential").type("0000-0000-0000-0000-0000-0000")
    browser.find("#check-in").click()
    message = browser.find(".message").text()
    assert "not on the register" in message, message


@test
def tracker_finds_codes():
    for key, status in [("cast", "received"), ("challenged", "challenged"), ("revote", "received")]:
        browser.get(f"{BASE}/tracker?lang=en")
        field = browser.find("#code")
        field.type(" ".join(codes[key][i:i + 4] for i in range(0, 64, 4)))
        browser.find("#find").click()
        answer = browser.find("#answer")
        assert answer.attribute("data-status") == status, (key, answer.attribute("data-status"))
        if key == "cast":
            shot("tracker")
    browser.get(f"{BASE}/tracker?lang=ru&code=" + "0" * 64)
    assert browser.find("#answer").attribute("data-status") == "not-found"
    shot("tracker-not-found-ru")


@test
def results_page():
    browser.get(f"{BASE}/results?lang=ru")
    browser.find("#turnout")
    browser.find("#chart svg polyline")
    shot("results-ru")


@test
def observer_live_turnout():
    sign_in("/observer", OBSERVER_TOKEN)
    browser.get(f"{BASE}/observer?lang=en")
    cast = browser.find('td[data-status="cast"]')
    assert cast.text() == "2", cast.text()
    # Another device casts: the page shows it without a reload (Server-Sent Events).
    api_vote("v3")
    deadline = time.time() + 15
    while browser.find('td[data-status="cast"]').text() != "3" and time.time() < deadline:
        time.sleep(0.2)
    assert browser.find('td[data-status="cast"]').text() == "3", "no live update"
    assert browser.find('tr[data-region="alpha"] .voters').text() == "3"
    shot("observer")
    # v1 votes again: until the count the tracker still says "received" for the first ballot.
    codes["v1-revote"] = api_vote("v1")
    browser.get(f"{BASE}/tracker?lang=en&code={codes['cast']}")
    assert browser.find("#answer").attribute("data-status") == "received"


@test
def home_page():
    browser.get(f"{BASE}/?lang=uk")
    browser.find("h1")
    shot("home-uk")


@after_count
def results_decrypted():
    browser.get(f"{BASE}/results?lang=en")
    row = browser.find("#regions tr:nth-child(2)")
    assert row.text().startswith("Alpha"), row.text()
    assert browser.exists("#stations"), "station results"
    shot("results-decrypted-en")
    browser.get(f"{BASE}/results?lang=uk")
    shot("results-decrypted-uk")


@after_count
def tracker_after_count():
    for key, status in [("cast", "superseded"), ("v1-revote", "cast"), ("challenged", "challenged"), ("revote", "cast")]:
        browser.get(f"{BASE}/tracker?lang=uk&code={codes[key]}")
        answer = browser.find("#answer")
        assert answer.attribute("data-status") == status, (key, answer.attribute("data-status"))
        if key == "cast":
            shot("tracker-superseded-uk")


def main():
    global browser
    phase = sys.argv[1] if len(sys.argv) > 1 else "voting"
    os.makedirs(SHOTS, exist_ok=True)
    browser = Session(os.environ.get("WEBDRIVER_URL", "http://127.0.0.1:9515"))
    failed = 0
    try:
        for function in tests[phase]:
            try:
                function()
                print(f"  ok   {function.__name__}")
            except Exception:
                failed += 1
                print(f"  FAIL {function.__name__}\n{traceback.format_exc()}")
                try:
                    shot(f"failed-{function.__name__}")
                except Exception:
                    pass
    finally:
        browser.quit()
        json.dump(codes, open(CODES, "w"))
    print(f"browser-{phase}: {len(tests[phase]) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
