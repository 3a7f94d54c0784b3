"""HTML articles: main text and metadata through trafilatura."""
from __future__ import annotations

import trafilatura
from trafilatura.utils import decode_file

from ..errors import E, ParleyError
from .document import SourceDocument


def decode_html(data: bytes) -> str:
    """A page that is not UTF-8, decoded by the charset it declares or trafilatura's best guess."""
    return decode_file(data)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def read_html(html: str, path: str | None = None) -> SourceDocument:
    """Extract the article body (no comments, no tables of links) and its title, date and site name."""
    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not body or not body.strip():
        raise ParleyError(E.E005, path=path or "<html>")
    meta = trafilatura.extract_metadata(html)
    return SourceDocument(
        text=body,
        path=path,
        title=getattr(meta, "title", None),
        outlet=getattr(meta, "sitename", None),
        published=getattr(meta, "date", None),
        url=getattr(meta, "url", None),
    )
