"""`parley follow` runs against the real local fixture site (tests/conftest.py: follow_site, 127.0.0.1 only), on
SQLite and PostgreSQL: every new article is ingested once; a second run fetches nothing new, counted from the
site's log; each failing page is its coded error and the run goes on; robots.txt is obeyed; a French page is
recorded with its language and not analysed; a broken feed backs off; a followed folder gives its new and changed
files; a run stopped half way does not fetch again what it stored."""
from __future__ import annotations

import os
import time

import pytest
from followsite import FOLLOW, FOLLOW_FAILURES, FOLLOW_FEEDS, follow_once

import parley
from parley.dossier import load_dossier
from parley.errors import ParleyError
from parley.sources.fetch import Entry
from parley.store.follow import EntryFilter

ON_TOPIC = sorted({page for pages in FOLLOW_FEEDS.values() for page in pages} - {"orchard-fair", "pourparlers-fr"})


def _pages(site) -> list[str]:
    """The pages (not feeds, not robots.txt) the site was asked for."""
    return [r.path for r in site.requests() if r.path != "/robots.txt" and not r.path.endswith(".xml")]


def test_every_new_article_once_then_nothing_new(db_url, follow_site, store_analyzer):
    feeds = [follow_site.url(path) for path in FOLLOW_FEEDS]
    with parley.open(db_url) as store:
        assert store.follow(feeds, "lumen", load_dossier(FOLLOW / "dossier.yaml")) == [True, True, True]
        assert store.follow(feeds[:1], "lumen") == [False]
        first = follow_once(store, store_analyzer.settings)
        lumen = store.negotiation("lumen")
        assert sorted(lumen.articles()["source"].str.rsplit("/", n=1).str[-1]) == [f"{p}.html" for p in ON_TOPIC]
        # the French page: recorded with its language, not analysed; the orchard fair names no party or issue
        errors = store.errors()
        assert errors["code"].tolist() == ["E120"] and "French" in errors["reason"].iloc[0]
        assert errors["source"].iloc[0] == follow_site.url("/news/pourparlers-fr.html")
        assert follow_site.requests("/news/orchard-fair.html") == []
        assert sorted(_pages(follow_site)) == sorted(f"/news/{p}.html" for p in [*ON_TOPIC, "pourparlers-fr"])
        assert (first.ingest.stored, first.filtered, first.ingest.failed, first.known) == (len(ON_TOPIC), 1, 1, 1)
        assert {"CRV", "TLD"} <= set(lumen.positions()["actor"])
        listed = lumen.feeds().set_index("url")
        assert listed.loc[feeds[0], "kind"] == "rss" and listed.loc[feeds[0], "new_articles"] == 2
        assert listed.loc[feeds[1], "kind"] == "atom" and listed.loc[feeds[2], "kind"] == "sitemap"

        follow_site.clear_log()
        second = follow_once(store, store_analyzer.settings)
        assert {(r.path, r.status) for r in follow_site.requests() if r.path != "/robots.txt"} == {
            (path, 304) for path in FOLLOW_FEEDS}
        assert second.not_modified == 3 and second.fetched == 0 and second.errors == []
        assert len(store.negotiation("lumen").articles()) == len(ON_TOPIC)


def test_each_failing_page_is_its_coded_error_and_the_run_goes_on(db_url, follow_site, store_analyzer):
    with parley.open(db_url) as store:
        store.follow([follow_site.url("/failures.xml")], "lumen", load_dossier(FOLLOW / "dossier.yaml"))
        summary = follow_once(store, store_analyzer.settings)
        errors = store.errors().set_index("source")["code"].to_dict()
        expected = {follow_site.url(path): code for path, code in FOLLOW_FAILURES.items() if code}
        assert errors == expected
        assert all(url in " ".join(summary.errors) for url in expected)
        assert store.negotiation("lumen").articles()["source"].tolist() == [follow_site.url("/moved")]
        assert follow_site.requests("/private/leak.html") == []
        # failures are tried again on later runs (the feed answers 304), until follow.entry_attempts (3) in all;
        # robots.txt is obeyed every time
        for _ in range(3):
            follow_once(store, store_analyzer.settings)
        assert [r.status for r in follow_site.requests("/failures.xml")] == [200, 304, 304, 304]
        assert len(follow_site.requests("/gone.html")) == 3
        assert follow_site.requests("/private/leak.html") == []


