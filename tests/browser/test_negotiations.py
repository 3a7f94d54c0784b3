"""Several negotiations in a real browser: switch negotiation → overview → issue → evidence → correct a statement
(behind the write token) → see it corrected in the matrix and in an export → download the report. Screenshots of
the overview, an issue page and the correction form at 1,366 px and 390 px go to test-output/."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

import parley

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}


@pytest.fixture(scope="module")
def several(tmp_path_factory, web_seed, web_dossiers, dev_readings, serve_store) -> Iterator[str]:
    """The example negotiation, the dev articles' Israel-Hamas one, and world (BBC articles without a dossier)."""
    db = tmp_path_factory.mktemp("several") / "parley.db"
    with parley.open(db) as store:
        store.add(web_seed, negotiation="timeline", dossier=parley.load_dossier(web_dossiers[0]))
        key = next(k for k in dev_readings if k.endswith("israel-hamas.yaml"))
        store.add(dev_readings[key], dossier=parley.load_dossier(key))
        store.add(dev_readings["world"], negotiation="world")
    with serve_store(db, [], tmp_path_factory.getbasetemp() / "serve-several.log") as base:
        yield base


def _shoot(page, shots: Path, name: str) -> None:
    """A full-page screenshot at each width, back at the desktop width after."""
    for label, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=shots / f"{name}-{width}.png", full_page=True)
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS["desktop"])))


def test_switch_correct_see_it_corrected_and_download_the_report(several, browser, shots, write_token):
    context = browser.new_context(viewport=dict(zip(("width", "height"), WIDTHS["desktop"])), accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(several + "/")
    expect(page.locator("#negotiations")).to_contain_text("israel-hamas")
    page.select_option("#negotiation-switcher", "timeline")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"/\?negotiation=timeline$"))
    matrix = page.locator("#matrix")
    expect(matrix).to_be_visible()
    assert matrix.locator("td[data-actor='ISR'], td[data-actor='HAMAS']").count() == 0  # another negotiation's
    _shoot(page, shots, "negotiation-overview")

    matrix.get_by_role("link", name="Fixed summer water quota for Sudavia").click()
    expect(page).to_have_url(re.compile(r"/issues/water_quota\?negotiation=timeline$"))
    _shoot(page, shots, "negotiation-issue")
    api = {"negotiation": "timeline", "limit": 1000}
    (current,) = [p for p in httpx.get(several + "/api/positions", params=api).json()
                  if (p["actor"], p["issue"]) == ("NMK", "water_quota")]
    said = next(s["text"] for s in httpx.get(several + "/api/statements", params=api).json()
                if s["id"] == current["statement_ids"][0])
    item = page.locator(".evidence-item").filter(has_text=said[:60]).first
    item.get_by_role("link", name="correct").click()
    expect(page.locator("#correct-form")).to_be_visible()
    _shoot(page, shots, "negotiation-correct-form")
    page.select_option("select[name=stance]", "for" if current["stance"] != "for" else "against")
    page.fill("input[name=note]", "the article says otherwise")
    page.fill("input[name=analyst]", "Ana")
    page.fill("input[name=token]", write_token)
    page.get_by_role("button", name="Record the correction").click()
    expect(page.locator("#recorded")).to_contain_text("recorded")

    page.goto(several + "/?negotiation=timeline")
    cell = page.locator("#matrix td[data-actor='NMK'][data-issue='water_quota']")
    expect(cell.locator(".corrected-mark")).to_be_visible()
    page.goto(several + "/issues/water_quota?negotiation=timeline")
    expect(page.locator(".evidence-item").filter(has_text=said[:60]).first.locator(".tag.corrected")).to_be_visible()
    exported = httpx.get(several + "/api/statements", params={**api, "issue": "water_quota"}).json()
    assert any(s["corrected"] == "change by Ana: the article says otherwise" for s in exported)

    page.goto(several + "/changes?negotiation=timeline&since=2025-01-01")
    expect(page.locator("#changes")).to_be_visible()
    with page.expect_download() as download:
        page.locator("#report-md").click()
    report = shots / "negotiation-report-timeline.md"
    download.value.save_as(report)
    text = report.read_text()
    assert "## Changes since 2025-01-01" in text and "change by Ana: the article says otherwise" in text
    assert "NMK" in text and "(corrected)" in text
    assert errors == []
    context.close()
