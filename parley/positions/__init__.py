"""Positions and gaps: statements aggregate into one stance per (party, issue); parties compare per issue."""
from .aggregate import build_positions
from .gaps import build_gaps, gap_status
from .summary import summarize

__all__ = ["build_gaps", "build_positions", "gap_status", "summarize"]
