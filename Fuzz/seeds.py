"""Writes the seed corpus of one fuzz target into a directory: small real inputs, each a few KB.

    python3 Fuzz/seeds.py TARGET DIR

Record files come from Tests/ElectionRecordTests/Fixtures/allAvailableJson (egk's record), cut down to
their first contests and selections so that one execution takes microseconds, not milliseconds; the
definition, profiles and CSVs from Examples/ and Tests/ForensicsTests/Fixtures; a few rows of the 2012
CSV when ../shared/data is there.
"""
import io
import json
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RECORD = os.path.join(ROOT, "Tests/ElectionRecordTests/Fixtures/allAvailableJson")
BALLOT = "encrypted_ballots/runWorkflowAllAvailableJson/eballot-id-1.json"
H64 = "6D8F5C0B6A3E1F2D4C5B6A7980A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3"


def raw(name):
    with open(os.path.join(RECORD, name), "rb") as f:
        return f.read()


def cut(value, contests=1, selections=2):
    """The JSON with only its first contests and their first selections."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key == "contests" and isinstance(item, list):
                item = [cut(c, contests, selections) for c in item[:contests]]
            elif key == "selections" and isinstance(item, list):
                item = item[:selections]
            elif key in ("geopolitical_units", "parties", "candidates", "ballot_styles") and isinstance(item, list):
                item = item[:2]
            out[key] = item
        return out
    return value


def small(name, **kw):
    return json.dumps(cut(json.loads(raw(name)), **kw), indent=2).encode()


def referendum_files():
    """Selector byte (ReferendumFiles.files' index) followed by the file's content."""
    definition = {
        "id": "r", "title": {"en": "T"}, "question": {"en": "Q?"},
        "options": [{"id": "yes", "text": {"en": "Yes"}}, {"id": "no", "text": {"en": "No"}}],
        "regions": [{"id": "north", "name": {"en": "North"}, "time_zone": "Europe/Kyiv", "contest_id": "north",
                     "ballot_style_id": "north", "pre_conflict_electorate": 1000,
                     "opens": "2026-09-23T05:00:00Z", "closes": "2026-09-23T17:00:00Z"}],
        "stations": [{"id": "N-1", "kind": "regional", "serves": ["north"], "parent": None, "location": "School"}],
        "announced": "2026-08-01T00:00:00Z", "guardians": 3, "quorum": 2,
        "revote_rule": "station-over-mobile-then-latest", "selection_id_format": "<region>-<option>",
    }
    visits = [{"id": "v1", "box": "N-1-M", "requested_at": "2026-09-23T06:00:00Z", "request": "home",
               "officials": ["a", "b"], "observers": ["c"], "departed_at": "2026-09-23T07:00:00Z",
               "returned_at": "2026-09-23T09:00:00Z", "ballot_ids": ["b1", "b2"]}]
    totals = [{"scope": "region/north", "option": "yes", "ballots": 2, "pad": "0A", "data": "0B", "value": 1,
               "b_over_m": "0C", "challenge": H64, "response": H64}]
    lifecycle = {"changes": [{"state": "announced", "at": "2026-08-01T00:00:00Z"}],
                 "certified_by": ["Commission"], "certification_statement": "ok"}
    register = "pseudonym,region,displaced,home_station\n" + H64 + ",north,no,N-1\n" + H64[::-1] + ",north,yes,\n"
    ballots = ("ballot_id,confirmation_code,device,station,channel,region,pseudonym,encrypted_at,decided_at,status,"
               "superseded_by,mobile_visit\n"
               f"b1,{H64},d1,N-1,station,north,{H64},2026-09-23T06:00:00Z,2026-09-23T06:01:00Z,counted,,\n"
               f"b2,{H64},d1,N-1-M,mobile,north,{H64},2026-09-23T07:00:00+02:00,,superseded,b1,v1\n")
    stations = "region,station,kind,registered,ballots,mobile_ballots,yes,no\nnorth,N-1,regional,1000,2,1,1,1\n"
    j = lambda v: json.dumps(v, indent=2).encode()
    return [bytes([0]) + j(definition), bytes([1]) + register.encode(), bytes([2]) + ballots.encode(),
            bytes([3]) + j(visits), bytes([4]) + j(totals), bytes([5]) + stations.encode(), bytes([6]) + j(lifecycle)]


def russia_rows(count=6):
    path = os.path.join(ROOT, "..", "shared", "data", "elections", "russia-2012-president-stations.csv.zip")
    if not os.path.exists(path):
        path = os.path.join(ROOT, "Tests/ForensicsTests/Fixtures/russia-2012-president-stations.csv.zip")
    with zipfile.ZipFile(path) as archive:
        name = [n for n in archive.namelist() if n.endswith(".csv")][0]
        with archive.open(name) as f:
            lines = [next(f) for _ in range(count)]
    return b"".join(lines)


def chain():
    return json.dumps({"encrypting_device": "device 1", "baux0": H64, "ballot_ids": ["id-1", "id-2"],
                       "last_confirmation_code": H64, "chaining": True, "closing_hash": H64}, indent=2).encode()


def seeds(target):
    read = lambda path: open(os.path.join(ROOT, path), "rb").read()
    audit_csv = read("Tests/ForensicsTests/Fixtures/small-referendum.csv")
    return {
        "json": lambda: [raw("constants.json"), raw("election_config.json"), small(BALLOT, selections=1),
                         b'{"a":[1,-2.5e+3,true,false,null,"\\u00e9\\n"],"b":{}}'],
        "constants": lambda: [raw("constants.json")],
        "manifest": lambda: [small("manifest.json", contests=2), small("manifest.json", contests=1)],
        "config": lambda: [raw("election_config.json")],
        "initialized": lambda: [raw("election_initialized.json")],
        "ballot": lambda: [small(BALLOT), small(BALLOT, selections=1)],
        "encrypted-tally": lambda: [small("encrypted_tally.json")],
        "tally": lambda: [small("tally.json")],
        "ballot-chain": lambda: [chain()],
        "trustee": lambda: [raw("private_data/trustees/decryptingTrustee-guardian1.json")],
        "referendum-files": referendum_files,
        "definition": lambda: [read("Examples/four-regions.yaml")],
        "register": lambda: [b"voter_id,home_region,displaced,home_station\n1001,donetsk,no,\n1002,luhansk,yes,\n"],
        "audit-csv": lambda: [bytes([0]) + audit_csv, bytes([1]) + audit_csv, bytes([1]) + russia_rows()],
        "audit-profile": lambda: [read("Examples/profiles/plebiscite.yaml"), read("Examples/profiles/russia-2012-president.yaml")],
        # A real ceremony's messages and log (a throwaway trial), kept in the replayed corpus.
        "ceremony": lambda: [read("Tests/FuzzCorpus/ceremony/messages"), read("Tests/FuzzCorpus/ceremony/bundle")],
        # A real station's upload (two ballots of scripts/station-load.sh, KEEP_WORK=1), kept in the replayed corpus.
        "station-upload": lambda: [read("Tests/FuzzCorpus/station-upload/upload-real"), bytes([2]) + b'{"state":"open","devices":[],"received":0}'],
    }[target]()


if __name__ == "__main__":
    target, directory = sys.argv[1], sys.argv[2]
    os.makedirs(directory, exist_ok=True)
    for index, seed in enumerate(seeds(target)):
        with open(os.path.join(directory, f"seed-{index}"), "wb") as f:
            f.write(seed)
