"""The Feeds page in a real browser: from a negotiation's overview, the Feeds link shows each followed feed of the
local fixture site with its last run, new articles and, for the malformed one, its error and next try; at 390 px
the table scrolls inside itself. Screenshots at 1,366 px and 390 px go to test-output/."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_the_feeds_page_shows_runs_articles_and_errors(followed_db, follow_site, serve_store, page, shots, tmp_path):
    with serve_store(followed_db, [], tmp_path / "serve-feeds.log") as base:
        page.goto(base + "/?negotiation=lumen")
        page.get_by_role("link", name="Feeds").click()
        expect(page).to_have_url(re.compile(r"/feeds\?negotiation=lumen$"))
        rows = page.locator("#feeds tbody tr")
        expect(rows).to_have_count(2)
        good = rows.filter(has_text=follow_site.url("/atom.xml"))
        expect(good.locator("td").nth(1)).to_have_text("atom")
        expect(good.locator("td").nth(3)).to_have_text("2")
        expect(good.locator("td").nth(6)).to_have_text("ok")
        broken = rows.filter(has_text=follow_site.url("/broken.xml"))
        expect(broken).to_have_class("failing")
        expect(broken).to_contain_text("last run failed: [E139]")
        expect(broken).to_contain_text("next try after")
        page.screenshot(path=shots / "feeds-1366.png", full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=shots / "feeds-390.png", full_page=True)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the page is {width} px wide on a 390 px phone"
    assert page.errors == []
