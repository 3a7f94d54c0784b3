"""What the event tests read of a sentence: parley with the world gazetteer alone (no dossier), with or without
selective parsing, so that a test also checks the parse planner knows the words."""
from __future__ import annotations

from parley import analyze
from parley.settings import Settings


def events(text: str, selective: bool) -> set[tuple[str, str]]:
    """(actor, action) of every statement that is not negated."""
    settings = Settings().model_copy(update={"selective_parsing": selective})
    return {(s.actor, s.action) for s in analyze(text, settings=settings).statements if not s.negated}
