"""Dispatch a path (file, directory, `-`, or a web address) to the right reader."""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import E, ParleyError
from .document import SourceDocument, has_words, valid_unicode
from .header import known, split_header
from .html import decode_html, looks_like_html, read_html
from .jsonl import read_jsonl

if TYPE_CHECKING:
    from .fetch import Fetcher

HTML_SUFFIXES = {".html", ".htm"}
ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".jsonl"} | HTML_SUFFIXES
_HEADER_FIELDS = {"url", "title", "outlet", "date", "published", "id"}


def _stem(path: str | None) -> str | None:
    return Path(path).stem if path and path != "-" else None


def read_text(raw: str, path: str | None = None) -> SourceDocument:
    """One article from its raw text: HTML, or plain text with an optional header block."""
    label = path or "<text>"
    raw = valid_unicode(raw.removeprefix("\ufeff"), label)
    if not raw.strip():
        raise ParleyError(E.E003, path=label)
    if looks_like_html(raw) or (path and Path(path).suffix.lower() in HTML_SUFFIXES):
        document = read_html(raw, path)
        document.id = _stem(path) or document.id
        return _with_words(document, label)
    meta, body = split_header(raw)
    if not body.strip():
        raise ParleyError(E.E003, path=label)
    return _with_words(SourceDocument(
        text=body,
        id=known(meta.get("id")) or _stem(path),
        path=path,
        title=known(meta.get("title")),
        outlet=known(meta.get("outlet")),
        published=known(meta.get("date") or meta.get("published")),
        url=known(meta.get("url")),
        metadata={k: v for k, v in meta.items() if k not in _HEADER_FIELDS},
    ), label)


def _with_words(document: SourceDocument, label: str) -> SourceDocument:
    if not has_words(document.text):
        raise ParleyError(E.E009, path=label)
    return document


def _read_file(path: Path) -> Iterator[SourceDocument | ParleyError]:
    # A FIFO or device would block or stream forever: only regular files are articles.
    if not path.is_file():
        yield ParleyError(E.E002, path=path, reason="not a regular file")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ParleyError(E.E002, path=path, reason=exc.strerror or exc)
        return
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if path.suffix.lower() not in HTML_SUFFIXES:
            yield ParleyError(E.E004, path=path, position=exc.start)
            return
        raw = decode_html(data)  # pages declare their own charset (windows-1252, iso-8859-1, ...)
    if path.suffix.lower() == ".jsonl":
        yield from read_jsonl(raw.splitlines(keepends=True), str(path))
        return
    try:
        yield read_text(raw, str(path))
    except ParleyError as exc:
        yield exc


def _read_stdin() -> Iterator[SourceDocument | ParleyError]:
    """stdin holds one article, or JSON Lines of articles when it opens with `{`."""
    raw = sys.stdin.read().removeprefix("\ufeff")
    if raw.lstrip().startswith("{"):
        yield from read_jsonl(raw.splitlines(keepends=True), "<stdin>")
        return
    try:
        yield read_text(raw, "-")
    except ParleyError as exc:
        yield exc


def article_files(folder: Path) -> list[Path]:
    """The article files under a folder, in a stable order (hidden files and folders skipped)."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def read_path(path: str | Path, fetcher: Fetcher | None = None) -> Iterator[SourceDocument | ParleyError]:
    """Every article under one path, in a stable order (hidden files and folders skipped); `-` reads stdin; an
    http(s) address is fetched (with `fetcher`, else a new one) and read as a page."""
    from .fetch import is_url  # the web client loads only for an address

    if is_url(path):
        yield from _read_url(str(path), fetcher)
        return
    if str(path) == "-":
        yield from _read_stdin()
        return
    path = Path(path)
    if not path.exists():
        yield ParleyError(E.E001, path=path)
    elif path.is_dir():
        children = article_files(path)
        if not children:
            yield ParleyError(E.E006, path=path, suffixes=", ".join(sorted(ARTICLE_SUFFIXES)))
        for child in children:
            yield from _read_file(child)
    else:
        yield from _read_file(path)


def _read_url(url: str, fetcher: Fetcher | None) -> Iterator[SourceDocument | ParleyError]:
    from .fetch import Fetcher, read_url

    try:
        if fetcher is None:
            with Fetcher() as own:
                yield read_url(url, own)
        else:
            yield read_url(url, fetcher)
    except ParleyError as exc:
        yield exc


def read_paths(paths: Iterable[str | Path]) -> Iterator[SourceDocument | ParleyError]:
    """Every article under each path in turn; the web addresses among them share one `Fetcher` (its robots.txt
    cache and per-host pace)."""
    from .fetch import Fetcher, is_url

    paths = list(paths)
    if not any(is_url(path) for path in paths):
        for path in paths:
            yield from read_path(path)
        return
    with Fetcher() as fetcher:
        for path in paths:
            yield from read_path(path, fetcher)
