"""Feeds and sitemaps as lists of entries: RSS 2.0 and 1.0, Atom, sitemaps (with Google News titles) and sitemap
indexes, parsed with lxml (trafilatura's own parser) without entities, DTDs or network access, so a hostile feed
cannot expand or reach out. Malformed XML is E139; a well-formed document of another kind is E140."""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree

from ...errors import E, ParleyError

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                          remove_comments=True, remove_pis=True)


@dataclass
class Entry:
    """One item of a feed: the page's address and what the feed says of it (used to filter before fetching)."""

    url: str
    title: str = ""
    summary: str = ""
    published: str | None = None


@dataclass
class Feed:
    """What a feed or sitemap lists: `kind` is rss, atom, sitemap or sitemapindex; an index lists `sitemaps`."""

    kind: str
    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child.tag) == name]


def _text(element: etree._Element, *names: str) -> str:
    """The text of the first child with one of these local names (any namespace), markup inside it dropped."""
    for name in names:
        for child in _children(element, name):
            text = " ".join("".join(child.itertext()).split())
            if text:
                return text
    return ""


def _atom_link(entry: etree._Element) -> str:
    links = _children(entry, "link")
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    return next((link.get("href") for link in links if link.get("href")), "")


def _news_title(element: etree._Element) -> str:
    """A Google News sitemap's <news:news><news:title>."""
    return next((_text(news, "title") for news in _children(element, "news")), "")


def read_feed(body: bytes, url: str, limit: int) -> Feed:
    """The first `limit` entries of an RSS or Atom feed or a sitemap (addresses made absolute against `url`)."""
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ParleyError(E.E139, url=url, line=exc.lineno or 0, reason=exc.msg or "unreadable") from exc
    if root is None:
        raise ParleyError(E.E139, url=url, line=0, reason="no document element")
    kind = _local(root.tag)
    if kind == "rss":
        items = [item for channel in _children(root, "channel") for item in _children(channel, "item")]
        return Feed("rss", _entries(url, limit, ((_text(i, "link", "guid"), _text(i, "title"),
                                                  _text(i, "description", "encoded"),
                                                  _text(i, "pubdate", "date") or None) for i in items)))
    if kind == "rdf":  # RSS 1.0: items beside the channel
        items = _children(root, "item")
        return Feed("rss", _entries(url, limit, ((_text(i, "link"), _text(i, "title"), _text(i, "description"),
                                                  _text(i, "date") or None) for i in items)))
    if kind == "feed":
        items = _children(root, "entry")
        return Feed("atom", _entries(url, limit, ((_atom_link(i), _text(i, "title"), _text(i, "summary", "content"),
                                                   _text(i, "published", "updated") or None) for i in items)))
    if kind == "urlset":
        items = _children(root, "url")
        return Feed("sitemap", _entries(url, limit, ((_text(i, "loc"), _news_title(i), "",
                                                      _text(i, "lastmod") or None) for i in items)))
    if kind == "sitemapindex":
        return Feed("sitemapindex", sitemaps=[address for address in (_absolute(url, _text(s, "loc"))
                                                                      for s in _children(root, "sitemap")) if address])
    raise ParleyError(E.E140, url=url, root=etree.QName(root.tag).localname if isinstance(root.tag, str) else "?")


def _absolute(base: str, link: str) -> str:
    """`link` made absolute against `base`; "" when there is none or it cannot be parsed (`http://[oops/a`), so
    that one badly formed address is skipped and not the whole feed."""
    if not link.strip():
        return ""
    try:
        return urljoin(base, link.strip())
    except ValueError:
        return ""


def _entries(base: str, limit: int, rows) -> list[Entry]:
    """Entries with an address (one that can be parsed), made absolute, each address once, in the feed's order."""
    entries: dict[str, Entry] = {}
    for link, title, summary, published in rows:
        if len(entries) >= limit:
            break
        if address := _absolute(base, link):
            entries.setdefault(address, Entry(address, title, summary, published))
    return list(entries.values())
