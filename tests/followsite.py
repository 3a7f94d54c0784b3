"""The local web site the fetch and follow tests run against (conftest.py's `follow_site` serves it), and one
follow run as the tests make it. Only 127.0.0.1 is ever asked."""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape
from pathlib import Path

from benchmarks.localweb import LocalSite

FOLLOW = Path(__file__).resolve().parent / "data" / "follow"
# The fixture site's feeds: which pages each lists (an RSS feed, an Atom feed with relative links, a news sitemap).
FOLLOW_FEEDS = {"/rss.xml": ["talks-open", "tolls-rejected", "orchard-fair", "pourparlers-fr"],
                "/atom.xml": ["licences-offer", "toll-agreed"],
                "/sitemap.xml": ["pilots-strike", "talks-open"]}
# Pages that fail, each its own way, all listed in /failures.xml under titles that name a party.
FOLLOW_FAILURES = {"/moved": None, "/loop-a": "E133", "/slow.html": "E132", "/trickle.html": "E132",
                   "/big.html": "E135", "/declared-big.html": "E135", "/photo.png": "E136",
                   "/private/leak.html": "E137", "/gone.html": "E134"}
# The limits the fetch tests run with: no pause between requests, and short time and size limits.
TEST_FETCH = {"host_interval": 0, "read_timeout": 1, "total_time": 2, "max_bytes": 200_000}


def _title(page: Path) -> str:
    return re.search(r"<title>(.*?)</title>", page.read_text("utf-8")).group(1)


def _rss(items: list[tuple[str, str, str]]) -> str:
    body = "".join(f"<item><title>{escape(t)}</title><link>{escape(u)}</link><description>{escape(d)}</description>"
                   f"</item>" for t, u, d in items)
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Strait Courier</title>{body}' \
           f"</channel></rss>"


@contextmanager
def fixture_site() -> Iterator[LocalSite]:
    """The fixture site on 127.0.0.1 (benchmarks/localweb.py): the Lumen Strait pages of tests/data/follow under
    /news/, a robots.txt that keeps parley out of /private/, the feeds of FOLLOW_FEEDS, the failing pages of
    FOLLOW_FAILURES listed in /failures.xml, a malformed feed (/broken.xml) and an HTML page served as XML."""
    with LocalSite() as site:
        pages = {page.stem: page for page in sorted(FOLLOW.glob("*.html"))}
        for stem, page in pages.items():
            site.add(f"/news/{stem}.html", page.read_text("utf-8"))
        site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        site.add("/rss.xml", _rss([(_title(pages[s]), site.url(f"/news/{s}.html"), "From the strait talks.")
                                   for s in FOLLOW_FEEDS["/rss.xml"]]), content_type="application/rss+xml")
        entries = "".join(f"<entry><title>{escape(_title(pages[s]))}</title><link href='/news/{s}.html'/>"
                          f"<id>urn:{s}</id><updated>2026-03-09T10:00:00Z</updated></entry>"
                          for s in FOLLOW_FEEDS["/atom.xml"])
        site.add("/atom.xml", f"<feed xmlns='http://www.w3.org/2005/Atom'><title>Courier</title>{entries}</feed>",
                 content_type="application/atom+xml")
        urls = "".join(f"<url><loc>{site.url(f'/news/{s}.html')}</loc><news:news><news:title>"
                       f"{escape(_title(pages[s]))}</news:title></news:news></url>" for s in FOLLOW_FEEDS["/sitemap.xml"])
        site.add("/sitemap.xml", "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' xmlns:news="
                 f"'http://www.google.com/schemas/sitemap-news/0.9'>{urls}</urlset>", content_type="application/xml")
        site.redirect("/moved", "/news/toll-agreed.html", status=301)
        site.redirect("/loop-a", "/loop-b")
        site.redirect("/loop-b", "/loop-a")
        filler = "<html><body><p>" + "Corvania and Taldoria talked. " * 10_000 + "</p></body></html>"
        site.add("/slow.html", pages["talks-open"].read_text("utf-8"), delay=3)
        site.add("/trickle.html", filler[:20_000], trickle=0.2)
        site.add("/big.html", filler, length=False)
        site.add("/declared-big.html", filler)
        site.add("/photo.png", b"\x89PNG\r\n\x1a\n" + bytes(100), content_type="image/png")
        site.add("/private/leak.html", pages["talks-open"].read_text("utf-8"))
        site.add("/failures.xml", _rss([(f"Corvania story {n}", site.url(path), "")
                                        for n, path in enumerate(FOLLOW_FAILURES)]),
                 content_type="application/rss+xml")
        site.add("/broken.xml", "<rss version='2.0'><channel><item><title>Corvania</title></channel></rss>",
                 content_type="application/rss+xml")
        site.add("/page-as-xml.xml", "<html><body><p>Not a feed</p></body></html>", content_type="text/xml")
        yield site


def follow_once(store, settings, negotiation: str | None = None):
    """One `parley follow run` over the store, in this process (the analysis unbounded), with TEST_FETCH."""
    from parley.run.runners import open_analyzer
    from parley.sources.fetch import Fetcher
    from parley.store.follow import Follower

    with Fetcher(**TEST_FETCH) as fetcher:
        follower = Follower(store, lambda dossier: open_analyzer(dossier, settings, bounded=False), fetcher)
        return follower.run(negotiation)

