"""Line-level page clutter, by the general patterns in data/patterns/boilerplate.yaml."""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml


@cache
def _pattern() -> re.Pattern[str]:
    groups = yaml.safe_load(resources.files("parley").joinpath("data/patterns/boilerplate.yaml").read_text("utf-8"))
    alternatives = [p for patterns in groups.values() for p in patterns]
    return re.compile(r"^\s*(?:" + "|".join(f"(?:{p})" for p in alternatives) + r")\s*[.:!]?\s*$", re.I)


def is_boilerplate(line: str) -> bool:
    """True for a whole line of page furniture ("Read more", "Share this", photo credits)."""
    return len(line) <= 200 and bool(_pattern().match(line))
