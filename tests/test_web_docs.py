"""/docs: the API's browsable documentation, served with its script from the installed package, inside the
dashboard's Content-Security-Policy (the browser side is in tests/browser/test_web_layout.py)."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

import parley
from parley.web import create_app
from parley.web.security import CSP


@pytest.fixture
def client(tmp_path):
    parley.open(tmp_path / "parley.db").close()  # an empty store: only `parley ingest` makes one (E103)
    app = create_app(tmp_path / "parley.db")
    with TestClient(app, base_url="http://127.0.0.1:8000") as test_client:
        yield test_client
    app.state.web.store.close()


def test_docs_page_points_redoc_at_the_schema_with_no_inline_script(client):
    page = client.get("/docs")
    assert page.status_code == 200 and page.headers["content-security-policy"] == CSP
    assert re.search(r'<redoc spec-url="/api/openapi.json"', page.text)
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page.text, re.S)
    assert scripts == [(' src="/docs/redoc.js"', "")]  # script-src 'self': no inline script would run
    assert "http" not in page.text.replace("http-equiv", "")  # nothing from another origin


def test_the_redoc_script_is_served_from_the_package(client):
    script = client.get("/docs/redoc.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert len(script.content) > 500_000 and b"Redoc" in script.content[:200_000]
    assert "/docs" in client.get("/").text  # the dashboard's API link


def test_the_docs_routes_stay_out_of_the_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert paths and not any(path.startswith("/docs") for path in paths)