def test_a_broken_feed_is_its_error_and_backs_off(db_url, follow_site, store_analyzer):
    with parley.open(db_url) as store:
        store.follow([follow_site.url("/broken.xml"), follow_site.url("/page-as-xml.xml"),
                      follow_site.url("/atom.xml")], "lumen", load_dossier(FOLLOW / "dossier.yaml"))
        summary = follow_once(store, store_analyzer.settings)
        assert [error[:5] for error in summary.errors] == ["[E139", "[E140"]
        assert summary.ingest.stored == 2  # the good feed went on
        listed = store.negotiation("lumen").feeds().set_index("url")
        broken = listed.loc[follow_site.url("/broken.xml")]
        assert broken["failures"] == 1 and "E139" in broken["last_error"] and broken["next_run"] is not None
        follow_site.clear_log()
        again = follow_once(store, store_analyzer.settings)
        assert again.waiting == 2 and follow_site.requests("/broken.xml") == []


def test_a_followed_folder_gives_its_new_and_changed_files(db_url, tmp_path, store_analyzer):
    folder = tmp_path / "wire"
    folder.mkdir()
    one, two = folder / "one.txt", folder / "two.txt"
    one.write_text("Title: One\n---\nCorvania demanded ferry licences from Taldoria on Monday.\n", encoding="utf-8")
    _age(one, 100)
    with parley.open(db_url) as store:
        store.follow([str(folder)], "lumen", load_dossier(FOLLOW / "dossier.yaml"))
        assert follow_once(store, store_analyzer.settings).ingest.stored == 1
        assert follow_once(store, store_analyzer.settings).fetched == 0
        two.write_text("Taldoria rejected a cap on the strait toll on Tuesday.\n", encoding="utf-8")
        one.write_text(one.read_text("utf-8") + "Taldoria said it would study the demand.\n", encoding="utf-8")
        assert follow_once(store, store_analyzer.settings).fetched == 0  # just written: left for the next run
        _age(one, 30)
        _age(two, 30)
        third = follow_once(store, store_analyzer.settings)
        assert (third.fetched, third.ingest.stored) == (2, 2)
        assert store.negotiation("lumen").feeds()["kind"].tolist() == ["folder"]


def _age(path, seconds: float) -> None:
    """Make a file look modified `seconds` ago (a followed folder leaves younger files for the next run)."""
    os.utime(path, (time.time() - seconds, time.time() - seconds))


def test_a_followed_folder_skips_a_file_gone_since_it_was_listed(db_url, tmp_path, store_analyzer, monkeypatch):
    import parley.store.follow as follow

    folder = tmp_path / "wire"
    folder.mkdir()
    kept = folder / "kept.txt"
    kept.write_text("Corvania demanded ferry licences from Taldoria on Monday.\n", encoding="utf-8")
    _age(kept, 60)
    monkeypatch.setattr(follow, "article_files", lambda path: [path / "deleted.txt", kept])
    with parley.open(db_url) as store:
        store.follow([str(folder)], "lumen", load_dossier(FOLLOW / "dossier.yaml"))
        summary = follow_once(store, store_analyzer.settings)
        assert (summary.fetched, summary.ingest.stored, summary.errors) == (1, 1, [])


def test_a_page_the_negotiation_holds_is_not_fetched_again(db_url, follow_site, store_analyzer):
    """What a run stopped before settling its entries had stored (here: ingested by address) is settled without
    a fetch."""
    from parley.sources import read_paths

    dossier = load_dossier(FOLLOW / "dossier.yaml")
    with parley.open(db_url) as store:
        store.ingest(read_paths([follow_site.url("/news/licences-offer.html")]), store_analyzer.__class__(
            dossier, store_analyzer.settings), negotiation="lumen", dossier=dossier)
        store.follow([follow_site.url("/atom.xml")], "lumen")
        follow_site.clear_log()
        summary = follow_once(store, store_analyzer.settings)
        assert _pages(follow_site) == ["/news/toll-agreed.html"] and summary.known == 1


