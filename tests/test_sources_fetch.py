"""The fetch client against a real local web site (tests/conftest.py: follow_site on 127.0.0.1): each limit and
refusal is its coded error naming the address, what robots.txt forbids is never requested, a 304 is "not
modified", and every request names parley. No test here reaches any other address."""
from __future__ import annotations

import time

import pytest
from followsite import FOLLOW_FAILURES, TEST_FETCH

from parley import __version__
from parley.errors import ParleyError
from parley.sources import read_paths
from parley.sources.fetch import Fetcher, is_url, read_url


@pytest.fixture
def fetcher():
    with Fetcher(**TEST_FETCH) as client:
        yield client


def test_a_page_is_read_with_its_title_date_outlet_and_canonical_address(follow_site, fetcher):
    url = follow_site.url("/news/talks-open.html")
    document = read_url(url, fetcher)
    assert document.title == "Corvania demands ferry licences as Lumen Strait talks open"
    assert document.published == "2026-03-02" and document.outlet == "Strait Courier"
    assert document.id == url and document.path == url and document.url == url  # the canonical link, made absolute
    assert "Mira Holt" in document.text and "All rights reserved" not in document.text and "Home" not in document.text


@pytest.mark.parametrize("path", list(FOLLOW_FAILURES))
def test_each_failing_page_is_its_coded_error_naming_the_address(follow_site, fetcher, path):
    url = follow_site.url(path)
    if FOLLOW_FAILURES[path] is None:  # a redirect followed: the article is the page it leads to
        document = read_url(url, fetcher)
        assert document.id == follow_site.url("/news/toll-agreed.html") and document.path == url
        return
    with pytest.raises(ParleyError) as raised:
        read_url(url, fetcher)
    assert raised.value.code == FOLLOW_FAILURES[path] and url in str(raised.value)


def test_limits_hold_in_time(follow_site, fetcher):
    """A silent server is given up after read_timeout, a trickling one after total_time, not after their bodies."""
    for path, most in (("/slow.html", 2.5), ("/trickle.html", 3.5)):
        started = time.monotonic()
        with pytest.raises(ParleyError):
            read_url(follow_site.url(path), fetcher)
        assert time.monotonic() - started < most, path


def test_a_redirect_loop_stops_at_once_and_too_many_redirects_at_the_limit(follow_site):
    with Fetcher(**TEST_FETCH) as client, pytest.raises(ParleyError, match="a redirect loop"):
        read_url(follow_site.url("/loop-a"), client)
    assert len(follow_site.requests("/loop-a")) == 1 and len(follow_site.requests("/loop-b")) == 1
    for n in range(4):
        follow_site.redirect(f"/hop{n}", f"/hop{n + 1}")
    follow_site.redirect("/hop4", "/news/talks-open.html")
    with Fetcher(**{**TEST_FETCH, "max_redirects": 3}) as client, pytest.raises(ParleyError, match="too many"):
        read_url(follow_site.url("/hop0"), client)
    with Fetcher(**{**TEST_FETCH, "max_redirects": 5}) as client:
        assert read_url(follow_site.url("/hop0"), client).title.startswith("Corvania demands")


def test_an_oversized_body_is_not_read_whole(follow_site, fetcher):
    with pytest.raises(ParleyError, match="larger than 200000 bytes"):
        read_url(follow_site.url("/big.html"), fetcher)


def test_robots_txt_is_read_once_and_a_disallowed_path_never_requested(follow_site, fetcher):
    for path in ("/private/leak.html", "/news/talks-open.html", "/private/leak.html"):
        try:
            read_url(follow_site.url(path), fetcher)
        except ParleyError as exc:
            assert exc.code == "E137" and "/private/leak.html" in str(exc)
    assert follow_site.requests("/private/leak.html") == []
    assert len(follow_site.requests("/robots.txt")) == 1


def test_an_unreadable_robots_txt_stops_the_host_for_the_run(follow_site, fetcher):
    follow_site.add("/robots.txt", "down", content_type="text/plain", status=503)
    with pytest.raises(ParleyError) as raised:
        read_url(follow_site.url("/news/talks-open.html"), fetcher)
    assert raised.value.code == "E138" and "HTTP 503" in str(raised.value)
    assert follow_site.requests("/news/talks-open.html") == []


