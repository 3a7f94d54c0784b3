"""The dashboard's Feeds page and /api/feeds over a store that follows the local fixture site (a good feed and a
malformed one): each feed's last run, new articles and errors."""
from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from parley.web import create_app


def test_the_feeds_page_and_api_show_last_run_new_articles_and_errors(followed_db, follow_site):
    app = create_app(str(followed_db), [])
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        feeds = {row["url"]: row for row in client.get("/api/feeds", params={"negotiation": "lumen"}).json()}
        good, broken = feeds[follow_site.url("/atom.xml")], feeds[follow_site.url("/broken.xml")]
        assert (good["kind"], good["new_articles"], good["errors"], good["last_error"]) == ("atom", 2, 0, None)
        assert good["last_run"] and broken["failures"] == 1 and "E139" in broken["last_error"] and broken["next_run"]
        for time in (good["last_run"], broken["next_run"]):  # ISO 8601 with the offset, UTC
            assert time.endswith("+00:00") and dt.datetime.fromisoformat(time).utcoffset() == dt.timedelta(0)
        page = client.get("/feeds", params={"negotiation": "lumen"})
        assert page.status_code == 200 and 'id="feeds"' in page.text
        assert follow_site.url("/broken.xml") in page.text and "last run failed: [E139]" in page.text
        assert 'href="/feeds?negotiation=lumen"' in client.get("/", params={"negotiation": "lumen"}).text
    app.state.web.store.close()


def test_a_negotiation_that_follows_nothing_says_how_to(followed_db):
    import parley

    with parley.open(followed_db) as store:
        store.open_negotiation("world")
    app = create_app(str(followed_db), [])
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/api/feeds", params={"negotiation": "world"}).json() == []
        assert "parley follow add world FEED_URL" in client.get("/feeds", params={"negotiation": "world"}).text
    app.state.web.store.close()
