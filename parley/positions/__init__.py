"""Positions and gaps: statements aggregate into one stance per (party, issue); parties compare per issue; and
(`over_time`, which needs pandas) an article's positions combine over time into where each party stands now."""
from .aggregate import build_positions
from .gaps import build_gaps, gap_status, gaps_between
from .summary import summarize

__all__ = ["build_gaps", "build_positions", "gap_status", "gaps_between", "summarize"]
