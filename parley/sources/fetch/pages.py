"""A web page as an article: fetched politely (`Fetcher`), then read as a file of the same kind would be: HTML
through trafilatura (main text, title, date, site name, canonical address), plain text with its header block."""
from __future__ import annotations

from urllib.parse import urljoin

from ...errors import E, ParleyError
from ..document import SourceDocument
from ..html import decode_html
from ..reader import read_text
from .client import Fetcher


def read_url(url: str, fetcher: Fetcher) -> SourceDocument:
    """The article at `url`. Its id is the address it was found at after redirects (what makes a page one
    article in the store); `url` is its canonical address when the page names one; `path` is `url` as given."""
    response = fetcher.fetch(url)
    if response.content_type == "text/plain":
        try:
            raw = response.body.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ParleyError(E.E004, path=url, position=exc.start) from exc
    else:  # a page declares its own charset (or trafilatura guesses it)
        raw = decode_html(response.body)
    document = read_text(raw, url)
    document.id = response.final_url
    document.path = url
    document.url = urljoin(response.final_url, document.url) if document.url else response.final_url
    return document