def test_follow_refuses_what_it_cannot_follow(tmp_path):
    with parley.open(tmp_path / "p.db") as store:
        with pytest.raises(ParleyError, match="E141"):
            store.follow([str(tmp_path / "nowhere")], "world")
        with pytest.raises(ParleyError, match="E108"):
            store.follow(["http://127.0.0.1:9/feed.xml"], "lumen")  # a new negotiation needs its dossier
        assert store.follow(["http://127.0.0.1:9/feed.xml"], "world") == [True]  # recorded, not fetched
        with pytest.raises(ParleyError, match="E142.*followed: http://127.0.0.1:9/feed.xml"):
            store.unfollow("http://127.0.0.1:9/other.xml", "world")
        store.unfollow("http://127.0.0.1:9/feed.xml", "world")
        assert store.negotiation("world").feeds().empty


def test_the_entry_filter_names_parties_people_aliases_and_keywords():
    keep = EntryFilter(load_dossier(FOLLOW / "dossier.yaml"))
    assert keep.passes(Entry("http://h/a", "Talks resume in Kessel"))
    assert keep.passes(Entry("http://h/a", "", "Mira Holt spoke"))
    assert keep.passes(Entry("http://h/2026/strait-TOLL-rises"))          # the address's words
    assert not keep.passes(Entry("http://h/a", "Corvanian cheese wins a prize"))  # whole words only
    assert not keep.passes(Entry("http://h/orchard-fair", "Orchard fair"))
    assert EntryFilter(None).passes(Entry("http://h/orchard-fair", "Orchard fair"))


def test_a_badly_formed_address_fails_only_its_feed_or_entry(db_url, follow_site, store_analyzer):
    """`http://[oops/a` ("Invalid IPv6 URL" to urllib) as a feed entry is skipped, as a redirect's target or a
    followed address it is E130 for that feed alone, which backs off; the other feeds go on."""
    from followsite import _rss

    follow_site.add("/odd.xml", _rss([("Corvania story", "http://[oops/a", ""),
                                      ("Corvania demands", follow_site.url("/news/talks-open.html"), "")]),
                    content_type="application/rss+xml")
    follow_site.redirect("/to-nowhere.xml", "http://[oops/b")
    odd, nowhere, unparsable = follow_site.url("/odd.xml"), follow_site.url("/to-nowhere.xml"), "http://[oops/feed.xml"
    with parley.open(db_url) as store:
        store.follow([odd, nowhere, unparsable, follow_site.url("/atom.xml")], "lumen",
                     load_dossier(FOLLOW / "dossier.yaml"))
        summary = follow_once(store, store_analyzer.settings)
        assert sorted(error[:5] for error in summary.errors) == ["[E130", "[E130"]
        assert summary.ingest.stored == 3  # talks-open from the odd feed, two pages from the Atom feed
        listed = store.negotiation("lumen").feeds().set_index("url")
        for url in (nowhere, unparsable):
            assert listed.loc[url, "failures"] == 1 and "E130" in listed.loc[url, "last_error"]
        assert listed.loc[odd, "failures"] == 0 and listed.loc[odd, "new_articles"] == 1


def test_an_unexpected_error_fails_only_its_feed_or_page(db_url, follow_site, store_analyzer, monkeypatch):
    """Whatever a feed's reading or a page's fetch raises (here a bug planted in each) is E144 for that feed or
    page; the run goes on and records every feed."""
    import parley.store.follow as follow

    real_read_feed, real_read_url = follow.read_feed, follow.read_url

    def read_feed(body, url, limit):
        if url.endswith("/sitemap.xml"):
            raise RuntimeError("a surprise in the sitemap")
        return real_read_feed(body, url, limit)

    def read_url(url, fetcher):
        if url.endswith("/toll-agreed.html"):
            raise ValueError("Invalid IPv6 URL")
        return real_read_url(url, fetcher)

    monkeypatch.setattr(follow, "read_feed", read_feed)
    monkeypatch.setattr(follow, "read_url", read_url)
    with parley.open(db_url) as store:
        store.follow([follow_site.url("/sitemap.xml"), follow_site.url("/atom.xml")], "lumen",
                     load_dossier(FOLLOW / "dossier.yaml"))
        summary = follow_once(store, store_analyzer.settings)
        assert sorted(error[:5] for error in summary.errors) == ["[E144", "[E144"]
        assert "RuntimeError" in " ".join(summary.errors) and summary.ingest.stored == 1
        assert store.errors().set_index("source")["code"].to_dict() == {
            follow_site.url("/news/toll-agreed.html"): "E144"}
        listed = store.negotiation("lumen").feeds().set_index("url")
        assert "E144" in listed.loc[follow_site.url("/sitemap.xml"), "last_error"]
        assert listed.loc[follow_site.url("/atom.xml"), "last_run"] is not None