def test_a_robots_txt_that_redirects_is_followed(follow_site):
    """RFC 9309 2.3.1.2: the redirect is followed and its target's rules are the host's (it once blocked the host
    with E138); a redirect loop is E138."""
    follow_site.add("/rules/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    follow_site.redirect("/robots.txt", "/rules/robots.txt", status=301)
    with Fetcher(**TEST_FETCH) as client:
        assert read_url(follow_site.url("/news/talks-open.html"), client).text
        with pytest.raises(ParleyError, match="E137"):
            read_url(follow_site.url("/private/leak.html"), client)
    assert follow_site.requests("/private/leak.html") == [] and len(follow_site.requests("/rules/robots.txt")) == 1
    follow_site.redirect("/robots.txt", "/robots-b.txt")
    follow_site.redirect("/robots-b.txt", "/robots.txt")
    with Fetcher(**TEST_FETCH) as client, pytest.raises(ParleyError, match="E138.*redirects without end"):
        read_url(follow_site.url("/news/talks-open.html"), client)


def test_a_missing_robots_txt_allows_everything_and_a_forbidden_one_nothing(follow_site):
    del follow_site.routes["/robots.txt"]
    with Fetcher(**TEST_FETCH) as client:
        assert read_url(follow_site.url("/private/leak.html"), client).text
    follow_site.add("/robots.txt", "no", content_type="text/plain", status=403)
    with Fetcher(**TEST_FETCH) as client, pytest.raises(ParleyError, match="E137"):
        read_url(follow_site.url("/news/talks-open.html"), client)


def test_a_conditional_get_answered_304_is_not_modified(follow_site, fetcher):
    url = follow_site.url("/rss.xml")
    first = fetcher.fetch(url, "feed")
    assert not first.not_modified and first.etag and first.body.startswith(b"<?xml")
    again = fetcher.fetch(url, "feed", first.etag, first.last_modified)
    assert again.not_modified and again.body == b""
    assert [r.status for r in follow_site.requests("/rss.xml")] == [200, 304]
    assert follow_site.requests("/rss.xml")[1].conditional


def test_a_feed_is_not_a_page_and_a_page_is_not_a_feed(follow_site, fetcher):
    with pytest.raises(ParleyError, match="E136.*application/rss\\+xml"):
        read_url(follow_site.url("/rss.xml"), fetcher)
    with pytest.raises(ParleyError, match="E136.*text/html"):
        fetcher.fetch(follow_site.url("/news/talks-open.html"), "feed")


def test_every_request_names_parley_and_its_version(follow_site, fetcher):
    read_url(follow_site.url("/news/talks-open.html"), fetcher)
    agents = {request.user_agent for request in follow_site.requests()}
    assert agents == {f"parley/{__version__} (reads news about negotiations; respects robots.txt)"}


def test_requests_to_one_host_keep_the_interval_across_threads(follow_site):
    from concurrent.futures import ThreadPoolExecutor

    with Fetcher(**{**TEST_FETCH, "host_interval": 0.3}) as client, ThreadPoolExecutor(4) as pool:
        started = time.monotonic()
        list(pool.map(lambda _: client.fetch(follow_site.url("/news/talks-open.html")), range(4)))
        elapsed = time.monotonic() - started
    assert elapsed >= 0.3 * 4 - 0.05  # robots.txt and four pages: five requests, four intervals between them


def test_a_crawl_delay_in_robots_txt_slows_parley_down(follow_site):
    follow_site.add("/robots.txt", "User-agent: parley\nCrawl-delay: 1\n", content_type="text/plain")
    with Fetcher(**TEST_FETCH) as client:
        client.fetch(follow_site.url("/news/talks-open.html"))
        started = time.monotonic()
        client.fetch(follow_site.url("/news/talks-open.html"))
        assert time.monotonic() - started >= 1 - 0.05


def test_a_crawl_delay_beyond_the_limit_refuses_the_host_at_once(follow_site):
    """A host asking an hour between requests is E145 (fetch.max_crawl_delay), not an hour's wait per page."""
    follow_site.add("/robots.txt", "User-agent: *\nCrawl-delay: 3600\n", content_type="text/plain")
    with Fetcher(**TEST_FETCH) as client:
        started = time.monotonic()
        for _ in range(2):
            with pytest.raises(ParleyError) as raised:
                client.fetch(follow_site.url("/news/talks-open.html"))
            assert raised.value.code == "E145" and "3600 s" in str(raised.value)
        assert time.monotonic() - started < 1
    assert follow_site.requests("/news/talks-open.html") == []
    with Fetcher(**{**TEST_FETCH, "max_crawl_delay": 4000}) as client:
        client.robots.check(follow_site.url("/news/talks-open.html"), "x")  # within the limit: obeyed
        assert client.interval(follow_site.url("/news/talks-open.html")) == 3600


def test_addresses_other_than_http_are_refused(fetcher):
    for url in ("ftp://127.0.0.1/a.html", "http:///no-host", "http://[oops/a"):
        with pytest.raises(ParleyError, match="E130"):
            fetcher.fetch(url)


def test_a_url_among_paths_is_fetched_not_taken_for_a_file(follow_site, tmp_path):
    """`parley analyze https://...` once lost a slash to Path() and failed with E001."""
    assert is_url("HTTPS://example.org/a") and not is_url("notes/http-talks.txt")
    local = tmp_path / "note.txt"
    local.write_text("Corvania demanded ferry licences on Monday.", encoding="utf-8")
    items = list(read_paths([follow_site.url("/news/talks-open.html"), local, follow_site.url("/gone.html")]))
    assert items[0].title.startswith("Corvania demands") and items[1].path == str(local)
    assert isinstance(items[2], ParleyError) and items[2].code == "E134"
