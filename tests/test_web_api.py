"""The dashboard's JSON API and pages through FastAPI's TestClient, over a store seeded with real analyses, on
SQLite and on PostgreSQL."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

import parley
from parley.positions.gaps import gap_status
from parley.web import create_app
from parley.settings import defaults
from test_store_ingest import CONTESTED

TOKEN = "test-token-1234"


@pytest.fixture
def seeded(db_url: str, web_seed: list) -> str:
    with parley.open(db_url) as store:
        summary = store.add(web_seed)
    assert summary.failed == 0 and summary.stored == len(web_seed) - summary.duplicates
    return db_url


@pytest.fixture
def client(seeded: str, store_analyzer, web_dossiers) -> TestClient:
    app = create_app(seeded, web_dossiers, token=TOKEN, analyzer=store_analyzer)
    with TestClient(app, base_url="http://127.0.0.1:8000") as test_client:
        yield test_client
    app.state.web.store.close()


def xss_article_id(client: TestClient) -> int:
    (row,) = client.get("/api/articles", params={"q": "pwned"}).json()
    return row["id"]


def test_overview_matrix_and_gaps_agree_with_the_store(client):
    overview = client.get("/api/overview").json()
    positions = {(p["actor"], p["issue"]): p for p in client.get("/api/positions").json()}
    issues = [issue["id"] for issue in overview["issues"]]
    parties = [row["actor"] for row in overview["matrix"]]
    assert {"NMK", "SDV", "RUS", "UKR"} <= set(parties)
    for row in overview["matrix"]:
        for issue, cell in zip(issues, row["cells"]):
            expected = positions.get((row["actor"], issue))
            assert cell["stance"] == (expected["stance"] if expected else "unknown")
            assert cell["condition"] == (expected["condition"] if expected else None)
    panel = {(g["issue"], kind, frozenset((p["a"], p["b"])))
             for g in overview["gaps"] for kind in ("opposed", "meet", "agree") for p in g[kind]}
    expected = set()
    for issue in issues:
        for i, a in enumerate(parties):
            for b in parties[i + 1:]:
                sa, sb = (positions[(x, issue)]["stance"] if (x, issue) in positions else None for x in (a, b))
                kind = {"opposed": "opposed", "conditional": "meet", "agree": "agree"}.get(gap_status(sa, sb))
                if kind:
                    expected.add((issue, kind, frozenset((a, b))))
    opposed_or_meet = {issue for issue, kind, _ in expected if kind != "agree"}
    assert panel == {entry for entry in expected if entry[0] in opposed_or_meet}
    assert any(kind == "opposed" for _, kind, _ in panel) and any(kind == "meet" for _, kind, _ in panel)
    conditions = [c for g in overview["gaps"] for p in g["meet"] for c in p["conditions"]]
    assert all(": " in c for c in conditions) and conditions


def test_overview_page_shows_labels_stances_and_conditions_on_hover(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert "Northmark" in html and "Security guarantees for Ukraine" in html
    conditional = [p for p in client.get("/api/positions").json() if p["stance"] == "conditional" and p["condition"]]
    assert conditional, "the seed holds a conditional position"
    for position in conditional:
        cell = re.search(rf'<td class="cell stance-conditional" data-actor="{position["actor"]}" '
                         rf'data-issue="{position["issue"]}"\s+title="([^"]*)"', html)
        assert cell and str(escape(position["condition"])) in cell.group(1)


def test_every_response_carries_a_strict_content_security_policy(client):
    for url in ("/", "/issues/water_quota", "/api/counts", "/static/parley.css"):
        policy = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-eval" not in policy and "object-src 'none'" in policy
    for url in ("/", "/issues/water_quota", f"/articles/{xss_article_id(client)}", "/search?q=quota", "/analyze"):
        scripts = re.findall(r"<script\b[^>]*>", client.get(url).text)
        assert all(' src="/static/' in tag for tag in scripts), scripts


def test_issue_page_has_chart_shifts_and_evidence_with_independent_sources(client):
    issue = client.get("/api/issues/water_quota").json()
    shifts = {(s["actor"], s["from_stance"], s["to_stance"]) for s in issue["shifts"]}
    assert ("NMK", "against", "conditional") in shifts
    statements = client.get("/api/statements", params={"issue": "water_quota", "limit": 1000}).json()
    assert len(issue["evidence"]) == len(statements) == issue["statements"]
    for item in issue["evidence"]:
        same = {s["source"] for s in statements if (s["actor"], s["stance"]) == (item["actor"], item["stance"])}
        assert item["sources"] == len(same)
    chart = client.get("/api/issues/water_quota/chart").json()
    assert {v["party"] for v in chart["data"]["values"]} == {"Northmark", "Sudavia"}
    html = client.get("/issues/water_quota").text
    assert 'data-spec="/api/issues/water_quota/chart?negotiation=world"' in html
    assert f'href="/articles/{issue["evidence"][0]["article_id"]}?negotiation=world"' in html
    assert "independent source" in html


def test_article_markup_renders_as_text_and_javascript_urls_are_not_links(client):
    article_id = xss_article_id(client)
    html = client.get(f"/articles/{article_id}").text
    assert "<script>document.title" not in html and "&lt;script&gt;document.title" in html
    assert "<img src=x" not in html and "&lt;img src=x" in html
    assert "<b>Courier</b>" not in html
    assert not re.search(r"href=[\"']?\s*javascript:", html, re.IGNORECASE)
    assert '<mark class="statement' in html
    issue = client.get("/issues/dam_inspections").text
    assert "<script>document.title" not in issue and "&lt;script&gt;" in issue


def test_party_page_lists_positions_people_and_statements_by_action(client):
    party = client.get("/api/parties/NMK").json()
    assert party["name"] == "Northmark"
    assert "Elin Dahl" in {p["name"] for p in party["people"]}
    assert {p["issue"] for p in party["positions"]} == {"water_quota", "dam_inspections"}
    actions = {a["action"]: a for a in party["actions"]}
    assert all(s["actor"] == "NMK" and s["action"] == name for name, a in actions.items() for s in a["statements"])
    html = client.get("/parties/NMK").text
    assert "Elin Dahl" in html and "reject" in html
    assert client.get("/api/parties/XYZ").status_code == 404


def test_search_filters_statements_and_articles(client):
    every = client.get("/api/statements", params={"limit": 1000}).json()
    rows = client.get("/api/statements", params={"actor": "NMK", "issue": "water_quota",
                                                 "since": "2025-03-10", "until": "2025-03-31"}).json()
    expected = [s for s in every if s["actor"] == "NMK" and s["issue"] == "water_quota"
                and s["date"] and "2025-03-10" <= s["date"] <= "2025-03-31"]
    assert rows and [r["id"] for r in rows] == [s["id"] for s in expected]
    outlet = client.get("/api/articles", params={"outlet": "Harbour Gazette"}).json()
    assert outlet and {a["outlet"] for a in outlet} == {"Harbour Gazette"}
    html = client.get("/search", params={"q": "quota", "party": "NMK", "action": "reject"}).text
    assert "Northmark rejects a fixed summer water quota" in html
    assert "Sudavia demands a fixed summer water quota" not in html
    articles = client.get("/search", params={"kind": "articles", "q": "quota"}).text
    assert "Northmark rejects fixed water quota as river talks open" in articles


@pytest.mark.parametrize("url, where", [
    ("/api/statements?since=not-a-date", "query.since"),
    ("/api/statements?limit=0", "query.limit"),
    ("/api/positions?as_of=2025-13-01", "query.as_of"),
    ("/api/articles/abc", "path.article_id"),
    ("/api/gaps?a=NMK", "query.b"),
])
def test_bad_queries_get_clear_json_400s(client, url, where):
    response = client.get(url)
    assert response.status_code == 400
    error = response.json()["error"]
    assert where in [p["where"] for p in error["problems"]] and where in error["message"]


def test_missing_things_and_impossible_ranges_are_json_4xx(client):
    assert client.get("/api/articles/999999").json() == {"error": {"status": 404,
                                                                   "message": "no article with id 999999"}}
    response = client.get("/api/statements", params={"since": "2025-04-01", "until": "2025-03-01"})
    assert response.status_code == 400 and "after" in response.json()["error"]["message"]
    page = client.get("/issues/no_such_issue")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]


def test_analyze_stores_only_on_request_and_with_the_token(client):
    text = "Northmark rejects inspectors at the Veltra dam, Elin Dahl said.\n"
    before = client.get("/api/counts").json()["articles"]
    result = client.post("/api/analyze", json={"text": text}).json()
    assert result["stored"] is None
    assert ("NMK", "dam_inspections", "against") in {(p["actor"], p["issue"], p["stance"])
                                                     for p in result["analysis"]["positions"]}
    assert client.post("/api/analyze", json={"text": text, "store": True}).status_code == 401
    assert client.post("/api/analyze", json={"text": text, "store": True},
                       headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/counts").json()["articles"] == before
    assert client.get("/api/overview").json()["counts"]["articles"] == before
    stored = client.post("/api/analyze", json={"text": text, "store": True},
                         headers={"Authorization": f"Bearer {TOKEN}"}).json()["stored"]
    assert stored["stored"] == 1 and client.get("/api/counts").json()["articles"] == before + 1
    assert client.get("/api/overview").json()["counts"]["articles"] == before + 1  # the cached overview is renewed


def test_ingest_needs_the_token_and_a_server_without_one_is_read_only(client, seeded, store_analyzer):
    body = {"articles": [{"text": "Sudavia demands a fixed summer water quota, Tomas Verano said.",
                          "outlet": "Test Wire", "published": "2025-04-05"}]}
    assert client.post("/api/ingest", json=body).status_code == 401
    summary = client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert (summary["stored"], summary["failed"]) == (1, 0)
    assert client.get("/api/articles", params={"outlet": "Test Wire"}).json()
    read_only = TestClient(create_app(seeded, token="", analyzer=store_analyzer), base_url="http://localhost")
    response = read_only.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403 and "PARLEY_TOKEN" in response.json()["error"]["message"]


def test_request_bodies_over_the_limit_are_refused(client):
    limit = defaults("web")["max_body_bytes"]
    response = client.post("/api/analyze", json={"text": "x" * (limit + 1)})
    assert response.status_code == 413 and "too large" in response.json()["error"]["message"]
    streamed = client.post("/api/analyze", content=iter([b'{"text": "', b"x" * limit, b'"}']),
                           headers={"content-type": "application/json"})
    assert streamed.status_code == 413


def test_analyze_page_takes_pasted_text_or_a_file(client):
    text = "TITLE: Pasted <i>report</i>\n---\nSudavia demands inspections at the Veltra dam, Tomas Verano said.\n"
    html = client.post("/analyze", data={"text": text}).text
    assert "Pasted &lt;i&gt;report&lt;/i&gt;" in html and '<mark class="statement' in html
    assert 'id="stored"' not in html
    upload = client.post("/analyze", files={"file": ("note.txt", text.encode(), "text/plain")}).text
    assert '<mark class="statement' in upload
    refused = client.post("/analyze", data={"text": text, "store": "true", "token": "wrong"})
    assert refused.status_code == 401
    empty = client.post("/analyze", data={"text": "   "})
    assert empty.status_code == 400 and "E003" in empty.text


def test_analyze_page_shows_a_contested_position(client):
    text = ("Sudavia demands inspections at the Veltra dam, Tomas Verano said.\n"
            "A week later Sudavia rejected inspections at the Veltra dam.\n")
    html = client.post("/analyze", data={"text": text}).text
    assert "contested by 1 of 2 statements" in html


def test_stored_contested_position_shows_its_dissent_where_its_evidence_is_listed(client):
    """The latest report of Sudavia on dam inspections is against, with one of its two statements for: the issue
    and party pages say so beside its latest evidence, and the article page marks the dissenting statement."""
    body = {"articles": [{"text": CONTESTED, "outlet": "Test Wire", "published": "2025-12-01"}]}
    assert client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).json()["stored"] == 1
    (stored,) = client.get("/api/articles", params={"outlet": "Test Wire"}).json()
    detail = client.get(f"/api/articles/{stored['id']}").json()
    dissenting = [s["id"] for s in detail["statements"] if s["stance"] == "for"]
    assert [p["contested_ids"] for p in detail["positions"]] == [dissenting]
    (position,) = client.get("/api/positions", params={"actor": "SDV", "issue": "dam_inspections"}).json()
    assert (position["stance"], position["contested_ids"]) == ("against", dissenting)
    for page, row in (("/issues/dam_inspections", "actor-SDV"), ("/parties/SDV", "issue-dam_inspections")):
        cells = re.search(rf'<tr id="{row}">(.*?)</tr>', client.get(page).text, re.S).group(1)
        assert "contested by 1 of 2 statements" in cells and re.search(rf'href="/articles/{stored["id"]}[?"]', cells)
    rows = re.findall(r"<tr>(.*?)</tr>", client.get(f"/articles/{stored['id']}").text, re.S)
    marked = [row for row in rows if 'class="tag contested"' in row]
    assert len(marked) == 1 and "stance-for" in marked[0]


def test_openapi_schema_lists_the_api(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/overview", "/api/positions", "/api/gaps", "/api/statements", "/api/articles/{article_id}",
            "/api/analyze", "/api/ingest"} <= set(paths)
    assert "/issues/{issue_id}" not in paths


def test_article_page_shows_removed_clutter_apart_from_the_text(client):
    (row,) = client.get("/api/articles", params={"q": "Lavrov"}).json()
    article = client.get(f"/api/articles/{row['id']}").json()
    assert article["article"]["boilerplate"], "the seed article has clutter (e.g. 'Others are reading now')"
    html = client.get(f"/articles/{row['id']}").text
    text = html[html.index('<div class="article-text">'):html.index("</section>", html.index('class="article-text"'))]
    clutter = html[html.index('<aside'):html.index("</aside>")]
    for line in article["article"]["boilerplate"]:
        escaped = str(escape(line))
        assert escaped in clutter and escaped not in text
    assert text.count('<mark class="statement') >= len({s["start"] for s in article["statements"]}) > 0


def test_serve_names_a_bad_dossier_and_exits_2(tmp_path):
    from typer.testing import CliRunner

    from parley.cli import app

    missing = tmp_path / "missing.yaml"
    wide = CliRunner(env={"COLUMNS": "200"})  # wide enough that Rich does not wrap the path, however long
    result = wide.invoke(app, ["serve", "--db", str(tmp_path / "parley.db"), "--dossier", str(missing)])
    assert result.exit_code == 2 and "E001" in result.output and "missing.yaml" in result.output


def test_requests_naming_another_host_are_refused(client):
    """A page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) cannot read the dashboard."""
    assert client.get("/api/counts", headers={"host": "attacker.example:8000"}).status_code == 400
    assert client.get("/api/counts", headers={"host": "localhost:8000"}).status_code == 200