def test_a_sitemap_index_gives_the_new_entries_of_its_children_and_survives_a_failing_child(db_url, follow_site,
                                                                                           store_analyzer):
    """An index is unchanged (it would answer 304) when a child sitemap lists a new page: it is asked without
    validators; a child that fails is its own error, not the index's."""
    def sitemap(*stems: str) -> str:
        urls = "".join(f"<url><loc>{follow_site.url(f'/news/{s}.html')}</loc></url>" for s in stems)
        return f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>"

    follow_site.add("/index.xml", "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                    "<sitemap><loc>/child-missing.xml</loc></sitemap><sitemap><loc>/child.xml</loc></sitemap>"
                    "</sitemapindex>", content_type="application/xml")
    follow_site.add("/child.xml", sitemap("talks-open"), content_type="application/xml")
    index = follow_site.url("/index.xml")
    with parley.open(db_url) as store:
        store.follow([index], "lumen", load_dossier(FOLLOW / "dossier.yaml"), filtered=False)
        first = follow_once(store, store_analyzer.settings)
        assert first.ingest.stored == 1 and [error[:5] for error in first.errors] == ["[E134"]
        assert "/child-missing.xml" in first.errors[0]
        listed = store.negotiation("lumen").feeds().set_index("url")
        assert listed.loc[index, "kind"] == "sitemapindex" and listed.loc[index, "failures"] == 0
        follow_site.add("/child.xml", sitemap("talks-open", "licences-offer"), content_type="application/xml")
        second = follow_once(store, store_analyzer.settings)
        assert second.ingest.stored == 1 and second.not_modified == 0
        assert follow_site.url("/news/licences-offer.html") in store.negotiation("lumen").articles()["source"].tolist()


def test_only_permanent_failures_use_up_an_entrys_attempts(db_url, follow_site, store_analyzer):
    """A page whose server answers 503 (or times out) is tried on every run until it answers; a 404 only
    follow.entry_attempts (3) times."""
    from followsite import _rss

    follow_site.add("/flaky.html", "down for now", content_type="text/plain", status=503)
    follow_site.add("/flaky.xml", _rss([("Corvania story", follow_site.url("/flaky.html"), ""),
                                        ("Corvania gone", follow_site.url("/gone.html"), "")]),
                    content_type="application/rss+xml")
    with parley.open(db_url) as store:
        store.follow([follow_site.url("/flaky.xml")], "lumen", load_dossier(FOLLOW / "dossier.yaml"))
        for _ in range(5):
            follow_once(store, store_analyzer.settings)
        assert len(follow_site.requests("/flaky.html")) == 5 and len(follow_site.requests("/gone.html")) == 3
        follow_site.add("/flaky.html", (FOLLOW / "talks-open.html").read_text("utf-8"))
        assert follow_once(store, store_analyzer.settings).ingest.stored == 1
        assert store.negotiation("lumen").articles()["source"].tolist() == [follow_site.url("/flaky.html")]


def test_the_backoff_of_a_feed_failing_for_ever_stays_at_its_longest(tmp_path):
    """2 ** (failures - 1) once overflowed a float after 1025 failures in a row, and every later run crashed."""
    import datetime as dt

    from sqlalchemy import update

    from parley.store import schema
    from parley.store.feeds import now, record_run

    with parley.open(tmp_path / "p.db") as store:
        store.follow(["http://127.0.0.1:9/feed.xml"], "world")
        with store.engine.begin() as connection:
            connection.execute(update(schema.Feed).values(failures=5000))
        record_run(store.engine, 1, error="[E131] down")
        feed = store.negotiation("world").feeds().iloc[0]
        assert feed["failures"] == 5001
        assert feed["next_run"] <= now().replace(tzinfo=dt.UTC) + dt.timedelta(seconds=86400)


def test_a_follower_fetches_with_the_fetcher_it_is_given(tmp_path):
    """It once made a Fetcher of its own when given none, which nobody closed."""
    from parley.store.follow import Follower

    with parley.open(tmp_path / "p.db") as store:
        with pytest.raises(TypeError, match="fetcher"):
            Follower(store, lambda dossier: None)
