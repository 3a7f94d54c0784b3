"""Feeds and sitemaps as entries: RSS 2.0 and 1.0, Atom (relative links), news sitemaps, sitemap indexes; malformed
XML is E139, another document E140, and entities are never expanded."""
from __future__ import annotations

import pytest

from parley.errors import ParleyError
from parley.sources.fetch import read_feed

BASE = "http://127.0.0.1:8000/feeds/main.xml"


def test_rss_items_keep_title_summary_and_date():
    feed = read_feed(b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
        <item><title>Corvania <b>demands</b></title><link> /a.html </link><description>Ferry talks</description>
        <pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>
        <item><title>No link</title></item>
        <item><title>Again</title><link>http://127.0.0.1:8000/a.html</link></item>
        <item><guid>http://127.0.0.1:8000/b.html</guid><title>Guid only</title></item></channel></rss>""", BASE, 100)
    assert feed.kind == "rss"
    assert [e.url for e in feed.entries] == ["http://127.0.0.1:8000/a.html", "http://127.0.0.1:8000/b.html"]
    first = feed.entries[0]
    assert (first.title, first.summary, first.published) == ("Corvania demands", "Ferry talks",
                                                             "Mon, 02 Mar 2026 09:00:00 GMT")


def test_rss_1_0_and_atom():
    rdf = read_feed(b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
        <channel><title>T</title></channel><item><title>One</title><link>http://127.0.0.1:8000/1</link></item>
        </rdf:RDF>""", BASE, 100)
    assert rdf.kind == "rss" and [e.title for e in rdf.entries] == ["One"]
    atom = read_feed(b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
        <entry><title>Two</title><link rel="enclosure" href="/two.mp3"/><link href="two.html"/>
        <summary>S</summary><updated>2026-03-09T10:00:00Z</updated></entry></feed>""", BASE, 100)
    assert atom.kind == "atom"
    assert [(e.url, e.summary, e.published) for e in atom.entries] == [
        ("http://127.0.0.1:8000/feeds/two.html", "S", "2026-03-09T10:00:00Z")]


def test_sitemaps_and_indexes():
    sitemap = read_feed(b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        <url><loc>http://127.0.0.1:8000/x.html</loc><news:news><news:title>Taldoria agrees</news:title></news:news>
        <lastmod>2026-03-09</lastmod></url><url><loc>http://127.0.0.1:8000/y.html</loc></url></urlset>""", BASE, 100)
    assert sitemap.kind == "sitemap"
    assert [(e.url, e.title, e.published) for e in sitemap.entries] == [
        ("http://127.0.0.1:8000/x.html", "Taldoria agrees", "2026-03-09"), ("http://127.0.0.1:8000/y.html", "", None)]
    index = read_feed(b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>/s1.xml</loc></sitemap><sitemap><loc>http://127.0.0.1:8000/s2.xml</loc></sitemap>
        </sitemapindex>""", BASE, 100)
    assert index.kind == "sitemapindex" and index.sitemaps == ["http://127.0.0.1:8000/s1.xml",
                                                               "http://127.0.0.1:8000/s2.xml"]


def test_only_the_first_entries_up_to_the_limit():
    items = "".join(f"<item><link>http://127.0.0.1:8000/{n}</link></item>" for n in range(10))
    assert len(read_feed(f"<rss><channel>{items}</channel></rss>".encode(), BASE, 3).entries) == 3


@pytest.mark.parametrize("body, code", [
    (b"<rss><channel><item></channel></rss>", "E139"),
    (b"", "E139"),
    (b"not xml at all", "E139"),
    (b"<html><body>a page</body></html>", "E140"),
])
def test_what_is_not_a_feed_is_its_coded_error(body, code):
    with pytest.raises(ParleyError) as raised:
        read_feed(body, BASE, 100)
    assert raised.value.code == code and BASE in str(raised.value)


def test_entities_are_not_expanded():
    """A 'billion laughs' feed: its entities stay unexpanded (and unread), so it costs nothing."""
    bomb = b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">
        <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
        <rss><channel><item><title>&c;</title><link>http://127.0.0.1:8000/1</link></item></channel></rss>"""
    try:
        feed = read_feed(bomb, BASE, 100)
    except ParleyError as exc:
        assert exc.code == "E139"
    else:
        assert "aaaa" not in feed.entries[0].title


def test_an_address_that_cannot_be_parsed_is_skipped_not_the_feed():
    feed = read_feed(b"""<rss><channel><item><link>http://[oops/a</link></item>
        <item><link>/b.html</link></item></channel></rss>""", BASE, 100)
    assert [e.url for e in feed.entries] == ["http://127.0.0.1:8000/b.html"]
    index = read_feed(b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>http://[oops/s1.xml</loc></sitemap><sitemap><loc>/s2.xml</loc></sitemap></sitemapindex>""",
                      BASE, 100)
    assert index.sitemaps == ["http://127.0.0.1:8000/s2.xml"]
