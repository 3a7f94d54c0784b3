"""The dashboard degrades and never hangs: analysis in stoppable worker processes behind a bounded queue, a
per-client rate limit, the security headers on every error (500 included), 404 for impossible ids, issue ids
with "/". The timing test runs against a real `parley serve` on 127.0.0.1."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest
from fastapi.testclient import TestClient

import parley
from parley.store.negotiations import open_scope
from parley.web import create_app

ONE_SENTENCE = {"text": "Norway rejected the proposal, the minister said."}
WORST = {"text": 'Russia said "no". ' * 40_000}   # the slowest input the fuzz campaign knows of this size


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The test server's own limits (PARLEY_SETTINGS, docs/settings.md): an analysis is stopped after TIME_LIMIT s, so
# that the worst input costs seconds, not the minute of the default; a client may ask PER_MINUTE analyses a minute.
TIME_LIMIT = 5
PER_MINUTE = 5


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One real `parley serve` for the module, with a short time limit and a low rate limit."""
    where = tmp_path_factory.mktemp("serve-analysis")
    port = _free_port()
    with parley.open(where / "p.db") as store:   # only `parley ingest` (or the Python API) creates a store
        open_scope(store.engine, None, None)      # with the `world` negotiation an ingest without a dossier makes
    settings = where / "settings.yaml"
    settings.write_text(f"run:\n  time_limit: {TIME_LIMIT}\nweb:\n  analyze_per_minute: {PER_MINUTE}\n",
                        encoding="utf-8")
    log = (where / "serve.log").open("w")
    env = {**{k: v for k, v in os.environ.items() if k != "PARLEY_TOKEN"}, "PARLEY_SETTINGS": str(settings)}
    process = subprocess.Popen([sys.executable, "-c", "from parley.cli import main; main()", "serve", "--db",
                                str(where / "p.db"), "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
                               env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, f"parley serve exited; see {log.name}"
            try:
                if httpx.get(f"{base}/api/negotiations", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "parley serve did not answer within 60 s"
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def client_at(address: str) -> httpx.Client:
    """A client that connects from `address` (any 127.x.y.z is this machine): the rate limit counts per client
    address, so each test that analyses has a count of its own on the shared server."""
    return httpx.Client(transport=httpx.HTTPTransport(local_address=address))


def test_a_short_request_answers_within_2_s_while_the_worst_input_is_analysed(server):
    with client_at("127.0.0.2") as client:
        warm = client.post(f"{server}/api/analyze", json=ONE_SENTENCE, timeout=180)   # the workers load once
        assert warm.status_code == 200 and warm.json()["analysis"]["statements"]
        worst: dict = {}

        def send_worst() -> None:
            started = time.monotonic()
            worst["response"] = client.post(f"{server}/api/analyze", json=WORST, timeout=180)
            worst["seconds"] = time.monotonic() - started

        thread = threading.Thread(target=send_worst)
        thread.start()
        time.sleep(1.5)   # the worst input is in a worker now
        assert thread.is_alive(), "the worst input finished too soon to test anything"
        started = time.monotonic()
        short = client.post(f"{server}/api/analyze", json=ONE_SENTENCE, timeout=30)
        assert short.status_code == 200 and time.monotonic() - started < 2
        thread.join(timeout=180)
    # the worst input ends too: stopped at the server's time limit, with E090 (503)
    assert worst["response"].status_code == 503, worst["response"].text
    assert "E090" in worst["response"].text and f"after {TIME_LIMIT} s" in worst["response"].text
    assert worst["seconds"] < TIME_LIMIT + 20


def test_the_rate_limit_answers_429_with_the_security_headers(server):
    with client_at("127.0.0.3") as client:
        statuses = [client.post(f"{server}/api/analyze", json=ONE_SENTENCE, timeout=180).status_code
                    for _ in range(PER_MINUTE)]
        refused = client.post(f"{server}/api/analyze", json=ONE_SENTENCE, timeout=30)
        assert statuses == [200] * PER_MINUTE
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
        assert "default-src 'self'" in refused.headers["content-security-policy"]
    with client_at("127.0.0.4") as other:   # the limit is per client: another address is still served
        assert other.post(f"{server}/api/analyze", json=ONE_SENTENCE, timeout=180).status_code == 200


def test_an_impossible_article_id_is_a_404_with_the_security_headers(server):
    for url in ("/api/articles/99999999999999999999999", "/articles/99999999999999999999999"):
        response = httpx.get(server + url, timeout=30)
        assert response.status_code == 404
        assert "default-src 'self'" in response.headers["content-security-policy"]


def test_an_unhandled_error_still_carries_the_security_headers(tmp_path, store_analyzer):
    def broken() -> dict:
        raise RuntimeError("boom")

    parley.open(tmp_path / "s.db").close()   # only `parley ingest` (or the Python API) creates a store
    app = create_app(tmp_path / "s.db", analyzer=store_analyzer)
    app.add_api_route("/api/broken", broken)   # Starlette answers an unhandled error outside the middleware
    response = TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False).get("/api/broken")
    assert response.status_code == 500 and response.json()["error"]["status"] == 500
    assert "default-src 'self'" in response.headers["content-security-policy"]


def test_issue_ids_holding_a_slash_have_working_pages(tmp_path, web_seed, store_analyzer):
    analysis = next(a for a in web_seed if not isinstance(a, parley.ParleyError) and a.positions)
    renamed = {p.issue: f"trade/{p.issue}" for p in analysis.positions}
    changed = analysis.model_copy(update={
        "positions": [p.model_copy(update={"issue": renamed[p.issue]}) for p in analysis.positions],
        "statements": [s.model_copy(update={"issue": renamed.get(s.issue, s.issue)}) for s in analysis.statements]})
    with parley.open(tmp_path / "s.db") as store:
        assert store.add([changed]).stored == 1
    issue = next(iter(renamed.values()))
    with TestClient(create_app(tmp_path / "s.db", analyzer=store_analyzer), base_url="http://127.0.0.1") as client:
        assert f'href="/issues/{issue}?negotiation=' in client.get("/").text   # links keep the negotiation
        page = client.get(f"/issues/{issue}")
        api = client.get(f"/api/issues/{issue}")
        chart = client.get(f"/api/issues/{issue}/chart")
    assert page.status_code == 200 and api.status_code == 200 and api.json()["id"] == issue
    assert chart.status_code in (200, 404)   # routed to the chart (404: no dated position), not to the issue
    assert "error" not in chart.json() or "no dated position" in chart.text
