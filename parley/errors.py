"""One place for every message a user can see (after spaCy's errors.py).

Each error has a code, so that tests, logs and users can refer to it. Raise `ParleyError(E.E001, path=...)`.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum


class E(str, Enum):
    E001 = "{path}: no such file or directory"
    E002 = "{path}: cannot be read ({reason})"
    E003 = "{path}: the article is empty"
    E004 = "{path}: not valid UTF-8 text (byte {position})"
    E005 = "{path}: no article text could be extracted from the HTML"
    E006 = "{path}: the directory holds no articles ({suffixes})"
    E007 = "{path}: the text holds NUL characters ({count}, the first at character {position}): not a text article"
    E008 = "{path}: {field} is not valid Unicode (a lone surrogate {char} at character {position})"
    E009 = "{path}: no article: the text holds no letters or digits"
    E010 = "{path}, line {line}: the dossier is not valid YAML ({reason})"
    E011 = "{path}: the dossier is invalid: {reason}"
    E012 = "{path}, line {line}: the dossier names {kind} id {ident!r} twice"
    E013 = "{path}, line {line}: the dossier is invalid: {reason}"
    E014 = "{path}, line {line}: the dossier is refused: {reason} (the limit is the setting dossier.{setting})"
    E015 = "{path}, line {line}: the dossier names the key {key!r} twice in one mapping"
    E020 = "{path}, line {line}: not a JSON object ({reason})"
    E021 = "{path}, line {line}: the record has no text"
    E030 = "{path}: gold file is not in a known format ({reason})"
    E031 = "{path}, line {line}: the sentence gold record is invalid: {reason}"
    E032 = "{path}: no gold files here (article gold is *.gold.json, sentence gold *.jsonl)"
    E033 = "{path}: the floors file is invalid: {reason}"
    E040 = "{path}: the data file is invalid: {reason}"
    E041 = "{path}: the settings file (environment variable PARLEY_SETTINGS) is invalid: {reason}"
    E050 = "cannot open the store at {url}: {reason}"
    E051 = "unknown table {table!r}; choose from {choices}"
    E052 = "unknown export format {fmt!r}; choose from {choices}"
    E053 = "{source}: the article could not be analysed ({reason})"
    E054 = "{source}: the article could not be stored ({reason})"
    E055 = ("{source}: stored unanalysed: the process died {count} times while analysing it (a crash in the "
            "analysis, or the ingest was killed); every ingest analyses it again, alone, after the other articles")
    E056 = ("{source}: another ingester on this store has been analysing it for over {seconds:g} s; left to it "
            "(its run stores it, or the next ingest here does)")
    E060 = "the spaCy model {name!r} is not installed; run `make install` (it is pinned in requirements-model.txt)"
    E070 = "--dask {address!r}: give a scheduler address (tcp://host:8786) or local:N with N a number of workers"
    E071 = "--dask {address!r}: cannot reach the Dask scheduler ({reason})"
    E072 = "--workers {workers}: give 1 or more local processes, and not together with --dask"
    E090 = "{source}: the analysis was stopped after {seconds:g} s (the time limit, setting run.time_limit)"
    E091 = "{source}: the analysis process died ({reason}); the other articles go on"
    E080 = ("{feature} needs the optional dependencies parley[{extra}] ({reason}): pip install 'parley[{extra}]' "
            "(`make install` installs every extra)")
    E100 = "{url} holds several negotiations ({names}): name one with --negotiation"
    E101 = "no negotiation {name!r} in the store; known: {names}"
    E102 = "{url} holds no negotiation yet: `parley ingest` articles into it first"
    E103 = "{url}: no such store (only `parley ingest` creates one)"
    E104 = "unknown party id {ident!r} in negotiation {negotiation!r}; known: {known}"
    E105 = "article {article} has no statement at {start}-{end} in negotiation {negotiation!r} (see `parley evidence`)"
    E106 = "the correction is invalid: {reason}"
    E107 = "the {name!r} negotiation is read without a dossier: give another --negotiation name with --dossier"
    E108 = ("negotiation {name!r} has no dossier in the store: give it with --dossier (articles read without one "
            "belong to the `world` negotiation)")
    E120 = ("{source}: not analysed: the article is in {language} ({iso}, detected with probability {probability:.2f}) "
            "and parley reads only {readable}; a spaCy pipeline for {iso!r} can be added in the setting "
            "analysis.pipelines (README: Other languages)")
    E130 = "{url}: not a web address parley fetches ({reason})"
    E131 = "{url}: cannot be fetched ({reason})"
    E132 = "{url}: no complete answer within {seconds:g} s (the time limit, setting fetch.{setting})"
    E133 = "{url}: {reason} (redirects followed: {chain}; the limit is the setting fetch.max_redirects)"
    E134 = "{url}: the server answered HTTP {status} ({reason})"
    E135 = "{url}: the body is larger than {limit} bytes (the limit, setting fetch.max_bytes); the rest was not read"
    E136 = "{url}: the content type is {content_type!r}, not one of {expected} (setting fetch.{setting})"
    E137 = "{url}: robots.txt of {host} does not let parley fetch it ({agent})"
    E138 = "{url}: the robots.txt of {host} could not be read ({reason}); nothing there is fetched this run"
    E139 = "{url}: the feed is not well-formed XML (line {line}: {reason})"
    E140 = "{url}: not an RSS or Atom feed nor a sitemap (the document's root is <{root}>)"
    E141 = "{url}: not followed: give an http(s) address of a feed or sitemap, or a folder that exists"
    E142 = "no followed feed or folder {ident!r} in negotiation {negotiation!r}; followed: {known}"
    E143 = "--every {value!r}: give a duration such as 90s, 15m, 2h or 1d (at least 1 s), and not with --once"
    E144 = "{url}: could not be read: an unexpected {kind} ({reason}); only this address fails (please report it)"
    E145 = ("{url}: the robots.txt of {host} asks {delay:g} s between requests, more than parley waits (setting "
            "fetch.max_crawl_delay: {limit:g} s); nothing there is fetched this run")


class ParleyError(Exception):
    """An error meant for the user: it names the file and the problem."""

    def __init__(self, code: E, **details: object) -> None:
        self.code = code.name
        self.details = details
        super().__init__(f"[{code.name}] " + code.value.format(**details))

    def __reduce__(self):
        """Rebuilt from code and details, so an error made in a worker process reaches the client intact."""
        return (_rebuild, (self.code, self.details))


def _rebuild(code: str, details: dict) -> ParleyError:
    return ParleyError(E[code], **details)


def failure_reason(exc: BaseException) -> str:
    """One line that says why an article could not be analysed (here, not in the pipeline, so that the store can
    record a failure without loading spaCy)."""
    return f"{type(exc).__name__}: {(str(exc).strip().splitlines() or [''])[0][:200]}"


@contextmanager
def needs_extra(extra: str, feature: str) -> Iterator[None]:
    """Turn a missing optional dependency into E080, which names the extra that provides it (the core install is
    what `parley analyze` and an SQLite store need; pyproject.toml lists the extras)."""
    try:
        yield
    except ImportError as exc:
        raise ParleyError(E.E080, feature=feature, extra=extra, reason=str(exc).splitlines()[0]) from exc
