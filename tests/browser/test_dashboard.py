"""The dashboard in a real browser: overview → issue → evidence → article, the XSS article, search and analyze.
Each test saves a screenshot under test-output/."""
from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_overview_to_issue_to_evidence_to_article(server, page, shots):
    page.goto(server + "/")
    matrix = page.locator("#matrix")
    expect(matrix).to_be_visible()
    position = next(p for p in httpx.get(server + "/api/positions").json() if p["condition"])
    conditional = matrix.locator(f'td[data-actor="{position["actor"]}"][data-issue="{position["issue"]}"]')
    expect(conditional).to_have_class(re.compile(r"stance-conditional"))
    assert position["condition"] in conditional.get_attribute("title")
    expect(page.locator("#gaps")).to_contain_text("opposed")
    page.screenshot(path=shots / "overview.png", full_page=True)

    matrix.get_by_role("link", name="Fixed summer water quota for Sudavia").click()
    expect(page).to_have_url(re.compile(r"/issues/water_quota\?negotiation=timeline$"))
    chart = page.locator("#stance-chart")
    expect(chart).to_have_attribute("data-rendered", "true")
    expect(chart.locator("svg")).to_be_visible()
    marks = chart.locator("svg path[aria-roledescription='point']")
    assert marks.count() >= 4
    expect(page.locator(".shifts")).to_contain_text("against")
    page.screenshot(path=shots / "issue-water_quota.png", full_page=True)

    evidence = page.locator(".evidence-item").filter(has_text="Northmark rejects a fixed summer water quota").first
    expect(evidence.locator(".sources")).to_contain_text("independent source")
    link = evidence.locator("a.article-link")
    title = link.inner_text()
    link.click()
    expect(page).to_have_url(re.compile(r"/articles/\d+\?negotiation=timeline$"))
    expect(page.locator("mark.statement").filter(has_text="Northmark rejects a fixed summer water quota")).to_be_visible()
    expect(page.locator("h1")).to_have_text(title)
    page.screenshot(path=shots / "article.png", full_page=True)
    assert page.errors == []


def test_markup_in_an_article_renders_as_text(server, page, shots):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server + "/search?kind=articles&q=pwned")
    page.locator("#results a.article-link").first.click()
    expect(page.locator(".article-text")).to_contain_text("<script>document.title='pwned'</script>")
    expect(page.locator(".article-text")).to_contain_text('<a href="javascript:document.title=')
    expect(page.locator("h1")).to_contain_text('<img src=x onerror="document.title=')
    expect(page.locator(".meta .url-text")).to_have_text("javascript:document.title='pwned'")
    assert page.locator("a[href^='javascript' i]").count() == 0
    assert page.locator(".article-text script, .article-text a, h1 img").count() == 0
    assert page.title().startswith("Dam talks stall <img") and dialogs == []
    page.screenshot(path=shots / "xss-article.png", full_page=True)
    page.goto(server + "/issues/dam_inspections")
    expect(page.locator("#evidence")).to_contain_text("<script>")
    assert page.title() != "pwned"
    assert page.errors == []


def test_search_with_filters(server, page, shots):
    page.goto(server + "/search")
    page.fill("input[name=q]", "quota")
    page.fill("input[name=party]", "NMK")
    page.select_option("select[name=issue]", "water_quota")
    page.fill("input[name=since]", "2025-03-15")
    page.get_by_role("button", name="Search").click()
    rows = page.locator("#results tbody tr")
    expect(rows.first).to_be_visible()
    for text in rows.locator("td.sentence").all_inner_texts():
        assert "Northmark" in text or "Ostby" in text
    expect(page.locator("#results")).not_to_contain_text("rejects a fixed summer water quota")
    page.screenshot(path=shots / "search.png", full_page=True)


def test_analyze_pasted_text_and_store_it_with_the_token(server, page, shots, write_token):
    text = ("TITLE: Sudavia offers a deal\nOUTLET: Test Wire\nDATE: 2025-04-10\n---\n"
            "Sudavia would accept a smaller summer water quota if Northmark opens the Veltra dam to inspectors, "
            "Tomas Verano said on Thursday.\n")
    page.goto(server + "/analyze")
    page.fill("#text", text)
    page.get_by_role("button", name="Analyze").click()
    expect(page.locator("#result mark.statement").first).to_be_visible()
    expect(page.locator("#stored")).to_have_count(0)
    page.fill("#text", text)
    page.check("input[name=store]")
    page.fill("input[name=token]", write_token)
    page.get_by_role("button", name="Analyze").click()
    expect(page.locator("#stored")).to_contain_text("1 new")
    page.screenshot(path=shots / "analyze.png", full_page=True)
    page.goto(server + "/search?kind=articles&outlet=Test+Wire")
    expect(page.locator("#results")).to_contain_text("Sudavia offers a deal")


def test_parley_serve_listens_on_loopback_only_by_default(server):
    """The server was started without --host: its listening socket is bound to 127.0.0.1, not to every address."""
    port = int(server.rsplit(":", 1)[1])
    listening = [line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:]]
    addresses = {fields[1].split(":")[0] for fields in listening
                 if int(fields[1].split(":")[1], 16) == port and fields[3] == "0A"}  # 0A: LISTEN
    assert addresses == {"0100007F"}  # 127.0.0.1, little-endian hex
