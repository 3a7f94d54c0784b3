"""The dashboard with several negotiations, through FastAPI's TestClient over a real store: the list, the
switcher and per-negotiation URLs, the Analyze page with each negotiation's own dossier, the correction form behind
the write token, the stale notice, changes since a day and the report download."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

import parley
from parley.dossier import load_dossier
from parley.store import schema
from parley.web import create_app

TOKEN = "test-token-5678"


@pytest.fixture
def several(db_url, dev_readings) -> tuple[str, list[str]]:
    """Russia-Ukraine and the Hollywood writers' strike (both dossiers call someone "the alliance"), and world."""
    keys = [k for k in dev_readings if k.endswith(("/russia-ukraine.yaml", "hollywood-writers-strike.yaml"))]
    with parley.open(db_url) as store:
        for key in keys:
            store.add(dev_readings[key], dossier=load_dossier(key))
        store.add(dev_readings["world"], negotiation="world")
    return db_url, keys


@pytest.fixture
def client(several):
    url, keys = several
    app = create_app(url, keys, token=TOKEN)  # as `parley serve --dossier A --dossier B`
    with TestClient(app, base_url="http://127.0.0.1:8000") as test_client:
        yield test_client
    app.state.web.store.close()


def test_the_store_lists_its_negotiations_and_each_page_keeps_to_one(client):
    home = client.get("/")
    assert home.status_code == 200 and 'id="negotiations"' in home.text
    assert {"russia-ukraine", "hollywood-writers-strike", "world"} <= set(re.findall(r"negotiation=([\w-]+)", home.text))
    response = client.get("/api/overview")
    assert response.status_code == 400 and "E100" in response.json()["error"]["message"]
    page = client.get("/", params={"negotiation": "russia-ukraine"}).text
    assert '<option value="world" >world</option>' in page or 'value="world"' in page  # the switcher
    assert 'value="russia-ukraine" selected' in page
    links = re.findall(r'href="(/(?:issues|parties|articles)/[^"]*)"', page)
    assert links and all("negotiation=russia-ukraine" in link for link in links)
    matrix = client.get("/api/overview", params={"negotiation": "russia-ukraine"}).json()
    strike = client.get("/api/overview", params={"negotiation": "hollywood-writers-strike"}).json()
    assert {row["actor"] for row in matrix["matrix"]}.isdisjoint({"AMPTP", "WGA"})
    assert {row["actor"] for row in strike["matrix"]} <= {"AMPTP", "WGA", "SAG"} | {row["actor"] for row in strike["matrix"]
                                                                                   if row["actor"] not in matrix}
    unknown = client.get("/api/counts", params={"negotiation": "nowhere"})
    assert unknown.status_code == 400 and "E101" in unknown.json()["error"]["message"]


def test_the_analyze_page_reads_with_the_negotiations_own_dossier(client):
    """Issue 11: with several dossiers the Analyze page failed on every input ([E011] 'the alliance' names both
    NATO and AMPTP), because it merged them; each negotiation now keeps its own."""
    text = "The alliance rejected the writers' demand for residuals, the AMPTP said on Monday.\n"
    strike = client.post("/analyze", params={"negotiation": "hollywood-writers-strike"}, data={"text": text})
    assert strike.status_code == 200, strike.text[:500]
    assert 'id="result"' in strike.text and "Alliance of Motion Picture and Television Producers" in strike.text
    nato = client.post("/api/analyze", params={"negotiation": "russia-ukraine"},
                       json={"text": "Moscow rejected the alliance membership of Ukraine, Lavrov said.\n"})
    assert nato.status_code == 200
    assert {s["actor"] for s in nato.json()["analysis"]["statements"]} == {"RUS"}
    assert {s["target"] for s in nato.json()["analysis"]["statements"]} == {"NATO"}  # "the alliance" here


def test_a_correction_from_the_form_needs_the_token_and_shows_in_matrix_evidence_and_report(client, several):
    name = "russia-ukraine"
    statements = client.get("/api/statements", params={"negotiation": name, "limit": 1000}).json()
    target = next(s for s in statements if s["stance"] and s["issue"])
    form = client.get("/correct", params={"negotiation": name, "article": target["article_id"],
                                          "start": target["start"], "end": target["end"]})
    assert form.status_code == 200 and 'id="correct-form"' in form.text
    new = "against" if target["stance"] != "against" else "for"
    fields = {"article": target["article_id"], "start": target["start"], "end": target["end"], "kind": "change",
              "stance": new, "analyst": "Ana", "note": "misread"}
    assert client.post("/correct", params={"negotiation": name}, data=fields).status_code == 401
    done = client.post("/correct", params={"negotiation": name}, data={**fields, "token": TOKEN})
    assert done.status_code == 200 and 'id="recorded"' in done.text
    after = client.get("/api/statements", params={"negotiation": name, "limit": 1000}).json()
    fixed = next(s for s in after if s["id"] == target["id"])
    assert fixed["stance"] == new and fixed["corrected"] == "change by Ana: misread"
    positions = client.get("/api/positions", params={"negotiation": name}).json()
    assert any(p["corrected"] for p in positions)
    assert "corrected-mark" in client.get("/", params={"negotiation": name}).text
    report = client.get("/report", params={"negotiation": name, "format": "md"})
    assert report.status_code == 200 and "attachment" in report.headers["content-disposition"]
    assert "(corrected)" in report.text and "change by Ana: misread" in report.text
    other = client.get("/api/statements", params={"negotiation": "world", "limit": 1000}).json()
    assert not any(s["corrected"] for s in other)  # a correction belongs to its negotiation


def test_stale_analyses_are_noted_and_changes_since_a_day_are_listed(client, several):
    url, keys = several
    name = "russia-ukraine"
    assert 'id="stale"' not in client.get("/", params={"negotiation": name}).text
    with parley.open(url) as store:  # as if the analyses had been made by another parley than the one serving
        with store.engine.begin() as connection:
            connection.execute(update(schema.Analysis).values(parley_version="0.0.0+old"))
    app = create_app(url, keys, token=TOKEN)
    with TestClient(app, base_url="http://127.0.0.1:8000") as restarted:
        notice = restarted.get("/", params={"negotiation": name}).text
    app.state.web.store.close()
    assert 'id="stale"' in notice and f"parley reanalyze --negotiation {name}" in notice
    changes = client.get("/changes", params={"negotiation": name, "since": "2000-01-01"})
    assert changes.status_code == 200 and 'id="changes"' in changes.text and 'id="report-html"' in changes.text
    assert client.get("/changes", params={"negotiation": name, "since": "yesterday"}).status_code == 400


def test_party_ids_are_case_insensitive_and_unknown_ones_name_the_known(client):
    scope = {"negotiation": "hollywood-writers-strike"}
    upper = client.get("/api/parties/AMPTP", params=scope).json()
    assert client.get("/api/parties/amptp", params=scope).json() == upper and upper["id"] == "AMPTP"
    missing = client.get("/api/parties/NATO", params=scope)
    assert missing.status_code == 404 and "E104" in missing.text and "AMPTP" in missing.text
    wrong = client.get("/api/positions", params={**scope, "actor": "XYZ"})
    assert wrong.status_code == 400 and "known:" in wrong.json()["error"]["message"]
    assert client.get("/api/positions", params={**scope, "actor": "wga"}).json() == \
        client.get("/api/positions", params={**scope, "actor": "WGA"}).json()
