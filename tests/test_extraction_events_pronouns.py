"""Pronouns inside a party's quotation (parley/extraction/actors/coref.py), as the event rules see them, on
sentences we write about a fictional fishing dispute."""
from __future__ import annotations

import pytest

from parley import analyze
from parley.dossier import Dossier
from parley.settings import Settings

DOSSIER = Dossier.model_validate({
    "name": "Harbour talks",
    "actors": [{"id": "NOR", "name": "Norway"}, {"id": "ISL", "name": "Iceland"}],
    "issues": [{"id": "port_access", "label": "Port access", "keywords": ["port access"],
                "proposition": "Icelandic boats may land fish in Norwegian ports"}],
})


def events(text: str, selective: bool) -> set[tuple[str, str]]:
    settings = Settings().model_copy(update={"selective_parsing": selective})
    """(actor, action) of the statements that are events: affirmed, as `parley eval` counts them."""
    statements = analyze(text, dossier=DOSSIER, settings=settings).statements
    return {(s.actor, s.action) for s in statements if not s.negated}


@pytest.mark.parametrize("selective", [True, False])
def test_they_in_a_partys_own_quotation_is_not_that_party(selective: bool) -> None:
    found = events('Norway spoke after the talks. "We came in good faith, but last week they presented an offer '
                   'worth less than before," Norway said.', selective)
    assert ("NOR", "propose") not in found


@pytest.mark.parametrize("selective", [True, False])
def test_they_in_a_quotation_still_finds_the_other_party(selective: bool) -> None:
    found = events('Iceland sent its fleet home on Monday. "They have walked away from the table," Norway said.',
                   selective)
    assert ("ISL", "reject") in found
