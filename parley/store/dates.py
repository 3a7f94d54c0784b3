"""Dates: an article's from its metadata or opening lines; a statement's from the time phrases in its sentence,
resolved against the article's date (dateparser)."""
from __future__ import annotations

import datetime as dt
import re
from functools import cache

import dateparser

from ..settings import defaults

_ABSOLUTE = ("day_month", "month_day")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    config = {k: v for k, v in defaults("store")["dates"].items() if isinstance(v, str)}
    return {name: re.compile(pattern, re.I) for name, pattern in config.items()}


def parse_date(value: str | None, base: dt.date | None = None) -> dt.date | None:
    """One date expression, relative ones against `base`; None if dateparser cannot read it."""
    if not value or not value.strip():
        return None
    settings: dict = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time(12))
    parsed = dateparser.parse(value.strip(), languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def article_date(published: str | None, text: str) -> dt.date | None:
    """The metadata date; failing that, a full date (with a year) near the top of the text."""
    found = parse_date(published)
    if found:
        return found
    head = text[: defaults("store")["dates"]["text_window"]]
    for name in _ABSOLUTE:
        for match in _patterns()[name].finditer(head):
            if re.search(r"\d{4}", match.group(0)):
                return parse_date(match.group(0))
    return None


def statement_date(sentence: str, published: dt.date | None) -> dt.date | None:
    """The first time phrase of the sentence that resolves to a day on or before the article's; else its date."""
    phrases = sorted((m.start(), m.group(0)) for p in _patterns().values() for m in p.finditer(sentence))
    for _, phrase in phrases:
        if published is None and not re.search(r"\d{4}", phrase):
            continue  # a relative phrase needs the article's date to mean anything
        found = parse_date(re.sub(r"^(on|this past)\s+", "", phrase, flags=re.I), published)
        if found and published and found == published - dt.timedelta(days=7) and not phrase.lower().startswith("last"):
            return published  # "on Friday" in Friday's paper is that day, not a week before
        if found and (published is None or found <= published):
            return found
    return published
