"""Every page type fits the window, on a laptop (1,366 px) and on a phone (390 px): long outlet strings, titles
and sentences with URLs in them wrap (tests/browser/wide-article.txt holds them) instead of widening the page; and
the API docs at /docs render offline under the dashboard's Content-Security-Policy."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WIDTHS = (1366, 390)
LONG_OUTLET = "Pacific Coast Wire via archive.example.org"


def _wide_article(page, server: str) -> str:
    """The path of the article page of tests/browser/wide-article.txt, found through search."""
    page.goto(server + "/search?kind=articles&q=patrol+boats")
    return page.locator("#results a.article-link").first.get_attribute("href")


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_the_window(server, browser, shots, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    pages = {"overview": "/", "party": "/parties/CHL", "issue": "/issues/water_quota",
             "search": "/search?q=Chile", "search-articles": "/search?kind=articles&q=patrol+boats",
             "evidence": _wide_article(page, server), "analyze": "/analyze", "docs": "/docs"}
    widths = {}
    for name, path in pages.items():
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        widths[name] = page.evaluate("document.documentElement.scrollWidth")
        page.screenshot(path=shots / f"width-{width}-{name}.png", full_page=True)
    context.close()
    assert {name: value for name, value in widths.items() if value > width} == {}


def test_the_long_outlet_is_on_the_pages_that_were_too_wide(server, page):
    """The test above measures pages that hold the long strings (else it would prove nothing)."""
    for path in ("/parties/CHL", "/search?q=Chile"):
        page.goto(server + path)
        expect(page.locator("td.wrap").filter(has_text=LONG_OUTLET).first).to_be_visible()


def test_api_docs_render_offline_under_the_csp(server, page, shots):
    answered = []
    page.on("response", lambda response: answered.append(response.url))
    page.goto(server + "/docs")
    expect(page.get_by_text("/api/counts").first).to_be_visible(timeout=20_000)
    expect(page.locator("h1").first).to_contain_text("parley")
    page.screenshot(path=shots / "api-docs.png")
    assert answered and [url for url in answered if not url.startswith(server)] == []
    # ReDoc's menu shows Redocly's logo from its CDN: the CSP blocks the request (it is never answered, above),
    # and says so on the console; that is the only message there
    assert [error for error in page.errors if "cdn.redoc.ly" not in error] == []
